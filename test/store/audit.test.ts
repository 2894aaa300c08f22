import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendAudit,
  GENESIS_HASH,
  hashAuditEntry,
  listAudit,
  listAuditLines,
  readAuditHead,
  type Store,
  verifyAudit,
  withWriteTransaction,
} from '../../src/store/index.js';
import { AT, openTempStore } from './helpers.js';

/** A value as the log gives it back: through JSON. */
function asStored(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function storeWithEntries(count: number): Store {
  const store = openTempStore();
  for (let i = 1; i <= count; i++) {
    appendAudit(store, {
      at: AT,
      who: 'secretary',
      action: 'test.entry',
      subject: `c0${i}`,
      before: i === 1 ? undefined : { points: i - 1 },
      after: { points: i, detail: { z: 1, a: [1, 'x'] } },
      why: `reason ${i}`,
    });
  }
  return store;
}

describe('audit log', () => {
  it('chains entries from 64 zeros with sha256 over canonical JSON', () => {
    const store = storeWithEntries(3);
    const entries = listAudit(store);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    const first = entries[0]!;
    const canonical =
      '{"action":"test.entry","after":{"detail":{"a":[1,"x"],"z":1},"points":1},"at":"2025-12-02T09:00:00Z",' +
      '"before":null,"seq":1,"subject":"c01","who":"secretary","why":"reason 1"}';
    expect(first.hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + canonical)
        .digest('hex'),
    );
    expect(verifyAudit(store)).toEqual({ ok: true, count: 3 });
  });

  it('stores each entry hashed as verification recomputes it, and returns the new head', () => {
    const store = openTempStore();
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (before, after) => {
        const head = appendAudit(store, {
          at: AT,
          who: 'x',
          action: 'test.any',
          subject: 's',
          before,
          after,
          why: 'w',
        });
        const entry = listAudit(store).at(-1);
        expect({ seq: entry?.seq, hash: entry?.hash }).toEqual(head);
        expect([entry?.before, entry?.after]).toEqual([asStored(before), asStored(after)]);
        expect(entry && hashAuditEntry(entry.prevHash, entry)).toBe(head.hash);
        expect(readAuditHead(store)).toEqual(head);
      }),
      { numRuns: 50 },
    );
    appendAudit(store, {
      ...{ at: AT, who: 'x', action: 'a', subject: 's', why: 'w' },
      after: { '10': new Date(0), '9': 1 },
    });
    expect(listAudit(store).at(-1)?.after).toEqual({ '10': '1970-01-01T00:00:00.000Z', '9': 1 });
    expect(verifyAudit(store)).toMatchObject({ ok: true });
  });

  it('lists entries for display with their stored JSON text, cut by SQLite to the length asked and marked', () => {
    const store = openTempStore();
    const names = Array.from({ length: 2000 }, (_, i) => `letter-c${i}-é.fr.md`);
    appendAudit(store, { at: AT, who: 'x', action: 'export.write', subject: 'out', after: names, why: 'w' });
    appendAudit(store, {
      at: AT,
      who: 'x',
      action: 'a',
      subject: 's',
      before: { '9': 1, '10': 2 },
      why: 'w',
    });
    const [exported, other] = listAuditLines(store, 100);
    const [exportEntry, otherEntry] = listAudit(store);
    expect(exported).toEqual({
      seq: 1,
      at: AT,
      who: 'x',
      action: 'export.write',
      subject: 'out',
      why: 'w',
      hash: exportEntry?.hash,
      before: '',
      after: `${JSON.stringify(names).slice(0, 100)}…`,
    });
    // Characters, not bytes: the cut never splits the é.
    expect([...(exported?.after ?? '')]).toHaveLength(101);
    expect(other).toMatchObject({ before: '{"10":2,"9":1}', after: '', hash: otherEntry?.hash });
    expect(listAuditLines(store, 1_000_000)[0]?.after).toBe(JSON.stringify(names));
  });

  it('verifies an empty log', () => {
    expect(verifyAudit(openTempStore())).toEqual({ ok: true, count: 0 });
  });

  it('refuses UPDATE and DELETE through triggers', () => {
    const store = storeWithEntries(2);
    expect(() => store.db.exec("UPDATE audit_log SET who = 'x' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => store.db.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
    expect(() => store.db.exec("UPDATE audit_head SET seq = 1, hash = 'x'")).toThrow(/last audit entry/);
  });

  it('names an entry altered after its trigger was dropped', () => {
    const store = storeWithEntries(4);
    store.db.exec('DROP TRIGGER audit_log_no_update');
    store.db.exec("UPDATE audit_log SET why = 'rewritten' WHERE seq = 2");
    expect(verifyAudit(store)).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/altered/) });
  });

  it('names an entry whose stored JSON was rewritten, even to text that is no JSON', () => {
    for (const after of ['{not json', '{ "n": 1 }']) {
      const store = storeWithEntries(3);
      store.db.exec('DROP TRIGGER audit_log_no_update');
      store.db.prepare('UPDATE audit_log SET after = ? WHERE seq = 2').run(after);
      expect(verifyAudit(store)).toMatchObject({
        ok: false,
        seq: 2,
        reason: expect.stringMatching(/altered/),
      });
    }
  });

  it('names an entry whose hash was recomputed to hide an edit', () => {
    const store = storeWithEntries(3);
    const second = listAudit(store)[1]!;
    const forged = hashAuditEntry(second.prevHash, { ...second, why: 'rewritten' });
    store.db.exec('DROP TRIGGER audit_log_no_update');
    store.db.prepare("UPDATE audit_log SET why = 'rewritten', hash = ? WHERE seq = 2").run(forged);
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      seq: 2,
      reason: expect.stringMatching(/rewritten hash/),
    });
  });

  it('detects a missing entry in the middle', () => {
    const store = storeWithEntries(4);
    store.db.exec('DROP TRIGGER audit_log_no_delete');
    store.db.exec('DELETE FROM audit_log WHERE seq = 3');
    expect(verifyAudit(store)).toEqual({ ok: false, seq: 3, reason: 'entry 3 is missing' });
  });

  it('detects deleted last entries through the head', () => {
    const store = storeWithEntries(4);
    store.db.exec('DROP TRIGGER audit_log_no_delete');
    store.db.exec('DELETE FROM audit_log WHERE seq = 4');
    expect(verifyAudit(store)).toMatchObject({ ok: false, seq: 4, reason: expect.stringMatching(/deleted/) });
    store.db.exec('DELETE FROM audit_log WHERE seq = 3');
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      seq: 3,
      reason: 'entries 3 to 4 were deleted from the end of the log',
    });
  });

  it('detects an entry inserted outside prequal', () => {
    const store = storeWithEntries(1);
    const head = listAudit(store)[0]!;
    store.db
      .prepare("INSERT INTO audit_log VALUES (2, 'a', 'w', 'x', 's', 'null', 'null', 'y', ?, ?)")
      .run(head.hash, 'e'.repeat(64));
    expect(verifyAudit(store)).toMatchObject({ ok: false, seq: 2 });
  });

  it('lands with the change it records, or not at all', () => {
    const store = openTempStore();
    const entry = { at: AT, who: 'sec', action: 'meta.set', subject: 'k', after: 'v', why: 'test' };
    expect(() =>
      withWriteTransaction(store, () => {
        store.db.prepare("INSERT INTO meta VALUES ('k', 'v')").run();
        appendAudit(store.db, entry);
        throw new Error('abandon');
      }),
    ).toThrow('abandon');
    expect(listAudit(store)).toEqual([]);
    expect(store.db.prepare('SELECT count(*) AS n FROM meta').get()).toEqual({ n: 0 });
    withWriteTransaction(store, () => {
      store.db.prepare("INSERT INTO meta VALUES ('k', 'v')").run();
      appendAudit(store.db, entry);
    });
    expect(listAudit(store)).toHaveLength(1);
    expect(verifyAudit(store)).toEqual({ ok: true, count: 1 });
  });
});
