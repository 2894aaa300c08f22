import { describe, expect, it } from 'vitest';
import { rankCandidates } from '../../src/core/rank.js';
import type { CandidateEvaluation, TieDecision } from '../../src/core/types.js';
import { gate, makeCriteria, makeEvaluation, makeTender, score } from './factory.js';

const criteria = makeCriteria([
  gate('ADM-1', { type: 'deadline' }),
  score('EXP-1', 60, { type: 'references', points_each: 10, filter: {} }),
]);

/** a leads alone; b, c, d share rank 2, so the tie straddles a cut at max = 2 or 3. */
const evaluations: CandidateEvaluation[] = [
  ['a', 50],
  ['b', 45],
  ['c', 45],
  ['d', 45],
].map(([id, points]) =>
  makeEvaluation(String(id), { gates: { 'ADM-1': true }, points: { 'EXP-1': Number(points) } }),
);

const decide = (chosen: string[], at = '2025-12-05T10:00:00Z'): TieDecision => ({
  chosen,
  tied: ['b', 'c', 'd'],
  reason: 'r',
  by: 'Awa',
  at,
});

function rank(max: number, decisions: TieDecision[]) {
  return rankCandidates(
    { evaluations, invalid: [], decisions },
    criteria,
    makeTender({ shortlist: { min: 1, max } }),
  );
}

const statuses = (s: ReturnType<typeof rank>) => s.candidates.map((c) => `${c.id}:${c.status}`).join(' ');

describe('tie decisions must fit the seats at the cut', () => {
  it.each([
    ['too many chosen (decided when max was 3, now 2)', 2, ['b', 'c']],
    ['too few chosen (decided when max was 2, now 3)', 3, ['b']],
    ['a candidate chosen twice', 3, ['b', 'b']],
    ['a candidate outside the tie', 3, ['b', 'a']],
    ['nobody chosen', 2, []],
  ])('ignores a decision with %s: the tie stays open', (_label, max, chosen) => {
    const s = rank(max, [decide(chosen)]);
    expect(statuses(s)).toBe('a:shortlisted b:tied c:tied d:tied');
    expect(s.ties).toEqual([{ rank: 2, candidates: ['b', 'c', 'd'], at_cut: true, seats: max - 1 }]);
    expect(s.filled).toBe(1);
    expect(s.awaitingCommittee).toBe(true);
  });

  it.each([
    [2, ['c'], 'a:shortlisted b:reserve c:shortlisted d:reserve'],
    [3, ['d', 'b'], 'a:shortlisted b:shortlisted c:reserve d:shortlisted'],
  ])('applies a decision filling exactly the seats (max %s, chosen %j)', (max, chosen, expected) => {
    const s = rank(max, [decide(chosen)]);
    expect(statuses(s)).toBe(expected);
    expect(s.filled).toBe(max);
    expect(s.awaitingCommittee).toBe(false);
  });

  it('uses the latest decision that still fits, skipping a later stale one', () => {
    const fits = decide(['c'], '2025-12-05T10:00:00Z');
    const stale = decide(['b', 'd'], '2025-12-06T10:00:00Z');
    for (const decisions of [
      [fits, stale],
      [stale, fits],
    ]) {
      const s = rank(2, decisions);
      expect(s.ties[0]?.decision).toEqual(fits);
      expect(statuses(s)).toBe('a:shortlisted b:reserve c:shortlisted d:reserve');
    }
  });

  it('picks the same decision whatever their order when two were recorded at the same instant', () => {
    const first = decide(['b']);
    const second = decide(['d']);
    expect(rank(2, [first, second]).ties[0]?.decision).toEqual(rank(2, [second, first]).ties[0]?.decision);
  });
});
