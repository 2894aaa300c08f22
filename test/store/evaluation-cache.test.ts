import { describe, expect, it } from 'vitest';
import { summarizeEvaluation } from '../../src/core/summarize.js';
import type { CandidateEvaluation, Criterion, CriterionResult } from '../../src/core/types.js';
import {
  criterionKey,
  getCacheCoverage,
  getCachedEvaluation,
  getCachedSummaries,
  importCriteria,
  listCachedEvaluationKeys,
  type Store,
  saveEvaluationParts,
  syncDossiers,
  toEvaluationPart,
} from '../../src/store/index.js';
import { AT, invalidRead, LATER, openTempStore, validRead } from './helpers.js';

const gate = (id: string, min = 1): Criterion => ({
  id,
  label: { fr: id, en: id },
  kind: 'gate',
  rule: { type: 'current_ratio', at_least: min },
});
const score = (id: string, eachPoints = 5): Criterion => ({
  id,
  label: { fr: id, en: id },
  kind: 'score',
  max: 20,
  rule: { type: 'references', filter: {}, points_each: eachPoints },
});

function result(criterion: Criterion, points: number): CriterionResult {
  return {
    criterion: criterion.id,
    kind: criterion.kind,
    passed: criterion.kind === 'gate' ? points > 0 : null,
    points: criterion.kind === 'gate' ? null : points,
    metrics: { count: points },
    explanation: [
      { fr: `ligne ${points}`, en: `line ${points}` },
      { fr: 'détail', en: 'detail' },
    ],
  };
}

function evaluation(id: string, dossierHash: string, results: CriterionResult[]): CandidateEvaluation {
  return {
    id,
    name: `Candidate ${id}`,
    country: 'SN',
    dossierHash,
    criteria: Object.fromEntries(results.map((r) => [r.criterion, r])),
    warnings: [],
  };
}

/** Imports a criteria version made of `criteria`; returns its number. */
function importVersion(store: Store, criteria: Criterion[]): number {
  const hash = JSON.stringify(criteria);
  return importCriteria(store, {
    name: 'g',
    criteria: { name: 'g', criteria, tie_breakers: [] },
    hash,
    text: hash,
    at: AT,
  }).version;
}

/** Stores `results` (of `criteria`, in order) for a candidate's content, as a score would. */
function save(store: Store, criteria: Criterion[], ev: CandidateEvaluation, context = 'ctx'): void {
  const keys = criteria.map((c) => criterionKey(c, context));
  const part = toEvaluationPart(
    { ...ev, warnings: JSON.stringify(ev.warnings) },
    criteria.map((c) => ev.criteria[c.id] as CriterionResult),
  );
  saveEvaluationParts(store, keys, [part]);
}

const ADM = gate('ADM-1');
const EXP = score('EXP-1');

