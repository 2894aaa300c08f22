import { describe, expect, it } from 'vitest';
import { rankCandidates } from '../../src/core/rank.js';
import type { CandidateEvaluation, TieDecision } from '../../src/core/types.js';
import { gate, makeCriteria, makeEvaluation, makeTender, score } from './factory.js';

const criteria = makeCriteria(
  [
    gate('ADM-1', { type: 'deadline' }),
    gate('SEL-3', { type: 'references', at_least: 2, filter: {} }),
    score('EXP-1', 40, { type: 'references', points_each: 10, filter: {} }),
    score('EXP-3', 20, { type: 'manual', guidance: { fr: '', en: '' } }),
  ],
  { shortlist_threshold: 40, tie_breakers: [{ criterion: 'SEL-3', metric: 'count' }] },
);
const tender = (min: number, max: number) => makeTender({ shortlist: { min, max } });

/** A qualified candidate with `points` in EXP-1 + EXP-3 and `count` references in SEL-3. */
function candidate(id: string, points: number, count = 2): CandidateEvaluation {
  return makeEvaluation(id, {
    gates: { 'ADM-1': true, 'SEL-3': true },
    points: { 'EXP-1': points, 'EXP-3': 0 },
    metrics: { 'SEL-3': { count } },
  });
}

function rank(evaluations: CandidateEvaluation[], max = 3, decisions: TieDecision[] = [], min = 2) {
  return rankCandidates({ evaluations, invalid: [], decisions }, criteria, tender(min, max));
}

const view = (s: ReturnType<typeof rank>) => s.candidates.map((c) => [c.id, c.status, c.rank]);

