import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidateCandidate } from '../../src/core/consolidate.js';
import { consolidateAll } from '../../src/core/consolidate-all.js';
import { evaluateDossier } from '../../src/core/evaluate.js';
import { rankCandidates } from '../../src/core/rank.js';
import { summarizeEvaluation } from '../../src/core/summarize.js';
import type { CandidateEvaluation, ManualScore, TieDecision } from '../../src/core/types.js';
import {
  gate,
  makeCriteria,
  makeDossier,
  makeEvaluation,
  makeReference,
  makeTender,
  score,
} from './factory.js';

const criteria = makeCriteria(
  [
    gate('ADM-1', { type: 'deadline' }),
    gate('SEL-3', {
      type: 'references',
      at_least: 1,
      filter: { tags_any: ['human_rights'], within_years: 5 },
    }),
    score('EXP-1', 40, {
      type: 'references',
      points_each: 10,
      filter: { tags_all: ['human_rights', 'training'], within_years: 5 },
    }),
    score('EXP-2', 20, {
      type: 'references',
      points_each: 5,
      filter: { countries_any: ['ECOWAS'], min_value: 100000 },
    }),
    score('EXP-3', 20, { type: 'manual', guidance: { fr: '', en: '' } }),
  ],
  {
    shortlist_threshold: 10,
    tie_breakers: [
      { criterion: 'SEL-3', metric: 'count' },
      { criterion: 'SEL-3', metric: 'total_value' },
    ],
  },
);
const SUM_OF_MAX = 80;
const tender = makeTender({ shortlist: { min: 2, max: 3 } });

/** A hand-made evaluation: coarse points so ties (and ties at the cut) are frequent. */
const evaluationArb = (id: string) =>
  fc
    .record({
      adm: fc.boolean(),
      exp1: fc.integer({ min: 0, max: 4 }).map((n) => n * 10),
      exp3: fc.option(
        fc.integer({ min: 0, max: 2 }).map((n) => n * 10),
        { freq: 5 },
      ),
      count: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ adm, exp1, exp3, count }) =>
      makeEvaluation(id, {
        gates: { 'ADM-1': adm, 'SEL-3': true },
        points: { 'EXP-1': exp1, 'EXP-2': 0, 'EXP-3': exp3 },
        metrics: { 'SEL-3': { count, total_value: count * 1000 } },
      }),
    );

const evaluationsArb: fc.Arbitrary<CandidateEvaluation[]> = fc
  .uniqueArray(fc.stringMatching(/^c[0-9]{2}$/), { minLength: 0, maxLength: 9 })
  .chain((ids) =>
    ids.length === 0
      ? fc.constant<CandidateEvaluation[]>([])
      : fc.tuple(...ids.map(evaluationArb)).map((evs) => [...evs]),
  );

const decisionsFor = (evs: CandidateEvaluation[]): TieDecision[] => {
  const first = rankCandidates({ evaluations: evs, invalid: [], decisions: [] }, criteria, tender);
  return first.ties
    .filter((t) => t.at_cut)
    .map((t) => ({
      tied: t.candidates,
      chosen: t.candidates.slice(0, t.seats ?? 0),
      reason: 'r',
      by: 'Awa',
      at: '2025-12-05T10:00:00Z',
    }));
};