describe('evaluation cache', () => {
  it('shares one frozen empty list among the summaries, and keeps the lists that are not empty', () => {
    const store = openTempStore();
    const v1 = importVersion(store, [ADM, EXP]);
    syncDossiers(store, [validRead('c01', 'a'), validRead('c02', 'b')], AT);
    const empty = (r: CriterionResult): CriterionResult => ({
      ...r,
      explanation: [],
      metrics: { missing: [], count: 1 },
    });
    save(store, [ADM, EXP], evaluation('c01', 'a', [empty(result(ADM, 1)), empty(result(EXP, 10))]));
    save(store, [ADM, EXP], evaluation('c02', 'b', [result(ADM, 0), empty(result(EXP, 20))]));
    const summaries = getCachedSummaries(store, v1, 'ctx');
    const c01 = summaries.get('c01')?.criteria;
    const c02 = summaries.get('c02')?.criteria;
    const shared = c01?.['ADM-1']?.explanation;
    expect(shared).toEqual([]);
    expect(Object.isFrozen(shared)).toBe(true);
    for (const list of [
      c01?.['EXP-1']?.explanation,
      c02?.['EXP-1']?.explanation,
      c01?.['ADM-1']?.metrics.missing,
      summaries.get('c02')?.warnings,
    ])
      expect(list).toBe(shared);
    // A failed gate's reason is its first line: kept, and a list of its own.
    expect(c02?.['ADM-1']?.explanation).toEqual([{ fr: 'ligne 0', en: 'line 0' }]);
    expect(c02?.['ADM-1']?.explanation).not.toBe(shared);
    expect(c01?.['ADM-1']?.metrics.count).toBe(1);
  });

  it('shares equal summaries among candidates, frozen whole, and keeps the unequal apart', () => {
    const store = openTempStore();
    const v1 = importVersion(store, [ADM, EXP]);
    const ids = ['c01', 'c02', 'c03'];
    syncDossiers(
      store,
      ids.map((id) => validRead(id, id)),
      AT,
    );
    // c01 and c03 fail the gate alike and score alike; c02 scores otherwise.
    save(store, [ADM, EXP], evaluation('c01', 'c01', [result(ADM, 0), result(EXP, 10)]));
    save(store, [ADM, EXP], evaluation('c02', 'c02', [result(ADM, 0), result(EXP, 20)]));
    save(store, [ADM, EXP], evaluation('c03', 'c03', [result(ADM, 0), result(EXP, 10)]));
    const summaries = getCachedSummaries(store, v1, 'ctx');
    const [c01, c02, c03] = ids.map((id) => summaries.get(id)?.criteria);
    expect(c03?.['EXP-1']).toBe(c01?.['EXP-1']);
    expect(c02?.['EXP-1']).not.toBe(c01?.['EXP-1']);
    expect(c02?.['EXP-1']?.points).toBe(20);
    const gate = c01?.['ADM-1'];
    expect(c02?.['ADM-1']).toBe(gate);
    expect(gate?.explanation).toEqual([{ fr: 'ligne 0', en: 'line 0' }]);
    for (const part of [gate, gate?.metrics, gate?.explanation, gate?.explanation[0]])
      expect(Object.isFrozen(part)).toBe(true);
    expect(() => {
      (gate as CriterionResult).passed = true;
    }).toThrow(TypeError);
  });

  it('stops pooling a criterion whose results mostly differ, and keeps pooling the others', () => {
    const store = openTempStore();
    const v1 = importVersion(store, [ADM, EXP]);
    const ids = Array.from({ length: 1200 }, (_, i) => `c${String(i).padStart(4, '0')}`);
    syncDossiers(
      store,
      ids.map((id) => validRead(id, id)),
      AT,
    );
    // Every score differs; every gate is alike.
    for (const [i, id] of ids.entries())
      save(store, [ADM, EXP], evaluation(id, id, [result(ADM, 1), result(EXP, i)]));
    const summaries = getCachedSummaries(store, v1, 'ctx');
    const last = summaries.get(ids.at(-1) as string)?.criteria;
    expect(last?.['EXP-1']?.points).toBe(1199);
    expect(Object.isFrozen(last?.['EXP-1'])).toBe(false);
    expect(Object.isFrozen(summaries.get('c0000')?.criteria['EXP-1'])).toBe(true);
    expect(last?.['ADM-1']).toBe(summaries.get('c0000')?.criteria['ADM-1']);
  });

  it('returns the cached evaluation of each current dossier content only', () => {
    const store = openTempStore();
    const v1 = importVersion(store, [ADM, EXP]);
    syncDossiers(store, [validRead('c01', 'a'), validRead('c02', 'b')], AT);
    const c01 = evaluation('c01', 'a', [result(ADM, 1), result(EXP, 10)]);
    const c02 = evaluation('c02', 'b', [result(ADM, 0), result(EXP, 20)]);
    save(store, [ADM, EXP], c01);
    save(store, [ADM, EXP], c02);
    expect([...getCachedSummaries(store, v1, 'ctx').keys()]).toEqual(['c01', 'c02']);
    expect(getCachedEvaluation(store, v1, 'ctx', 'c02')).toEqual(c02);

    syncDossiers(store, [validRead('c01', 'a'), validRead('c02', 'b2')], LATER);
    expect([...getCachedSummaries(store, v1, 'ctx').keys()]).toEqual(['c01']);
    expect(getCachedEvaluation(store, v1, 'ctx', 'c02')).toBeNull();
    expect(getCachedSummaries(store, v1, 'other tender').size).toBe(0);
  });

  it('assembles a version from the results of earlier ones, each criterion from where it was computed', () => {
    const store = openTempStore();
    const lower = gate('ADM-1', 0.5);
    const v1 = importVersion(store, [ADM, EXP]);
    // Version 2 changes ADM-1's threshold and puts it last.
    const v2 = importVersion(store, [EXP, lower]);
    syncDossiers(store, [validRead('c01', 'a')], AT);
    save(store, [ADM, EXP], evaluation('c01', 'a', [result(ADM, 0), result(EXP, 10)]));
    expect(getCacheCoverage(store, v2, 'ctx')).toEqual([{ id: 'c01', hash: 'a', valid: true, missing: [1] }]);
    expect(getCachedSummaries(store, v2, 'ctx').size).toBe(0);

    save(store, [lower], evaluation('c01', 'a', [result(lower, 1)]));
    const expected = evaluation('c01', 'a', [result(EXP, 10), result(lower, 1)]);
    expect(getCacheCoverage(store, v2, 'ctx')).toEqual([{ id: 'c01', hash: 'a', valid: true, missing: [] }]);
    expect(getCachedEvaluation(store, v2, 'ctx', 'c01')).toEqual(expected);
    // In the version's order, as evaluateDossier gives them.
    expect(Object.keys(getCachedEvaluation(store, v2, 'ctx', 'c01')?.criteria ?? {})).toEqual([
      'EXP-1',
      'ADM-1',
    ]);
    expect(getCachedSummaries(store, v2, 'ctx').get('c01')).toEqual(summarizeEvaluation(expected));
    // The earlier version is still whole.
    expect(getCachedEvaluation(store, v1, 'ctx', 'c01')?.criteria['ADM-1']?.passed).toBe(false);
  });

  it('lists what each active dossier lacks, and the complete ones', () => {
    const store = openTempStore();
    const v1 = importVersion(store, [ADM, EXP]);
    const read = [
      validRead('c01', 'a'),
      validRead('c02', 'b'),
      validRead('c03', 'c'),
      invalidRead('c04', 'x'),
    ];
    syncDossiers(store, read, AT);
    save(store, [ADM, EXP], evaluation('c01', 'a', [result(ADM, 1), result(EXP, 10)]));
    save(store, [EXP], evaluation('c02', 'b', [result(EXP, 5)]));
    save(store, [ADM, EXP], evaluation('c03', 'stale', [result(ADM, 1), result(EXP, 10)]));
    expect(getCacheCoverage(store, v1, 'ctx')).toEqual([
      { id: 'c01', hash: 'a', valid: true, missing: [] },
      { id: 'c02', hash: 'b', valid: true, missing: [0] },
      { id: 'c03', hash: 'c', valid: true, missing: [0, 1] },
      { id: 'c04', hash: 'bad-c04', valid: false, missing: [] },
    ]);
    expect(listCachedEvaluationKeys(store, v1, 'ctx')).toEqual(new Map([['c01', 'a']]));
    expect(getCacheCoverage(store, v1, 'other')).toEqual([
      { id: 'c01', hash: 'a', valid: true, missing: [0, 1] },
      { id: 'c02', hash: 'b', valid: true, missing: [0, 1] },
      { id: 'c03', hash: 'c', valid: true, missing: [0, 1] },
      { id: 'c04', hash: 'bad-c04', valid: false, missing: [] },
    ]);
  });

  it('leaves a withdrawn candidate out', () => {
    const store = openTempStore();
    const v1 = importVersion(store, [ADM]);
    syncDossiers(store, [validRead('c01', 'a')], AT);
    save(store, [ADM], evaluation('c01', 'a', [result(ADM, 1)]));
    syncDossiers(store, [], LATER);
    expect(getCachedSummaries(store, v1, 'ctx').size).toBe(0);
    expect(getCachedEvaluation(store, v1, 'ctx', 'c01')).toBeNull();
    expect(getCacheCoverage(store, v1, 'ctx')).toEqual([]);
  });

  it('keeps the summary ranking reads beside the full results the exports read, short or long', () => {
    const store = openTempStore();
    const v1 = importVersion(store, [ADM, EXP]);
    syncDossiers(store, [validRead('c01', 'a'), validRead('c02', 'b')], AT);
    const full = evaluation('c01', 'a', [result(ADM, 0), result(EXP, 10)]);
    const points = full.criteria['EXP-1'] as CriterionResult;
    points.items = [{ entity: 0, entityName: 'Lead', item: 0, counted: true, why: { fr: 'oui', en: 'yes' } }];
    save(store, [ADM, EXP], full);
    const summary = getCachedSummaries(store, v1, 'ctx').get('c01');
    expect(summary).toEqual(summarizeEvaluation(full));
    // A failed gate keeps its first line, the reason it gives; the rest stays in the full result only.
    expect(summary?.criteria['ADM-1']?.explanation).toEqual([{ fr: 'ligne 0', en: 'line 0' }]);
    expect(summary?.criteria['EXP-1']?.explanation).toEqual([]);
    expect(summary?.criteria['EXP-1']?.items).toBeUndefined();
    expect(getCachedEvaluation(store, v1, 'ctx', 'c01')).toEqual(full);

    // Long results are stored deflated, and read back the same.
    const long = evaluation('c02', 'b', [result(ADM, 1), result(EXP, 20)]);
    (long.criteria['EXP-1'] as CriterionResult).explanation = Array.from({ length: 200 }, (_, i) => ({
      fr: `référence ${i} retenue`,
      en: `reference ${i} counted`,
    }));
    save(store, [ADM, EXP], long);
    const stored = store.db
      .prepare('SELECT candidate, typeof(details) AS type FROM evaluation_parts ORDER BY candidate')
      .all();
    expect(stored).toEqual([
      { candidate: 'c01', type: 'text' },
      { candidate: 'c02', type: 'blob' },
    ]);
    expect(getCachedEvaluation(store, v1, 'ctx', 'c02')).toEqual(long);
  });

  it("stores an item's verdict once when it is also an explanation line, and reads both back", () => {
    const store = openTempStore();
    const v1 = importVersion(store, [ADM, EXP]);
    syncDossiers(store, [validRead('c01', 'a')], AT);
    const full = evaluation('c01', 'a', [result(ADM, 1), result(EXP, 10)]);
    const points = full.criteria['EXP-1'] as CriterionResult;
    // As the references rule makes them: the verdict object is one of the lines.
    const shared = {
      fr: 'référence 1 retenue : mission de formation DNLT',
      en: 'reference 1 counted: DNLT training',
    };
    const apart = { fr: 'référence 2 non retenue', en: 'reference 2 not counted' };
    points.explanation = [{ fr: 'en tête', en: 'header' }, shared];
    points.items = [
      { entity: 0, entityName: 'Lead', item: 0, counted: true, value: 120_000, why: shared },
      // Equal text in another object, not a line: kept whole.
      { entity: 0, entityName: 'Lead', item: 1, counted: false, why: apart },
    ];
    save(store, [ADM, EXP], full);
    const text = store.db.prepare('SELECT details FROM evaluation_parts').pluck().get() as string;
    expect(text.split('DNLT training').length - 1).toBe(1);
    expect(text.split('reference 2 not counted').length - 1).toBe(1);
    const read = getCachedEvaluation(store, v1, 'ctx', 'c01');
    expect(read).toEqual(full);
    const readPoints = read?.criteria['EXP-1'] as CriterionResult;
    expect(readPoints.items?.[0]?.why).toBe(readPoints.explanation[1]);
  });
});