describe('rankCandidates', () => {
  it('ranks by total, then tie-breakers, and cuts at max', () => {
    const s = rank([candidate('d', 41), candidate('a', 50), candidate('c', 45, 3), candidate('b', 45, 2)]);
    expect(view(s)).toEqual([
      ['a', 'shortlisted', 1],
      ['c', 'shortlisted', 2],
      ['b', 'shortlisted', 3],
      ['d', 'reserve', 4],
    ]);
    expect(s).toMatchObject({ filled: 3, below_min: false, ties: [], awaitingCommittee: false });
  });

  it('marks a tie straddling the cut, never breaking it silently', () => {
    const s = rank([
      candidate('a', 50),
      candidate('b', 45),
      candidate('c', 45),
      candidate('d', 45),
      candidate('e', 40),
    ]);
    expect(view(s)).toEqual([
      ['a', 'shortlisted', 1],
      ['b', 'tied', 2],
      ['c', 'tied', 2],
      ['d', 'tied', 2],
      ['e', 'reserve', 5],
    ]);
    expect(s.ties).toEqual([{ rank: 2, candidates: ['b', 'c', 'd'], at_cut: true, seats: 2 }]);
    expect(s.filled).toBe(1);
    expect(s.awaitingCommittee).toBe(true);
  });

  it('applies the committee decision for exactly that tie', () => {
    const decision: TieDecision = {
      chosen: ['d', 'b'],
      tied: ['d', 'c', 'b'],
      reason: 'more field work',
      by: 'Awa',
      at: '2025-12-05T10:00:00Z',
    };
    const evs = [candidate('a', 50), candidate('b', 45), candidate('c', 45), candidate('d', 45)];
    const s = rank(evs, 3, [decision]);
    expect(view(s)).toEqual([
      ['a', 'shortlisted', 1],
      ['b', 'shortlisted', 2],
      ['c', 'reserve', 2],
      ['d', 'shortlisted', 2],
    ]);
    expect(s.ties[0]?.decision).toEqual(decision);
    expect(s).toMatchObject({ filled: 3, awaitingCommittee: false });
    const stale = { ...decision, tied: ['b', 'c'] };
    expect(rank(evs, 3, [stale]).ties[0]?.decision).toBeUndefined();
  });

  it('lets a tie inside or beyond the shortlist share a rank without a decision', () => {
    const s = rank([
      candidate('a', 50),
      candidate('b', 50),
      candidate('c', 45),
      candidate('d', 41),
      candidate('e', 41),
    ]);
    expect(view(s)).toEqual([
      ['a', 'shortlisted', 1],
      ['b', 'shortlisted', 1],
      ['c', 'shortlisted', 3],
      ['d', 'reserve', 4],
      ['e', 'reserve', 4],
    ]);
    expect(s.ties).toEqual([
      { rank: 1, candidates: ['a', 'b'], at_cut: false },
      { rank: 4, candidates: ['d', 'e'], at_cut: false },
    ]);
    expect(s.awaitingCommittee).toBe(false);
  });

  it('a tie ending exactly at the cut is not at the cut', () => {
    const s = rank([candidate('a', 50), candidate('b', 45), candidate('c', 45)]);
    expect(s.ties).toEqual([{ rank: 2, candidates: ['b', 'c'], at_cut: false }]);
    expect(s.filled).toBe(3);
  });

  it('rejects a total below the threshold (met when equal)', () => {
    const s = rank([candidate('a', 40), candidate('b', 39.99)]);
    const b = s.candidates.find((c) => c.id === 'b');
    expect(b).toMatchObject({ status: 'rejected', rank: null, total: 39.99 });
    expect(b?.reasons).toEqual([
      {
        criterion: 'threshold',
        message: { en: 'total 39.99 below the threshold 40.00', fr: 'total 39,99 inférieur au seuil 40,00' },
      },
    ]);
    expect(s.candidates[0]).toMatchObject({ id: 'a', status: 'shortlisted', total: 40 });
    expect(s.below_min).toBe(true);
  });

  it('names the threshold as written, never rounded up to the total it rejects', () => {
    const odd = { ...criteria, shortlist_threshold: 39.995 };
    const s = rankCandidates(
      { evaluations: [candidate('b', 39.99)], invalid: [], decisions: [] },
      odd,
      tender(2, 3),
    );
    expect(s.candidates[0]?.reasons[0]?.message).toEqual({
      en: 'total 39.99 below the threshold 39.995',
      fr: 'total 39,99 inférieur au seuil 39,995',
    });
  });

  it('rejects on every failed gate, even with manual scores pending', () => {
    const ev = makeEvaluation('x', {
      gates: { 'ADM-1': false, 'SEL-3': false },
      points: { 'EXP-1': 40, 'EXP-3': null },
    });
    const s = rank([ev]);
    // SPEC §6: total is null only for invalid and pending candidates; the pending EXP-3 counts 0.
    expect(s.candidates[0]).toMatchObject({ status: 'rejected', total: 40, rank: null });
    expect(s.candidates[0]?.reasons.map((r) => [r.criterion, r.message.en])).toEqual([
      ['ADM-1', 'ADM-1 not met'],
      ['SEL-3', 'SEL-3 not met'],
    ]);
    expect(s.candidates[0]?.criteria['EXP-1']?.points).toBe(40);
    expect(s.awaitingCommittee).toBe(false);
  });

  it('keeps a candidate with a pending manual score pending, without total', () => {
    const ev = makeEvaluation('p', {
      gates: { 'ADM-1': true, 'SEL-3': true },
      points: { 'EXP-1': 40, 'EXP-3': null },
    });
    const s = rank([ev, candidate('a', 50)]);
    expect(view(s)).toEqual([
      ['a', 'shortlisted', 1],
      ['p', 'pending', null],
    ]);
    expect(s.candidates[1]?.total).toBeNull();
    expect(s.awaitingCommittee).toBe(true);
  });

  it('orders ranked, pending, rejected then invalid, each by id, and explains invalid dossiers', () => {
    const invalid = [
      {
        id: 'z-bad',
        name: 'Z',
        country: 'SN',
        errors: [
          { file: 'dossiers/z-bad/dossier.yaml', line: 3, path: 'submitted_at', message: 'not a date' },
        ],
        warnings: [],
      },
      { id: 'b-bad', name: 'B', country: 'SN', errors: [], warnings: [] },
    ];
    const pendingEv = (id: string) =>
      makeEvaluation(id, { gates: { 'ADM-1': true }, points: { 'EXP-3': null } });
    const rejectedEv = (id: string) =>
      makeEvaluation(id, { gates: { 'ADM-1': false }, points: { 'EXP-1': 0 } });
    const s = rankCandidates(
      {
        evaluations: [
          rejectedEv('r2'),
          pendingEv('p2'),
          candidate('q', 45),
          rejectedEv('r1'),
          pendingEv('p1'),
        ],
        invalid,
        decisions: [],
      },
      criteria,
      tender(1, 8),
    );
    expect(s.candidates.map((c) => c.id)).toEqual(['q', 'p1', 'p2', 'r1', 'r2', 'b-bad', 'z-bad']);
    const bad = s.candidates[6];
    expect(bad).toMatchObject({ status: 'invalid', rank: null, total: null, criteria: {} });
    // The reason's heading (« Dossier irrecevable (illisible ou incomplet) ») says what happened;
    // the message says where, without repeating it, and without calling a read dossier unreadable.
    expect(bad?.reasons[0]?.message).toEqual({
      fr: 'dossiers/z-bad/dossier.yaml:3 (submitted_at) : not a date',
      en: 'dossiers/z-bad/dossier.yaml:3 (submitted_at): not a date',
    });
    expect(bad?.errors).toHaveLength(1);
    expect(s.candidates[5]?.reasons).toEqual([
      { criterion: 'invalid', message: { fr: 'aucun détail n’a été relevé', en: 'no detail was recorded' } },
    ]);
  });

  it('reports below_min when fewer than min qualify', () => {
    expect(rank([candidate('a', 50), candidate('b', 45)], 8, [], 4).below_min).toBe(true);
    expect(rank([candidate('a', 50), candidate('b', 45)], 8, [], 2).below_min).toBe(false);
  });

  it('treats a missing tie-breaker metric as lowest and breaks ties with points', () => {
    const noMetric = makeEvaluation('n', {
      gates: { 'ADM-1': true, 'SEL-3': true },
      points: { 'EXP-1': 45, 'EXP-3': 0 },
    });
    const s = rank([noMetric, candidate('m', 45, 0)]);
    expect(view(s).slice(0, 2)).toEqual([
      ['m', 'shortlisted', 1],
      ['n', 'shortlisted', 2],
    ]);
    const byPoints = makeCriteria(criteria.criteria, {
      tie_breakers: [{ criterion: 'EXP-3', metric: 'points' }],
    });
    const x = makeEvaluation('x', { gates: {}, points: { 'EXP-1': 40, 'EXP-3': 5 } });
    const y = makeEvaluation('y', { gates: {}, points: { 'EXP-1': 35, 'EXP-3': 10 } });
    const t = rankCandidates({ evaluations: [x, y], invalid: [], decisions: [] }, byPoints, tender(1, 1));
    expect(t.candidates.map((c) => [c.id, c.status])).toEqual([
      ['y', 'shortlisted'],
      ['x', 'reserve'],
    ]);
  });

  it('collects the criteria flagged for consensus', () => {
    const ev = candidate('a', 50);
    const exp3 = ev.criteria['EXP-3'];
    if (exp3) exp3.flags = ['consensus'];
    expect(rank([ev]).candidates[0]?.consensus).toEqual(['EXP-3']);
  });
});
