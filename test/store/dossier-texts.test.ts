import { describe, expect, it } from 'vitest';
import type { CandidateEvaluation } from '../../src/core/types.js';
import {
  getCachedEvaluation,
  getDossierTexts,
  importCriteria,
  listActiveDossierHeads,
  listActiveDossiers,
  listCachedEvaluationKeys,
  listEvaluableDossiers,
  listValidDossierTexts,
  saveEvaluations,
  saveEvaluationTexts,
  syncDossiers,
  toEvaluationText,
} from '../../src/store/index.js';
import { AT, invalidRead, LATER, openTempStore, validRead } from './helpers.js';

const evaluation = (id: string, dossierHash: string): CandidateEvaluation => ({
  id,
  name: `Candidate ${id}`,
  country: 'SN',
  dossierHash,
  criteria: {},
  warnings: [],
});

function seeded() {
  const store = openTempStore();
  importCriteria(store, {
    name: 'g',
    criteria: { name: 'g', criteria: [], tie_breakers: [] },
    hash: 'v1',
    text: 'v1',
    at: AT,
  });
  syncDossiers(
    store,
    [validRead('c01', 'a'), invalidRead('c02', 'broken'), validRead('c03', 'c'), validRead('c04', 'd')],
    AT,
  );
  // c04 withdrawn: absent from the next read.
  syncDossiers(store, [validRead('c01', 'a'), invalidRead('c02', 'broken'), validRead('c03', 'c')], LATER);
  return store;
}

describe('light dossier reads for scoring', () => {
  it('lists active heads, evaluable ids and stored texts that match the full rows', () => {
    const store = seeded();
    const full = listActiveDossiers(store);
    expect(listActiveDossierHeads(store)).toEqual(
      full.map(({ id, sourcePath, hash, status }) => ({ id, sourcePath, hash, status })),
    );
    expect(listEvaluableDossiers(store)).toEqual([
      { id: 'c01', hash: 'a' },
      { id: 'c03', hash: 'c' },
    ]);
    const texts = listValidDossierTexts(store);
    expect(texts.map((t) => t.id)).toEqual(['c01', 'c03']);
    for (const text of texts) {
      const stored = full.find((d) => d.id === text.id);
      expect(JSON.parse(text.document)).toEqual(stored?.dossier);
      expect(JSON.parse(text.attachments)).toEqual(stored?.attachments);
      expect(JSON.parse(text.warnings)).toEqual(stored?.warnings);
    }
    expect(getDossierTexts(store, ['c03', 'c02', 'c04', 'nobody'])).toEqual(
      texts.filter((t) => t.id === 'c03'),
    );
  });

  it('keys the cache like getCachedEvaluation, and stores texts the same way as objects', () => {
    const store = seeded();
    saveEvaluations(store, 1, 'ctx', [evaluation('c01', 'a'), evaluation('c03', 'stale')]);
    expect(listCachedEvaluationKeys(store, 1, 'ctx')).toEqual(new Map([['c01', 'a']]));
    expect(listCachedEvaluationKeys(store, 1, 'other')).toEqual(new Map());
    const fresh = evaluation('c03', 'c');
    saveEvaluationTexts(store, 1, 'ctx', [toEvaluationText(fresh)]);
    expect(listCachedEvaluationKeys(store, 1, 'ctx')).toEqual(
      new Map([
        ['c01', 'a'],
        ['c03', 'c'],
      ]),
    );
    expect(getCachedEvaluation(store, 1, 'ctx', 'c03')).toEqual(fresh);
  });
});
