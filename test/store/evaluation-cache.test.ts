import { describe, expect, it } from 'vitest';
import type { CandidateEvaluation } from '../../src/core/types.js';
import {
  getCachedEvaluations,
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
    expect([...getCachedEvaluations(store, 1, 'ctx').keys()]).toEqual(['c01', 'c02']);
    expect(getCachedEvaluations(store, 1, 'ctx').get('c02')).toEqual(evaluation('c02', 'b', 20));

    syncDossiers(store, [validRead('c01', 'a'), validRead('c02', 'b2')], LATER);
    expect([...getCachedEvaluations(store, 1, 'ctx').keys()]).toEqual(['c01']);
    expect(getCachedEvaluations(store, 1, 'other tender').size).toBe(0);
  });

  it('keeps the results of earlier criteria versions', () => {
    const store = openTempStore();
    importCriteria(store, criteria('v1'));
    importCriteria(store, criteria('v2'));
    syncDossiers(store, [validRead('c01', 'a')], AT);
    saveEvaluations(store, 1, 'ctx', [evaluation('c01', 'a', 10)]);
    saveEvaluations(store, 2, 'ctx', [evaluation('c01', 'a', 30)]);
    expect(getCachedEvaluations(store, 1, 'ctx').get('c01')?.criteria['EXP-1']?.points).toBe(10);
    expect(getCachedEvaluations(store, 2, 'ctx').get('c01')?.criteria['EXP-1']?.points).toBe(30);
  });

  it('leaves a withdrawn candidate out', () => {
    const store = openTempStore();
    importCriteria(store, criteria('v1'));
    syncDossiers(store, [validRead('c01', 'a')], AT);
    saveEvaluations(store, 1, 'ctx', [evaluation('c01', 'a', 10)]);
    syncDossiers(store, [], LATER);
    expect(getCachedEvaluations(store, 1, 'ctx').size).toBe(0);
  });
});
