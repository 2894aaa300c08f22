import { describe, expect, it } from 'vitest';
import { consolidateCandidate } from '../../src/core/consolidate.js';
import { evaluateDossier } from '../../src/core/evaluate.js';
import type { ManualScore, Override } from '../../src/core/types.js';
import { gate, makeCriteria, makeDossier, makeTender, score } from './factory.js';

const criteria = makeCriteria([
  gate('ADM-2', { type: 'documents', required: ['application_form'] }),
  score('EXP-3', 20, { type: 'manual', guidance: { fr: 'qualité', en: 'quality' } }),
  score('EXP-4', 10, {
    type: 'manual',
    guidance: { fr: 'q', en: 'q' },
    aggregate: 'median',
    consensus_spread: 0.5,
  }),
]);
const ev = evaluateDossier(
  { id: 'c01', hash: 'h', dossier: makeDossier(), attachments: [], warnings: [] },
  criteria,
  makeTender(),
);

function manual(
  evaluator: string,
  criterion: string,
  points: number,
  extra: Partial<ManualScore> = {},
): ManualScore {
  return {
    evaluator,
    candidate: 'c01',
    criterion,
    points,
    comment: `${evaluator} says ${points}`,
    source: 'flags',
    recordedAt: '2025-12-02T10:00:00Z',
    ...extra,
  };
}

describe('consolidateCandidate: manual scores', () => {
  it('stays pending and names who has not scored', () => {
    const out = consolidateCandidate(
      ev,
      { scores: [manual('Jean', 'EXP-3', 15)], voters: ['Jean', 'Marie'], overrides: [] },
      criteria,
    );
    expect(out.criteria['EXP-3']).toMatchObject({ pending: true, points: null, metrics: { evaluators: 1 } });
    expect(out.criteria['EXP-3']?.explanation[0]?.en).toBe("awaiting the committee's scores: missing Marie");
  });

  it('takes the mean of every voter, rounded once, listing each score and comment', () => {
    const scores = [
      manual('Jean', 'EXP-3', 15),
      manual('Marie', 'EXP-3', 16.333),
      manual('Paul', 'EXP-3', 16),
    ];
    const out = consolidateCandidate(
      ev,
      { scores, voters: ['Marie', 'Jean', 'Paul'], overrides: [] },
      criteria,
    );
    const result = out.criteria['EXP-3'];
    expect(result).toMatchObject({ points: 15.78, metrics: { evaluators: 3 } });
    expect(result?.pending).toBeUndefined();
    expect(result?.flags).toBeUndefined();
    expect(result?.explanation.map((l) => l.en)).toEqual([
      'committee score: 15.78 out of 20.00 (mean of 3 evaluators)',
      'Jean: 15.00 — Jean says 15',
      'Marie: 16.33 — Marie says 16.333',
      'Paul: 16.00 — Paul says 16',
    ]);
  });

  it('ignores and names scores from non-voters; uses the latest score of each evaluator', () => {
    const scores = [
      manual('Jean', 'EXP-3', 2, { recordedAt: '2025-12-01T09:00:00Z' }),
      manual('Jean', 'EXP-3', 12, { recordedAt: '2025-12-03T09:00:00Z' }),
      manual('Awa', 'EXP-3', 20),
      manual('Jean', 'EXP-3', 1, { candidate: 'c99' }),
    ];
    const out = consolidateCandidate(ev, { scores, voters: ['Jean'], overrides: [] }, criteria);
    expect(out.criteria['EXP-3']?.points).toBe(12);
    expect(out.criteria['EXP-3']?.explanation.map((l) => l.en)).toContain(
      'score by Awa ignored: not a voting member of the committee',
    );
  });

  it('without registered voters, any score completes the criterion', () => {
    const none = consolidateCandidate(ev, { scores: [], voters: [], overrides: [] }, criteria);
    expect(none.criteria['EXP-3']?.pending).toBe(true);
    const one = consolidateCandidate(
      ev,
      { scores: [manual('Jean', 'EXP-3', 8)], voters: [], overrides: [] },
      criteria,
    );
    expect(one.criteria['EXP-3']?.points).toBe(8);
  });

  it('uses the median when asked and flags a spread above the allowed share of max', () => {
    const scores = [manual('A', 'EXP-4', 2), manual('B', 'EXP-4', 7.5), manual('C', 'EXP-4', 8)];
    const out = consolidateCandidate(ev, { scores, voters: ['A', 'B', 'C'], overrides: [] }, criteria);
    expect(out.criteria['EXP-4']).toMatchObject({
      points: 7.5,
      flags: ['consensus'],
      metrics: { spread: 6 },
    });
    const close = consolidateCandidate(
      ev,
      { scores: scores.slice(1), voters: ['B', 'C'], overrides: [] },
      criteria,
    );
    expect(close.criteria['EXP-4']).toMatchObject({ points: 7.75 });
    expect(close.criteria['EXP-4']?.flags).toBeUndefined();
  });

  it('flags at the default 30% of max, not at exactly 30%', () => {
    const at = consolidateCandidate(
      ev,
      { scores: [manual('A', 'EXP-3', 10), manual('B', 'EXP-3', 16)], voters: [], overrides: [] },
      criteria,
    );
    expect(at.criteria['EXP-3']?.flags).toBeUndefined();
    const above = consolidateCandidate(
      ev,
      { scores: [manual('A', 'EXP-3', 10), manual('B', 'EXP-3', 16.01)], voters: [], overrides: [] },
      criteria,
    );
    expect(above.criteria['EXP-3']?.flags).toEqual(['consensus']);
  });

  it.each([
    [12.3, 6.3], // 6.000000000000001 in binary floats
    [16.2, 10.2],
    [20, 14],
  ])('does not flag %s and %s: 6 points apart, exactly 30 percent of max 20', (a, b) => {
    const result = consolidateCandidate(
      ev,
      { scores: [manual('A', 'EXP-3', a), manual('B', 'EXP-3', b)], voters: [], overrides: [] },
      criteria,
    );
    expect(result.criteria['EXP-3']?.flags).toBeUndefined();
    expect(result.criteria['EXP-3']?.metrics.spread).toBe(6);
  });
});

