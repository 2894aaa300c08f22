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

/** Every staged dossier, in slot order, as the sync walks them (`n` slots, none given as a stub). */
function walk(stage: DossierStage, n: number): StorableDossier[] {
  return [
    ...stage.source(
      Array.from({ length: n }, (_, slot) => id(slot)),
      () => undefined,
    ),
  ];
}

describe('DossierStage', () => {
  it('gives back every staged dossier in slot order, across flushes and reads, the document as its text', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    // In no particular order, as worker batches finish; more than one flush's and one read's worth.
    const slots = Array.from({ length: 700 }, (_, i) => (i * 389) % 700);
    for (const slot of slots) stage.put(slot, slot === 5 ? validRead(id(5)) : fromWorker(slot));
    stage.flush();
    const walked = walk(stage, 700);
    expect(walked.map((dossier) => dossier.id)).toEqual(Array.from({ length: 700 }, (_, slot) => id(slot)));
    expect(walked[3]).toEqual(fromWorker(3));
    expect(walked[699]).toEqual(fromWorker(699));
    // An in-process read (document as an object) comes back serialised, with the same text.
    const { dossier, ...rest } = validRead(id(5));
    expect(walked[5]).toEqual({ ...rest, dossier: null, documentJson: JSON.stringify(dossier) });
    stage.close();
    expect(
      store.db.prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE name = 'staged_dossiers'").get(),
    ).toEqual({ n: 0 });
  });

  it('calls betweenChunks between the chunks it reads, with the slots walked so far', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    for (let slot = 0; slot < 1100; slot++) stage.put(slot, fromWorker(slot));
    stage.flush();
    const calls: [number, number][] = [];
    let yielded = 0;
    const ids = Array.from({ length: 1100 }, (_, slot) => id(slot));
    const source = stage.source(
      ids,
      () => undefined,
      (done) => calls.push([done, yielded]),
    );
    for (const _ of source) yielded++;
    // Chunks of 512: called before the second and the third, once every dossier before was given.
    expect(calls).toEqual([
      [512, 512],
      [1024, 1024],
    ]);
    stage.close();
  });

  it('puts the stub it is given for a slot not staged, and refuses a slot that is neither', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    stage.put(1, fromWorker(1));
    stage.flush();
    const ids = [id(0), id(1)];
    const stub = { ...validRead(id(0)), dossier: null };
    expect([...stage.source(ids, (slot) => (slot === 0 ? stub : undefined))]).toEqual([stub, fromWorker(1)]);
    expect(() => [...stage.source([...ids, id(2)], (slot) => (slot === 0 ? stub : undefined))]).toThrow(
      'c0002 was read but not staged',
    );
    stage.close();
  });

  it('is read only once flushed, and takes nothing once closed', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    stage.put(0, fromWorker(0));
    // The sync reads the stage inside the store's write transaction: it must write nothing there.
    expect(() => stage.source([id(0)], () => undefined)).toThrow('read before it was flushed');
    stage.close();
    expect(() => stage.put(1, fromWorker(1))).toThrow('staged after the ingest ended');
  });

  it('makes no table while nothing is staged', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    stage.flush();
    expect(walk(stage, 0)).toEqual([]);
    stage.close();
    expect(store.db.prepare('SELECT count(*) AS n FROM temp.sqlite_master').get()).toEqual({ n: 0 });
  });

  it('keeps an invalid dossier without a document, with its reasons', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    stage.put(0, invalidRead('c01', 'broken'));
    stage.flush();
    expect(walk(stage, 1)).toEqual([{ ...invalidRead('c01', 'broken'), dossier: null }]);
    stage.close();
  });

  it('stays whole when the sync reading it meets a busy database and starts again', () => {
    const store = openTempStore();
    const stage = new DossierStage(store);
    // Fewer than a flush's worth: all of it waits in memory until flush().
    for (let slot = 0; slot < 10; slot++) stage.put(slot, fromWorker(slot));
    stage.flush();
    const found = stage.source(
      Array.from({ length: 10 }, (_, slot) => id(slot)),
      () => undefined,
    );
    let walks = 0;
    const busyOnce = {
      ids: found.ids,
      *[Symbol.iterator]() {
        walks += 1;
        let seen = 0;
        for (const dossier of found) {
          // What better-sqlite3 throws when another connection holds the lock: the transaction
          // rolls back and withWriteTransaction runs the sync again.
          if (walks === 1 && ++seen === 6)
            throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
          yield dossier;
        }
      },
    };
    const summary = syncDossiers(store, busyOnce, AT);
    expect(walks).toBe(2);
    expect(summary.added).toHaveLength(10);
    expect(listDossierVersions(store, id(7))).toHaveLength(1);
    stage.close();
  });

  it('takes no lock on the store: another connection writes while dossiers are staged', () => {
    const file = `${makeTempDir()}/prequal.db`;
    const store = openTempStore(file);
    const other = openAgain(file);
    const stage = new DossierStage(store);
    for (let slot = 0; slot < 300; slot++) stage.put(slot, fromWorker(slot));
    stage.flush();
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
