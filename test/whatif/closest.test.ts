import { describe, expect, it } from 'vitest';
import { findClosestChange } from '../../src/whatif/closest.js';
import { simulateShortlist } from '../../src/whatif/simulate.js';
import { makeGrid, makeSmallTender } from './fixture-grid.js';
import { makeWorld } from './small-world.js';

const scenario = { criteria: makeGrid(), tender: makeSmallTender(2) };
const closest = (id: string, input = makeWorld()) => findClosestChange(input, scenario, id);

describe('the small world', () => {
  it('has the standings the cases rely on', () => {
    const view = simulateShortlist(makeWorld(), scenario).candidates.map((c) => [c.id, c.status, c.rank]);
    expect(view).toEqual([
      ['c01-strong', 'shortlisted', 1],
      ['c02-good', 'shortlisted', 2],
      ['c03-reserve', 'reserve', 3],
      ['c04-turnover-250k', 'rejected', null],
      ['c05-low-total', 'rejected', null],
      ['c06-late', 'rejected', null],
      ['c07-small-refs', 'rejected', null],
      ['c08-turnover-260k', 'rejected', null],
      ['c99-broken', 'invalid', null],
    ]);
  });
});

describe('findClosestChange', () => {
  it('moves the cut for a reserve candidate, by as little as needed', () => {
    const answer = closest('c03-reserve');
    expect(answer.best).toMatchObject({
      parameter: 'shortlist.max',
      from: 2,
      to: 3,
      relative: 0.5,
      works: true,
    });
    expect(answer.best?.outcome).toMatchObject({ status: 'shortlisted', rank: 3 });
  });

  it('lowers a failed gate threshold to exactly the candidate metric', () => {
    const answer = closest('c08-turnover-260k');
    expect(answer.best).toMatchObject({
      parameter: 'SEL-1.average_at_least',
      from: 300000,
      to: 260000,
      works: true,
    });
    expect(answer.best?.relative).toBeCloseTo(40000 / 300000, 10);
  });

  it('re-ranks everyone: a change that also lets stronger candidates in does not count', () => {
    // Lowering SEL-1 to 250,000 lets c08 in as well; c01, c04 and c08 then tie across the cut.
    const answer = closest('c04-turnover-250k');
    expect(answer.best).toBeNull();
    expect(answer.attempts).toEqual([
      expect.objectContaining({
        parameter: 'SEL-1.average_at_least',
        to: 250000,
        works: false,
        outcome: expect.objectContaining({ status: 'tied', rank: 1 }),
      }),
    ]);
  });

  it('prefers the smallest relative change among the thresholds that work', () => {
    const answer = closest('c07-small-refs');
    const tried = Object.fromEntries(answer.attempts.map((a) => [a.parameter, [a.to, a.works]]));
    expect(tried).toEqual({
      'SEL-4.at_least': [1, true],
      'SEL-4.filter.min_value': [120000, true],
      'SEL-4.filter.within_years': [null, false],
    });
    expect(answer.best).toMatchObject({ parameter: 'SEL-4.filter.min_value', to: 120000 });
    expect(answer.best?.relative).toBeCloseTo(0.2, 10);
  });

  it('says when lowering the threshold only reaches the reserve', () => {
    const answer = closest('c05-low-total');
    expect(answer.best).toBeNull();
    expect(answer.attempts).toEqual([
      expect.objectContaining({
        parameter: 'shortlist_threshold',
        from: 20,
        to: 10,
        works: false,
        outcome: expect.objectContaining({ status: 'reserve', rank: 4 }),
      }),
    ]);
  });

  it('names a failed gate that has no threshold', () => {
    const answer = closest('c06-late');
    expect(answer.best).toBeNull();
    expect(answer.blockers).toEqual([{ criterion: 'ADM-1', rule: 'deadline', reason: 'no_threshold' }]);
    expect(answer.attempts).toEqual([]);
  });

  it("does not try to undo the secretary's override", () => {
    const override = {
      candidate: 'c03-reserve',
      criterion: 'SEL-1',
      passed: false,
      reason: 'forged accounts',
      by: 'S',
      at: '2025-12-01T00:00:00Z',
    };
    const answer = closest('c03-reserve', makeWorld({ overrides: [override] }));
    expect(answer.status).toBe('rejected');
    expect(answer.blockers).toEqual([{ criterion: 'SEL-1', rule: 'turnover', reason: 'override' }]);
    expect(answer.best).toBeNull();
  });

  it.each([
    ['c01-strong', 'shortlisted'],
    ['c99-broken', 'invalid'],
  ])('does not apply to %s (%s)', (id, status) => {
    expect(closest(id)).toMatchObject({ status, applicable: false, best: null, attempts: [] });
  });

  it('leaves its input untouched', () => {
    const input = makeWorld();
    const before = structuredClone(input);
    const criteria = structuredClone(scenario.criteria);
    findClosestChange(input, scenario, 'c07-small-refs');
    expect(input).toEqual(before);
    expect(scenario.criteria).toEqual(criteria);
  });
});