describe('consolidateCandidate: overrides', () => {
  const override: Override = {
    candidate: 'c01',
    criterion: 'ADM-2',
    passed: true,
    reason: 'form filed as annex 1',
    by: 'Awa Ndiaye',
    at: '2025-12-02T11:00:00Z',
  };

  it('sets a gate, keeps the automatic verdict and explains first', () => {
    expect(ev.criteria['ADM-2']?.passed).toBe(false);
    const out = consolidateCandidate(ev, { scores: [], voters: [], overrides: [override] }, criteria);
    const result = out.criteria['ADM-2'];
    expect(result).toMatchObject({ passed: true, automatic: { passed: false, points: null }, override });
    expect(result?.explanation[0]?.en).toBe(
      'overridden by Awa Ndiaye on 2 December 2025, 11:00 UTC: passed (automatic: failed); reason: form filed as annex 1',
    );
    expect(result?.explanation[0]?.fr).toMatch(/^modifié par Awa Ndiaye le 2 décembre 2025 à 11:00 UTC : /);
    expect(result?.explanation.slice(1)).toEqual(ev.criteria['ADM-2']?.explanation);
  });

  it('sets a score, clamped and rounded, and ends pending', () => {
    const pts: Override = { ...override, criterion: 'EXP-3', passed: undefined, points: 12.345 };
    const out = consolidateCandidate(ev, { scores: [], voters: ['Jean'], overrides: [pts] }, criteria);
    expect(out.criteria['EXP-3']).toMatchObject({ points: 12.35, automatic: { passed: null, points: null } });
    expect(out.criteria['EXP-3']?.pending).toBeUndefined();
    // The line saying whose scores it awaited is answered by the override: it is not kept.
    const pendingLines = consolidateCandidate(ev, { scores: [], voters: ['Jean'], overrides: [] }, criteria)
      .criteria['EXP-3']?.explanation;
    expect(pendingLines?.[0]?.en).toBe("awaiting the committee's scores: missing Jean");
    expect(out.criteria['EXP-3']?.explanation.map((line) => line.en)).toEqual([
      expect.stringMatching(/^overridden by .*: 12\.35 points \(automatic: pending\)/),
      ...(pendingLines ?? []).slice(1).map((line) => line.en),
    ]);
  });

  it('applies the latest override and is idempotent', () => {
    const later = { ...override, passed: false, at: '2025-12-03T09:00:00Z', reason: 'annex is unsigned' };
    const input = { scores: [], voters: [], overrides: [later, override] };
    const once = consolidateCandidate(ev, input, criteria);
    expect(once.criteria['ADM-2']?.override?.reason).toBe('annex is unsigned');
    expect(consolidateCandidate(once, input, criteria)).toEqual(once);
    const undone = consolidateCandidate(once, { scores: [], voters: [], overrides: [] }, criteria);
    expect(undone.criteria['ADM-2']).toEqual(ev.criteria['ADM-2']);
  });
});
