import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/core/types.js';
import { UserError } from '../../src/errors.js';
import { parseAssignments } from '../../src/whatif/assignments.js';
import { applyAssignments, buildScenario } from '../../src/whatif/scenario.js';
import { makeGrid, makeSmallTender } from './fixture-grid.js';

const base = () => ({ criteria: makeGrid(), tender: makeSmallTender(2) });
const assign = (texts: string[]) => parseAssignments(texts, makeGrid());
const ruleOf = (scenario: ReturnType<typeof base>, id: string): Rule | undefined =>
  scenario.criteria.criteria.find((c) => c.id === id)?.rule;

describe('applyAssignments', () => {
  it('changes only what is asked, in a copy', () => {
    const start = base();
    const snapshot = structuredClone(start);
    const next = applyAssignments(
      start,
      assign(['SEL-4.filter.min_value=100000', 'threshold=30', 'shortlist.max=5']),
    );
    expect(start).toEqual(snapshot);
    expect(ruleOf(next, 'SEL-4')).toMatchObject({
      at_least: 2,
      filter: { min_value: 100000, within_years: 5, tags_any: ['human_rights'] },
    });
    expect(next.criteria.shortlist_threshold).toBe(30);
    expect(next.tender.shortlist).toEqual({ min: 1, max: 5 });
  });

  it('creates a filter the criterion did not have', () => {
    const start = base();
    const exp = start.criteria.criteria.find((c) => c.id === 'EXP-1');
    if (exp?.rule.type === 'references') delete (exp.rule as { filter?: unknown }).filter;
    const next = applyAssignments(start, assign(['EXP-1.filter.within_years=3']));
    expect(ruleOf(next, 'EXP-1')).toMatchObject({ filter: { within_years: 3 } });
  });
});

describe('buildScenario', () => {
  it('accepts a change a criteria file could hold', () => {
    const next = buildScenario(base(), assign(['SEL-1.average_at_least=150000']));
    expect(ruleOf(next, 'SEL-1')).toMatchObject({ average_at_least: 150000 });
  });

  it.each([
    [['SEL-4.at_least=2.5'], 'SEL-4.at_least: expected a whole number'],
    [['SEL-1.years=0'], 'SEL-1.years'],
    [['SEL-4.filter.within_years=0'], 'SEL-4.filter.within_years'],
    [['EXP-1.max=-1'], 'EXP-1.max'],
    [['threshold=-5'], 'shortlist_threshold'],
    [['shortlist.min=3'], 'shortlist.min (3) must not be above shortlist.max (2)'],
    [['shortlist.max=0'], 'shortlist.max: expected a whole number from 1 to 1000'],
  ])('refuses %s with a usage error naming the parameter', (texts, message) => {
    const build = () => buildScenario(base(), assign(texts));
    expect(build).toThrow(UserError);
    expect(build).toThrow(message);
    try {
      build();
    } catch (error) {
      expect((error as UserError).exitCode).toBe(2);
    }
  });
});
