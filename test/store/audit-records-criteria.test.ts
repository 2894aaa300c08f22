/**
 * `verifyAudit` holds each criteria version to the `criteria.import` entry that recorded it: its
 * text to the entry's hash, its parsed criteria (what evaluation reads) to the entry's digest of
 * them. Each forgery is raw SQL on an intact hash chain, the triggers dropped first.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../src/core/types.js';
import { criteriaDigest } from '../../src/store/criteria-versions.js';
import { appendAudit, importCriteria, type Store, verifyAudit } from '../../src/store/index.js';
import { forge, seqOf } from './forge.js';
import { AT, LATER, openTempStore } from './helpers.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function criteriaSet(threshold: number): CriteriaSet {
  const deadline = { id: 'ADM-1', label: { fr: 'Délai', en: 'Deadline' }, kind: 'gate' as const };
  return {
    name: 'S29 grid',
    criteria: [{ ...deadline, rule: { type: 'deadline' } }],
    shortlist_threshold: threshold,
    tie_breakers: [],
  };
}

const text = (threshold: number) => `name: S29 grid\nshortlist_threshold: ${threshold}\n`;

/** Version 1 at 40, version 2 at 50 from a file with a byte-order mark, version 3 back at 40. */
function criteriaStore(): Store {
  const store = openTempStore();
  const grid = (threshold: number, hash: string, at = AT) => ({
    name: 'S29 grid',
    criteria: criteriaSet(threshold),
    hash,
    text: text(threshold),
    at,
  });
  importCriteria(store, grid(40, sha256(text(40))));
  importCriteria(store, grid(50, sha256(`\uFEFF${text(50)}`)));
  importCriteria(store, grid(40, sha256(text(40)), LATER));
  return store;
}

const hashes = { 1: sha256(text(40)), 2: sha256(`\uFEFF${text(50)}`) };

describe('verifyAudit on the criteria versions', () => {
  it('passes untouched versions, the one read from a file with a byte-order mark included', () => {
    const store = criteriaStore();
    expect(verifyAudit(store)).toEqual({ ok: true, count: 3 });
  });

  it.each([
    [
      "a version's text",
      "UPDATE criteria_versions SET text = 'shortlist_threshold: 5' WHERE version = 2",
      2,
      `sha256 of the text is "${sha256('shortlist_threshold: 5')}", the entry says "${hashes[2]}"`,
    ],
    [
      "a version's text with its hash recomputed",
      `UPDATE criteria_versions SET text = 'x', hash = '${sha256('x')}' WHERE version = 2`,
      2,
      `hash is "${sha256('x')}", the entry says "${hashes[2]}"; ` +
        `sha256 of the text is "${sha256('x')}", the entry says "${hashes[2]}"`,
    ],
    [
      "a version's hash",
      "UPDATE criteria_versions SET hash = 'forged' WHERE version = 1",
      1,
      `hash is "forged", the entry says "${hashes[1]}"`,
    ],
    [
      'the criteria evaluation reads, the text left as it was',
      "UPDATE criteria_versions SET criteria = json_set(criteria, '$.shortlist_threshold', 10) WHERE version = 3",
      3,
      `sha256 of the criteria is "${criteriaDigest(criteriaSet(10))}", the entry says "${criteriaDigest(criteriaSet(40))}"`,
    ],
    [
      "a version's name and import time",
      `UPDATE criteria_versions SET name = 'other', imported_at = '${AT}' WHERE version = 3`,
      3,
      `name is "other", the entry says "S29 grid"; imported at is "${AT}", the entry says "${LATER}"`,
    ],
  ])('names %s changed with SQL, and what differs', (_, sql, version, what) => {
    const store = criteriaStore();
    forge(store, sql);
    const seq = seqOf(store, 'criteria.import', version);
    const name = sql.includes("name = 'other'") ? 'other' : 'S29 grid';
    const reason = `criteria_versions row ${version} (${name}) differs from audit entry ${seq} that recorded it: ${what}`;
    expect(verifyAudit(store)).toEqual({ ok: false, seq, reason });
  });

  it('names a version deleted with SQL', () => {
    const store = criteriaStore();
    forge(store, 'DELETE FROM criteria_versions WHERE version = 2');
    expect(verifyAudit(store)).toEqual({
      ok: false,
      seq: 2,
      reason:
        'the criteria version recorded by audit entry 2 (criteria version 2) has no row in criteria_versions: it was deleted',
    });
  });

  it('names a version inserted without an audit entry, no trigger dropped', () => {
    const store = criteriaStore();
    store.db.exec(`INSERT INTO criteria_versions (version, name, hash, text, criteria, imported_at)
      VALUES (4, 'lenient grid', '${sha256('t')}', 't', '{}', '${LATER}')`);
    expect(verifyAudit(store)).toEqual({
      ok: false,
      seq: null,
      reason: 'criteria_versions row 4 (lenient grid) has no audit entry: it was added outside prequal',
    });
  });

  it('names two versions whose rows were swapped, which changes the version a run names', () => {
    const store = criteriaStore();
    forge(store, 'UPDATE criteria_versions SET version = 9 WHERE version = 1');
    forge(store, 'UPDATE criteria_versions SET version = 1 WHERE version = 2');
    forge(store, 'UPDATE criteria_versions SET version = 2 WHERE version = 9');
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      seq: 1,
      reason: expect.stringMatching(
        new RegExp(
          `^criteria_versions row 1 \\(S29 grid\\) differs .*: hash is "${hashes[2]}", the entry says "${hashes[1]}"`,
        ),
      ),
    });
  });

  it('holds a version whose entry predates the criteria digest to its text and hash only', () => {
    const store = openTempStore();
    const criteria = JSON.stringify(criteriaSet(40));
    store.db
      .prepare('INSERT INTO criteria_versions VALUES (1, ?, ?, ?, ?, ?)')
      .run('S29 grid', hashes[1], text(40), criteria, AT);
    const after = { version: 1, name: 'S29 grid', hash: hashes[1] };
    const entry = { at: AT, who: 'root', action: 'criteria.import', subject: 'criteria version 1' };
    appendAudit(store, { ...entry, before: null, after, why: 'first criteria import' });
    expect(verifyAudit(store)).toEqual({ ok: true, count: 1 });
    // The limit stated in docs/SECURITY.md: such an entry has no digest to hold the criteria to.
    forge(store, "UPDATE criteria_versions SET criteria = json_set(criteria, '$.shortlist_threshold', 10)");
    expect(verifyAudit(store)).toEqual({ ok: true, count: 1 });
    forge(store, "UPDATE criteria_versions SET text = 'shortlist_threshold: 10'");
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      seq: 1,
      reason: expect.stringMatching(/sha256 of the text/),
    });
  });
});
