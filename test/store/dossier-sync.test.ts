import { describe, expect, it } from 'vitest';
import { duplicateIdProblem } from '../../src/core/duplicate-id.js';
import type { ReadDossier } from '../../src/core/types.js';
import { summarizeUnchanged } from '../../src/store/dossier-sync.js';
import {
  getDossier,
  knownDossierHashes,
  listActiveDossiers,
  listDossierVersions,
  syncDossiers,
  toReadDossier,
} from '../../src/store/index.js';
import { AT, invalidRead, LATER, openTempStore, sampleDossier, totalChanges, validRead } from './helpers.js';

describe('syncDossiers', () => {
  it('adds new dossiers and reports valid and invalid ones', () => {
    const store = openTempStore();
    const summary = syncDossiers(
      store,
      [validRead('c02'), invalidRead('c03', 'not a date'), validRead('c01')],
      AT,
    );
    expect(summary).toEqual({
      added: ['c01', 'c02', 'c03'],
      updated: [],
      unchanged: [],
      withdrawn: [],
      reactivated: [],
      valid: ['c01', 'c02'],
      invalid: [{ id: 'c03', errors: invalidRead('c03', 'not a date').errors }],
      hashes: [
        ['c01', 'hash-c01'],
        ['c02', 'hash-c02'],
        ['c03', 'bad-c03'],
      ],
    });
    const stored = getDossier(store, 'c01');
    expect(stored).toMatchObject({ status: 'valid', hash: 'hash-c01', firstIngestedAt: AT, updatedAt: AT });
    expect(stored?.dossier).toEqual(sampleDossier('Candidate c01'));
    expect(getDossier(store, 'c03')).toMatchObject({ status: 'invalid', dossier: null });
    expect(getDossier(store, 'nobody')).toBeNull();
  });

  it('writes nothing when every hash is unchanged', () => {
    const store = openTempStore();
    const read = [validRead('c01'), validRead('c02'), invalidRead('c03', 'bad')];
    syncDossiers(store, read, AT);
    const before = totalChanges(store);
    const summary = syncDossiers(store, read, LATER);
    expect(totalChanges(store)).toBe(before);
    expect(summary.unchanged).toEqual(['c01', 'c02', 'c03']);
    expect(summary.added).toEqual([]);
    expect(summary.invalid.map((entry) => entry.id)).toEqual(['c03']);
    expect(getDossier(store, 'c01')?.updatedAt).toBe(AT);
  });

  it('judges an unchanged dossier from the store, so a stub for a skipped file is enough', () => {
    const store = openTempStore();
    syncDossiers(store, [invalidRead('c03', 'bad date')], AT);
    const stub = { ...validRead('c03', 'bad-c03'), dossier: null };
    const summary = syncDossiers(store, [stub], LATER);
    expect(summary.invalid).toEqual([{ id: 'c03', errors: invalidRead('c03', 'bad date').errors }]);
    expect(getDossier(store, 'c03')?.errors[0]?.message).toBe('bad date');
  });

  it('keeps what another process stored after the ingester made a stub from an older hash', () => {
    const store = openTempStore();
    syncDossiers(store, [validRead('c01', 'h1')], AT);
    // Another process reads the edited files and stores them first…
    syncDossiers(store, [validRead('c01', 'h2')], LATER);
    // …then this one, which found the files as recorded before the edit, syncs its stub.
    const stub = { ...validRead('c01', 'h1'), dossier: null, attachments: [] };
    const summary = syncDossiers(store, [stub], LATER);
    expect(summary.valid).toEqual(['c01']);
    expect(summary.unchanged).toEqual(['c01']);
    expect(getDossier(store, 'c01')).toMatchObject({ status: 'valid', hash: 'h2', errors: [] });
    expect(getDossier(store, 'c01')?.dossier).toEqual(sampleDossier('Candidate c01'));
  });

  it('stores the new verdict of the same bytes read again (a rate added to tender.yaml)', () => {
    const store = openTempStore();
    syncDossiers(store, [invalidRead('c03', 'currency GBP has no exchange rate', 'same')], AT);
    const summary = syncDossiers(store, [validRead('c03', 'same')], LATER);
    expect(summary.valid).toEqual(['c03']);
    expect(summary.updated).toEqual(['c03']);
    expect(getDossier(store, 'c03')).toMatchObject({ status: 'valid', hash: 'same', errors: [] });
    const back = syncDossiers(
      store,
      [invalidRead('c03', 'currency GBP has no exchange rate', 'same')],
      LATER,
    );
    expect(back.invalid.map((entry) => entry.errors[0]?.message)).toEqual([
      'currency GBP has no exchange rate',
    ]);
    expect(getDossier(store, 'c03')?.status).toBe('invalid');
  });

  it('keeps the earlier content of a changed dossier', () => {
    const store = openTempStore();
    syncDossiers(store, [validRead('c01', 'v1')], AT);
    const changed = { ...validRead('c01', 'v2'), dossier: sampleDossier('Renamed SARL') };
    const summary = syncDossiers(store, [changed], LATER);
    expect(summary.updated).toEqual(['c01']);
    const stored = getDossier(store, 'c01');
    expect(stored).toMatchObject({ hash: 'v2', firstIngestedAt: AT, lastIngestedAt: LATER });
    expect(stored?.dossier?.candidate.name).toBe('Renamed SARL');
    const versions = listDossierVersions(store, 'c01');
    expect(versions.map((v) => [v.hash, v.ingestedAt, v.dossier?.candidate.name])).toEqual([
      ['v1', AT, 'Candidate c01'],
      ['v2', LATER, 'Renamed SARL'],
    ]);
  });

  it('marks a vanished dossier withdrawn, keeps it, and reactivates it when it comes back', () => {
    const store = openTempStore();
    syncDossiers(store, [validRead('c01'), validRead('c02')], AT);
    const gone = syncDossiers(store, [validRead('c01')], LATER);
    expect(gone.withdrawn).toEqual(['c02']);
    expect(getDossier(store, 'c02')).toMatchObject({ status: 'withdrawn', updatedAt: LATER });
    expect(listActiveDossiers(store).map((d) => d.id)).toEqual(['c01']);
    expect(syncDossiers(store, [validRead('c01')], LATER).withdrawn).toEqual([]);
    const back = syncDossiers(store, [validRead('c01'), validRead('c02')], LATER);
    expect(back.reactivated).toEqual(['c02']);
    expect(back.valid).toEqual(['c01', 'c02']);
    expect(getDossier(store, 'c02')?.status).toBe('valid');
    const changedBack = syncDossiers(store, [validRead('c01')], AT);
    expect(changedBack.withdrawn).toEqual(['c02']);
    const again = syncDossiers(store, [validRead('c01'), invalidRead('c02', 'broken now')], LATER);
    expect(again.reactivated).toEqual(['c02']);
    expect(getDossier(store, 'c02')?.status).toBe('invalid');
    expect(listDossierVersions(store, 'c02')).toHaveLength(2);
  });

  it('stores one invalid entry naming both files when two dossiers share an id', () => {
    const store = openTempStore();
    const folder = validRead('c01');
    const bare = { ...validRead('c01', 'other'), sourcePath: 'dossiers/c01.yaml' };
    const summary = syncDossiers(store, [folder, bare, validRead('c02')], AT);
    expect(summary.valid).toEqual(['c02']);
    const messages = summary.invalid[0]?.errors.map((e) => e.message) ?? [];
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('dossiers/c01.yaml');
    expect(getDossier(store, 'c01')?.status).toBe('invalid');
  });

  it('names each file once when the reader already reported the shared id', () => {
    const store = openTempStore();
    const reported = (read: ReadDossier, other: string) => ({
      ...read,
      dossier: null,
      errors: [{ file: read.sourcePath, path: '', message: duplicateIdProblem('c01', [other]) }],
    });
    const folder = validRead('c01');
    const bare = { ...validRead('c01', 'other'), sourcePath: 'dossiers/c01.yaml' };
    const json = 'dossiers/c01.json';
    const third = { ...invalidRead('c01', 'not a date'), sourcePath: json };
    const summary = syncDossiers(
      store,
      [reported(folder, bare.sourcePath), reported(bare, folder.sourcePath), third],
      AT,
    );
    const errors = summary.invalid[0]?.errors ?? [];
    // A third file, which reached the store without the reader's reason, gets the store's.
    expect(errors.map((e) => [e.file, e.message])).toEqual([
      [json, 'duplicate candidate id c01 (also dossiers/c01.yaml, dossiers/c01/dossier.yaml)'],
      ['dossiers/c01/dossier.yaml', 'duplicate candidate id c01 (also dossiers/c01.yaml)'],
      ['dossiers/c01.yaml', 'duplicate candidate id c01 (also dossiers/c01/dossier.yaml)'],
      ['dossiers/c01/dossier.yaml', 'not a date'],
    ]);
  });

  it('remembers the file state, and refreshes it without a new version', () => {
    const store = openTempStore();
    syncDossiers(store, [{ ...validRead('c01'), fileState: '["state",1]' }], AT);
    expect(knownDossierHashes(store).get('c01')).toEqual({
      hash: 'hash-c01',
      sourcePath: 'dossiers/c01/dossier.yaml',
      status: 'valid',
      fileState: '["state",1]',
    });
    const summary = syncDossiers(store, [{ ...validRead('c01'), fileState: '["state",2]' }], LATER);
    expect(summary.unchanged).toEqual(['c01']);
    expect(knownDossierHashes(store).get('c01')?.fileState).toBe('["state",2]');
    expect(listDossierVersions(store, 'c01')).toHaveLength(1);
  });

  it('reads what the ingester needs from the covering index, not from the stored documents', () => {
    const store = openTempStore();
    const plan = store.db
      .prepare('EXPLAIN QUERY PLAN SELECT id, hash, source_path, status, file_state FROM dossiers')
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('COVERING INDEX dossiers_ingest_state');
  });

  it('syncs ten thousand dossiers in one go, then finds them all unchanged', () => {
    const store = openTempStore();
    const read = Array.from({ length: 10_000 }, (_, i) => validRead(`c${String(i).padStart(5, '0')}`));
    expect(syncDossiers(store, read, AT).added).toHaveLength(10_000);
    const before = totalChanges(store);
    expect(syncDossiers(store, read, LATER).unchanged).toHaveLength(10_000);
    expect(totalChanges(store)).toBe(before);
  });

  it('gives back a stored dossier in the reader shape', () => {
    const store = openTempStore();
    syncDossiers(store, [validRead('c01')], AT);
    const stored = getDossier(store, 'c01');
    expect(stored && toReadDossier(stored)).toEqual(validRead('c01'));
  });

  it('refuses deleting a dossier', () => {
    const store = openTempStore();
    syncDossiers(store, [validRead('c01')], AT);
    expect(() => store.db.exec('DELETE FROM dossiers')).toThrow(/never deleted/);
  });
});

describe('summarizeUnchanged', () => {
  it('reports what syncDossiers reports for the same unchanged dossiers, without writing', () => {
    const store = openTempStore();
    const reads = [validRead('c02'), invalidRead('c03', 'not a date'), validRead('c01')];
    syncDossiers(store, reads, AT);
    const known = knownDossierHashes(store);
    expect(known.get('c03')).toMatchObject({
      status: 'invalid',
      errors: invalidRead('c03', 'not a date').errors,
    });
    expect(known.get('c01')?.errors).toBeUndefined();
    const before = totalChanges(store);
    const quick = summarizeUnchanged(known, ['c03', 'c01', 'c02']);
    expect(totalChanges(store)).toBe(before);
    expect(quick).toEqual(syncDossiers(store, reads, LATER));
  });

  it('refuses an id that is not an active stored dossier', () => {
    const store = openTempStore();
    syncDossiers(store, [validRead('c01'), validRead('c02')], AT);
    syncDossiers(store, [validRead('c01')], LATER);
    const known = knownDossierHashes(store);
    expect(() => summarizeUnchanged(known, ['c02'])).toThrow(/c02/);
    expect(() => summarizeUnchanged(known, ['c09'])).toThrow(/c09/);
  });
});
