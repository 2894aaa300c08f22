/**
 * `verifyAudit` holds every dossiers row — its id, status and content hash — to the ingest entries
 * that wrote it (`dossiers.ingest`), and names a runs row, which no prequal command writes. Each
 * forgery is raw SQL, as an insider with the sqlite3 shell would run it (foreign keys off).
 */
import { describe, expect, it } from 'vitest';
import type { ReadDossier } from '../../src/core/types.js';
import { appendAudit, recordIngest, type Store, syncDossiers, verifyAudit } from '../../src/store/index.js';
import { AT, invalidRead, LATER, openTempStore, validRead } from './helpers.js';

/** One ingest as the pipeline stores it: the sync and its audit entry. */
function ingest(store: Store, reads: ReadDossier[], at = AT): void {
  recordIngest(store, syncDossiers(store, reads, at), reads.length, { by: 'Olivier Lemaire', at });
}

const C01_V2 = 'hash-c01-v2';

/**
 * Entry 1 adds c01–c04 (c03 invalid); entry 2 updates c01, makes c03 valid and withdraws c04;
 * entry 3 brings c04 back unchanged (reactivated) and adds c05.
 */
function ingestedStore(): Store {
  const store = openTempStore();
  ingest(store, [validRead('c01'), validRead('c02'), invalidRead('c03', 'bad'), validRead('c04')]);
  ingest(store, [validRead('c01', C01_V2), validRead('c02'), validRead('c03')], LATER);
  ingest(store, [
    validRead('c01', C01_V2),
    validRead('c02'),
    validRead('c03'),
    validRead('c04'),
    validRead('c05'),
  ]);
  return store;
}

/** SQL as the sqlite3 shell runs it: no foreign keys, and the one trigger of the table dropped. */
function forge(store: Store, sql: string): void {
  store.db.pragma('foreign_keys = OFF');
  store.db.exec(`DROP TRIGGER IF EXISTS dossiers_no_delete; ${sql}`);
}

const INSERT = `INSERT INTO dossiers (id, source_path, hash, status, document, attachments, errors, warnings,
  first_ingested_at, last_ingested_at, updated_at) VALUES ('c09', 'dossiers/c09.yaml', 'h', 'valid', '{}', '[]',
  '[]', '[]', '${AT}', '${AT}', '${AT}')`;

describe('verifyAudit on the dossiers', () => {
  it('passes dossiers added, updated, withdrawn, reactivated, invalid then valid', () => {
    expect(verifyAudit(ingestedStore())).toEqual({ ok: true, count: 3 });
  });

  it.each([
    [
      'a content hash changed',
      "UPDATE dossiers SET hash = 'forged' WHERE id = 'c01'",
      'dossiers row "c01" (valid) differs from audit entry 2 that recorded it: hash is "forged", the entry says "hash-c01-v2"',
    ],
    [
      'a status changed',
      "UPDATE dossiers SET status = 'invalid' WHERE id = 'c02'",
      'dossiers row "c02" (invalid) differs from audit entry 1 that recorded it: status is "invalid", the entry says "valid"',
    ],
    [
      'a dossier withdrawn by hand',
      "UPDATE dossiers SET status = 'withdrawn' WHERE id = 'c05'",
      'dossiers row "c05" (withdrawn) differs from audit entry 3 that recorded it: status is "withdrawn", the entry says "valid"',
    ],
    [
      'a row deleted',
      "DELETE FROM dossiers WHERE id = 'c03'",
      'the dossier recorded by audit entry 1 (c03) has no row in dossiers: it was deleted',
    ],
    ['a row inserted', INSERT, 'dossiers row "c09" (valid) has no audit entry: it was added outside prequal'],
  ])('names %s with SQL', (_, sql, reason) => {
    const store = ingestedStore();
    forge(store, sql);
    expect(verifyAudit(store)).toMatchObject({ ok: false, reason });
  });

  it.each([
    [
      'a document emptied with SQL, which the next ingest reads as invalid',
      "UPDATE dossiers SET document = NULL WHERE id = 'c02'",
      'audit entry 4 found dossier "c02" invalid where audit entry 1 had recorded it valid: its dossiers row was changed outside prequal in between',
    ],
    [
      'a row deleted with SQL, which the next ingest adds again',
      "DELETE FROM dossiers WHERE id = 'c02'",
      'the dossier recorded by audit entry 1 (c02) lost its row in dossiers: audit entry 4 added it again, which prequal does only for an id with no row',
    ],
    [
      'a row inserted with SQL, which the next ingest withdraws',
      INSERT,
      'audit entry 4 withdraws dossier "c09", which no entry added: its dossiers row was added outside prequal',
    ],
  ])('names %s', (_, sql, reason) => {
    const store = ingestedStore();
    forge(store, sql);
    // What an ingest passes for files it did not read again (their stamps unchanged); c05 changed,
    // so the ingest has something to record.
    const reads = ['c02', 'c03', 'c04'].map((id) => ({ ...validRead(id), dossier: null }));
    ingest(store, [validRead('c01', C01_V2), ...reads, validRead('c05', 'hash-c05-v2')], LATER);
    expect(verifyAudit(store)).toMatchObject({ ok: false, reason });
  });

  it('holds a dossier whose entry predates `hashes` to its id and status only, and says so', () => {
    const store = openTempStore();
    syncDossiers(store, [validRead('c01'), invalidRead('c02', 'bad')], AT);
    const after = { added: ['c01', 'c02'], updated: [], withdrawn: [], reactivated: [], invalid: ['c02'] };
    const entry = { at: AT, who: 'secretary', action: 'dossiers.ingest', subject: '2 dossier(s)' };
    appendAudit(store, { ...entry, after, why: 'dossiers read from dossiers/' });
    ingest(store, [validRead('c01', C01_V2), invalidRead('c02', 'bad')], LATER);
    const unchecked = [
      'the content hash of 1 dossier(s), last written by an ingest of a prequal that did not record it',
    ];
    expect(verifyAudit(store)).toEqual({ ok: true, count: 2, unchecked });
    forge(store, "UPDATE dossiers SET hash = 'forged' WHERE id = 'c02'");
    expect(verifyAudit(store)).toEqual({ ok: true, count: 2, unchecked });
    forge(store, "UPDATE dossiers SET status = 'valid' WHERE id = 'c02'");
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      seq: 1,
      reason: expect.stringMatching(/^dossiers row "c02"/),
    });
  });

  it('passes ids SQLite and JavaScript sort differently, and one named __proto__', () => {
    const store = openTempStore();
    ingest(
      store,
      ['\u{1D400}x', '\uFF21x', '__proto__'].map((id) => validRead(id)),
    );
    expect(verifyAudit(store)).toEqual({ ok: true, count: 1 });
    forge(store, "UPDATE dossiers SET hash = 'forged' WHERE id = '__proto__'");
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^dossiers row "__proto__"/),
    });
  });
});

describe('verifyAudit on the runs', () => {
  it('names a runs row, which no prequal command writes', () => {
    const store = ingestedStore();
    forge(
      store,
      `INSERT INTO runs (at, criteria_version, tender_hash, manifest) VALUES ('${LATER}', 1, 't', '{}')`,
    );
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      seq: null,
      reason: `runs row 1 (criteria version 1 at ${LATER}) has no audit entry: it was added outside prequal`,
    });
  });
});
