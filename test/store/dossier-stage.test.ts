import { describe, expect, it } from 'vitest';
import { DossierStage } from '../../src/store/dossier-stage.js';
import {
  getDossier,
  knownDossierHashes,
  listDossierVersions,
  type StorableDossier,
  syncDossiers,
} from '../../src/store/index.js';
import { AT, invalidRead, makeTempDir, openAgain, openTempStore, validRead } from './helpers.js';

const id = (slot: number) => `c${String(slot).padStart(4, '0')}`;

/** As a parse worker hands a dossier over: the document already serialised. */
function fromWorker(slot: number): StorableDossier {
  const { dossier, ...read } = validRead(id(slot));
  return { ...read, dossier: null, documentJson: JSON.stringify(dossier), fileState: `["state",${slot}]` };
}

describe('DossierStage', () => {
  it('gives back every staged dossier by slot, across flushes, the document as its text', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    // In no particular order, as worker batches finish; more than one flush's worth.
    const slots = Array.from({ length: 700 }, (_, i) => (i * 389) % 700);
    for (const slot of slots) stage.put(slot, slot === 5 ? validRead(id(5)) : fromWorker(slot));
    const first = stage.read(0, 10);
    expect([...first.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first.get(3)).toEqual(fromWorker(3));
    // An in-process read (document as an object) comes back serialised, with the same text.
    const { dossier, ...rest } = validRead(id(5));
    expect(first.get(5)).toEqual({ ...rest, dossier: null, documentJson: JSON.stringify(dossier) });
    expect(stage.read(690, 800).size).toBe(10);
    stage.close();
    expect(
      store.db.prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE name = 'staged_dossiers'").get(),
    ).toEqual({ n: 0 });
  });

  it('makes no table while nothing is staged', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    stage.flush();
    expect(stage.read(0, 100).size).toBe(0);
    stage.close();
    expect(store.db.prepare('SELECT count(*) AS n FROM temp.sqlite_master').get()).toEqual({ n: 0 });
  });

  it('keeps an invalid dossier without a document, with its reasons', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    stage.put(0, invalidRead('c01', 'broken'));
    expect(stage.read(0, 1).get(0)).toEqual({ ...invalidRead('c01', 'broken'), dossier: null });
    stage.close();
  });

  it('takes no lock on the store: another connection writes while dossiers are staged', () => {
    const file = `${makeTempDir()}/prequal.db`;
    const store = openTempStore(file);
    const other = openAgain(file);
    const stage = new DossierStage(store);
    for (let slot = 0; slot < 300; slot++) stage.put(slot, fromWorker(slot));
    syncDossiers(other, [validRead('c9999')], AT);
    expect(getDossier(store, 'c9999')?.status).toBe('valid');
    expect(knownDossierHashes(other).has(id(0))).toBe(false);
    stage.close();
  });
});

describe('syncDossiers from a source', () => {
  /** Hands `read` out in order, counting the walks (a busy transaction walks it again). */
  function sourceOf(read: StorableDossier[]) {
    const source = {
      walks: 0,
      ids: read.map((dossier) => dossier.id),
      [Symbol.iterator]() {
        source.walks += 1;
        return read.values();
      },
    };
    return source;
  }

  it('stores what the same dossiers give as a list, file states included, in one walk', () => {
    const read = Array.from({ length: 20 }, (_, slot) => fromWorker(slot));
    const fromList = openTempStore();
    const fromSource = openTempStore();
    const source = sourceOf(read);
    expect(syncDossiers(fromSource, source, AT)).toEqual(syncDossiers(fromList, read, AT));
    expect(source.walks).toBe(1);
    expect(knownDossierHashes(fromSource)).toEqual(knownDossierHashes(fromList));
    expect(knownDossierHashes(fromSource).get(id(7))?.fileState).toBe('["state",7]');
  });

  it('folds dossiers sharing an id into one invalid entry even when they are far apart', () => {
    const store = openTempStore();
    const bare = { ...validRead('c0001', 'other'), sourcePath: 'dossiers/c0001.yaml' };
    const read = [fromWorker(1), ...Array.from({ length: 10 }, (_, i) => fromWorker(i + 2)), bare];
    const summary = syncDossiers(store, sourceOf(read), AT);
    expect(summary.invalid.map((entry) => entry.id)).toEqual(['c0001']);
    // One reason per file, in the order the files were read.
    expect(summary.invalid[0]?.errors.map((e) => e.file)).toEqual([
      'dossiers/c0001/dossier.yaml',
      'dossiers/c0001.yaml',
    ]);
    expect(summary.valid).toHaveLength(10);
    // The merged entry has no file state: both files are read again at the next ingest.
    expect(knownDossierHashes(store).get('c0001')?.fileState).toBeNull();
    expect(listDossierVersions(store, 'c0001')).toHaveLength(1);
  });
});
