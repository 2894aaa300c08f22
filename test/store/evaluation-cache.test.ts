import { describe, expect, it } from 'vitest';
import { summarizeEvaluation } from '../../src/core/summarize.js';
import type { CandidateEvaluation } from '../../src/core/types.js';
import {
  getCachedEvaluation,
  getCachedSummaries,
  importCriteria,
  saveEvaluations,
  syncDossiers,
} from '../../src/store/index.js';
import { AT, LATER, openTempStore, validRead } from './helpers.js';

function evaluation(id: string, dossierHash: string, points: number): CandidateEvaluation {
  return {
    id,
    name: `Candidate ${id}`,
    country: 'SN',
    dossierHash,
    criteria: {
      'EXP-1': {
        criterion: 'EXP-1',
        kind: 'score',
        passed: null,
        points,
        metrics: { count: 2 },
        explanation: [],
      },
    },
    warnings: [],
  };
}

function criteria(hash: string) {
  return { name: 'g', criteria: { name: 'g', criteria: [], tie_breakers: [] }, hash, text: hash, at: AT };
}

describe('evaluation cache', () => {
  it('returns the cached evaluation of each current dossier content only', () => {
    const store = openTempStore();
    importCriteria(store, criteria('v1'));
    syncDossiers(store, [validRead('c01', 'a'), validRead('c02', 'b')], AT);
    saveEvaluations(store, 1, 'ctx', [evaluation('c01', 'a', 10), evaluation('c02', 'b', 20)]);
    expect([...getCachedSummaries(store, 1, 'ctx').keys()]).toEqual(['c01', 'c02']);
    expect(getCachedEvaluation(store, 1, 'ctx', 'c02')).toEqual(evaluation('c02', 'b', 20));

    syncDossiers(store, [validRead('c01', 'a'), validRead('c02', 'b2')], LATER);
    expect([...getCachedSummaries(store, 1, 'ctx').keys()]).toEqual(['c01']);
    expect(getCachedEvaluation(store, 1, 'ctx', 'c02')).toBeNull();
    expect(getCachedSummaries(store, 1, 'other tender').size).toBe(0);
  });

  it('keeps the results of earlier criteria versions', () => {
    const store = openTempStore();
    importCriteria(store, criteria('v1'));
    importCriteria(store, criteria('v2'));
    syncDossiers(store, [validRead('c01', 'a')], AT);
    saveEvaluations(store, 1, 'ctx', [evaluation('c01', 'a', 10)]);
    saveEvaluations(store, 2, 'ctx', [evaluation('c01', 'a', 30)]);
    expect(getCachedSummaries(store, 1, 'ctx').get('c01')?.criteria['EXP-1']?.points).toBe(10);
    expect(getCachedEvaluation(store, 2, 'ctx', 'c01')?.criteria['EXP-1']?.points).toBe(30);
  });

  it('leaves a withdrawn candidate out', () => {
    const store = openTempStore();
    importCriteria(store, criteria('v1'));
    syncDossiers(store, [validRead('c01', 'a')], AT);
    saveEvaluations(store, 1, 'ctx', [evaluation('c01', 'a', 10)]);
    syncDossiers(store, [], LATER);
    expect(getCachedSummaries(store, 1, 'ctx').size).toBe(0);
    expect(getCachedEvaluation(store, 1, 'ctx', 'c01')).toBeNull();
  });

  it('keeps the summary ranking reads beside the full evaluation the exports read', () => {
    const store = openTempStore();
    importCriteria(store, criteria('v1'));
    syncDossiers(store, [validRead('c01', 'a')], AT);
    const full = evaluation('c01', 'a', 10);
    const score = full.criteria['EXP-1']!;
    score.explanation = [
      { fr: 'retenues : 2', en: 'counted: 2' },
      { fr: 'référence 1 retenue', en: 'reference 1 counted' },
    ];
    score.items = [{ entity: 0, entityName: 'Lead', item: 0, counted: true, why: { fr: 'oui', en: 'yes' } }];
    const failed = { fr: 'reçu après la date limite', en: 'received after the deadline' };
    full.criteria['ADM-1'] = {
      criterion: 'ADM-1',
      kind: 'gate',
      passed: false,
      points: null,
      metrics: {},
      explanation: [failed, { fr: 'détail', en: 'detail' }],
    };
    saveEvaluations(store, 1, 'ctx', [full]);
    const summary = getCachedSummaries(store, 1, 'ctx').get('c01');
    expect(summary).toEqual(summarizeEvaluation(full));
    // A failed gate keeps its first line, the reason it gives; the rest stays in the full row only.
    expect(summary?.criteria['ADM-1']?.explanation).toEqual([failed]);
    expect(summary?.criteria['EXP-1']?.explanation).toEqual([]);
    expect(summary?.criteria['EXP-1']?.items).toBeUndefined();
    expect(summary?.criteria['EXP-1']?.points).toBe(10);
    expect(getCachedEvaluation(store, 1, 'ctx', 'c01')).toEqual(full);
  });
});
