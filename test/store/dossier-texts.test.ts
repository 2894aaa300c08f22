import { describe, expect, it } from 'vitest';
import {
  getDossierTexts,
  importCriteria,
  listActiveDossierHeads,
  listActiveDossiers,
  listValidDossierTexts,
  syncDossiers,
} from '../../src/store/index.js';
import { AT, invalidRead, LATER, openTempStore, validRead } from './helpers.js';

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
  it('lists active heads and stored texts that match the full rows', () => {
    const store = seeded();
    const full = listActiveDossiers(store);
    expect(listActiveDossierHeads(store)).toEqual(
      full.map(({ id, sourcePath, hash, status }) => ({ id, sourcePath, hash, status })),
    );
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
});