describe('ranking properties', () => {
  it('does not depend on the order of evaluations or decisions', () => {
    fc.assert(
      fc.property(
        evaluationsArb.chain((evs) =>
          fc.tuple(fc.constant(evs), fc.shuffledSubarray(evs, { minLength: evs.length })),
        ),
        fc.boolean(),
        ([evs, shuffled], decide) => {
          const decisions = decide ? decisionsFor(evs) : [];
          const a = rankCandidates({ evaluations: evs, invalid: [], decisions }, criteria, tender);
          const b = rankCandidates(
            { evaluations: shuffled, invalid: [], decisions: [...decisions].reverse() },
            criteria,
            tender,
          );
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
    );
  });

  it('adding a rejected candidate changes no one else', () => {
    fc.assert(
      fc.property(evaluationsArb, evaluationArb('zz-rejected'), (evs, extra) => {
        const gates = extra.criteria['ADM-1'];
        if (gates) gates.passed = false;
        const before = rankCandidates({ evaluations: evs, invalid: [], decisions: [] }, criteria, tender);
        const after = rankCandidates(
          { evaluations: [...evs, extra], invalid: [], decisions: [] },
          criteria,
          tender,
        );
        const others = after.candidates.filter((c) => c.id !== 'zz-rejected');
        expect(others).toEqual(before.candidates);
        expect(after.candidates.find((c) => c.id === 'zz-rejected')?.status).toBe('rejected');
        expect(after.ties).toEqual(before.ties);
        expect(after.filled).toBe(before.filled);
      }),
    );
  });

  it('leaves total null only for pending candidates (a rejected one counts pending scores as 0)', () => {
    fc.assert(
      fc.property(evaluationsArb, (evs) => {
        const s = rankCandidates({ evaluations: evs, invalid: [], decisions: [] }, criteria, tender);
        for (const c of s.candidates) expect(c.total === null).toBe(c.status === 'pending');
      }),
    );
  });

  it('gives the same bytes for the same inputs', () => {
    fc.assert(
      fc.property(evaluationsArb, (evs) => {
        const input = { evaluations: evs, invalid: [], decisions: decisionsFor(evs) };
        const a = JSON.stringify(rankCandidates(input, criteria, tender));
        const b = JSON.stringify(
          rankCandidates(structuredClone(input), structuredClone(criteria), structuredClone(tender)),
        );
        expect(b).toBe(a);
      }),
    );
  });

  it('never shortlists more than max, and a tie at the cut is either open or decided', () => {
    fc.assert(
      fc.property(evaluationsArb, fc.boolean(), (evs, decide) => {
        const s = rankCandidates(
          { evaluations: evs, invalid: [], decisions: decide ? decisionsFor(evs) : [] },
          criteria,
          tender,
        );
        expect(s.filled).toBeLessThanOrEqual(s.max);
        const tied = s.candidates.filter((c) => c.status === 'tied');
        expect(tied.length > 0).toBe(s.ties.some((t) => t.at_cut && !t.decision));
        if (decide) expect(tied).toEqual([]);
      }),
    );
  });
});

/** Any decision for the ties at the cut: stale seat counts, duplicates, outsiders, or a fitting one. */
const anyDecisionsFor = (evs: CandidateEvaluation[]): fc.Arbitrary<TieDecision[]> => {
  const first = rankCandidates({ evaluations: evs, invalid: [], decisions: [] }, criteria, tender);
  const atCut = first.ties.filter((t) => t.at_cut);
  if (atCut.length === 0) return fc.constant([]);
  return fc.tuple(
    ...atCut.map((t) =>
      fc
        .array(fc.constantFrom(...t.candidates, 'outsider'), { maxLength: t.candidates.length + 1 })
        .map((chosen) => ({
          tied: t.candidates,
          chosen,
          reason: 'r',
          by: 'Awa',
          at: '2025-12-05T10:00:00Z',
        })),
    ),
  );
};

describe('ranking with arbitrary decisions', () => {
  it('never shortlists more than max, and applies only a decision that fills the seats exactly', () => {
    fc.assert(
      fc.property(
        evaluationsArb.chain((evs) => fc.tuple(fc.constant(evs), anyDecisionsFor(evs))),
        ([evs, decisions]) => {
          const s = rankCandidates({ evaluations: evs, invalid: [], decisions }, criteria, tender);
          expect(s.filled).toBeLessThanOrEqual(s.max);
          for (const tie of s.ties.filter((t) => t.at_cut)) {
            const members = s.candidates.filter((c) => tie.candidates.includes(c.id));
            const given = decisions.find((d) => d.tied.join() === tie.candidates.join());
            const fits =
              given !== undefined &&
              new Set(given.chosen).size === given.chosen.length &&
              given.chosen.length === tie.seats &&
              given.chosen.every((id) => tie.candidates.includes(id));
            expect(tie.decision).toEqual(fits ? given : undefined);
            const shortlisted = members.filter((c) => c.status === 'shortlisted').length;
            expect(shortlisted).toBe(fits ? tie.seats : 0);
            if (!fits) expect(members.every((c) => c.status === 'tied')).toBe(true);
            if (!fits) expect(s.awaitingCommittee).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Random dossiers through the real engine: points stay within their bounds. */
const referenceArb = fc.record({
  end: fc.option(
    fc
      .integer({ min: 0, max: 4000 })
      .map((d) => new Date(Date.UTC(2015, 0, 1) + d * 86400000).toISOString().slice(0, 10)),
    { nil: undefined },
  ),
  value: fc.integer({ min: 0, max: 2000000 }),
  share: fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
  currency: fc.constantFrom('EUR', 'XOF', 'USD'),
  tags: fc.subarray(['human_rights', 'training', 'police']),
  countries: fc.subarray(['SN', 'ML', 'FR', 'CM']),
});

describe('totals through the engine', () => {
  it('stay within [0, sum of max] with 2 decimals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(referenceArb, { maxLength: 8 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 2, maxLength: 2 }),
        (dossierRefs, manualPoints) => {
          const evaluations = dossierRefs.map((refs, i) => {
            const id = `c${i}`;
            const dossier = makeDossier({ references: refs.map((r) => makeReference(r)) });
            const ev = evaluateDossier(
              { id, hash: id, dossier, attachments: [], warnings: [] },
              criteria,
              tender,
            );
            const scores: ManualScore[] = manualPoints.map((points, j) => ({
              evaluator: `e${j}`,
              candidate: id,
              criterion: 'EXP-3',
              points,
              comment: '',
              source: 'flags',
              recordedAt: '2025-12-01T00:00:00Z',
            }));
            return consolidateCandidate(ev, { scores, voters: ['e0', 'e1'], overrides: [] }, criteria);
          });
          const s = rankCandidates({ evaluations, invalid: [], decisions: [] }, criteria, tender);
          for (const c of s.candidates) {
            expect(c.total).not.toBeNull();
            const total = c.total ?? -1;
            expect(total).toBeGreaterThanOrEqual(0);
            expect(total).toBeLessThanOrEqual(SUM_OF_MAX);
            expect(Math.round(total * 100) / 100).toBe(total);
            for (const r of Object.values(c.criteria)) {
              if (r.kind === 'score') expect(Math.round((r.points ?? -1) * 100) / 100).toBe(r.points);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ranking from summaries', () => {
  it('gives the same statuses, ranks, totals, reasons and ties as ranking the full evaluations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(referenceArb, { maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 2 }),
        fc.boolean(),
        (dossierRefs, manualPoints, overrideFirst) => {
          const full = dossierRefs.map((refs, i) => {
            const id = `c${i}`;
            const dossier = makeDossier({ references: refs.map((r) => makeReference(r)) });
            return evaluateDossier(
              { id, hash: id, dossier, attachments: [], warnings: [] },
              criteria,
              tender,
            );
          });
          const scores: ManualScore[] = full.flatMap((ev) =>
            manualPoints.map((points, j) => ({
              evaluator: `e${j}`,
              candidate: ev.id,
              criterion: 'EXP-3',
              points,
              comment: '',
              source: 'flags',
              recordedAt: '2025-12-01T00:00:00Z',
            })),
          );
          const overrides = overrideFirst
            ? [
                {
                  candidate: 'c0',
                  criterion: 'SEL-3',
                  passed: false,
                  by: 's',
                  at: '2025-12-02T00:00:00Z',
                  reason: 'r',
                },
              ]
            : [];
          const rankOf = (evs: CandidateEvaluation[]) => {
            const consolidated = consolidateAll(
              evs,
              { scores, voters: ['e0', 'e1'], overrides },
              criteria,
              null,
            );
            const s = rankCandidates(
              { evaluations: consolidated, invalid: [], decisions: [] },
              criteria,
              tender,
            );
            return {
              ...s,
              candidates: s.candidates.map(({ criteria: _c, ...rest }) => rest),
            };
          };
          expect(rankOf(full.map(summarizeEvaluation))).toEqual(rankOf(full));
        },
      ),
      { numRuns: 200 },
    );
  });
});
