import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  appendAudit,
  getMeta,
  importCriteria,
  listAudit,
  noticeLockWaits,
  openStore,
  recordIngest,
  retryOnBusy,
  setMeta,
  syncDossiers,
  verifyAudit,
  withWriteTransaction,
} from '../../src/store/index.js';
import { AT, makeTempDir, openAgain, openTempStore, validRead } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function busyError(): Error {
  return Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

/** Runs concurrent-writer.mjs as a separate process; two of them start writing together. */
function runWriter(
  file: string,
  writer: string,
  count: number,
): Promise<{ code: number | null; stderr: string }> {
  const entry = path.resolve(here, '../../src/store/index.ts');
  const script = path.join(here, 'concurrent-writer.mjs');
  const child = spawn(process.execPath, [script, entry, file, writer, String(count), '2'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('concurrent writers', () => {
  it('interleaves write transactions of two connections on one file', () => {
    const a = openTempStore();
    const b = openAgain(a.file);
    for (let i = 0; i < 20; i++) {
      const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
      withWriteTransaction(first, () => {
        setMeta(first, `k${i}`, 'first');
        appendAudit(first, { at: AT, who: 'first', action: 'test', subject: `k${i}`, why: 'interleave' });
      });
      setMeta(second, `k${i}`, 'second');
      appendAudit(second, { at: AT, who: 'second', action: 'test', subject: `k${i}`, why: 'interleave' });
    }
    // With its audit entry, as an ingest writes it: `audit verify` holds the row to the entry.
    recordIngest(a, syncDossiers(a, [validRead('c01')], AT), 1, { by: 'first', at: AT });
    importCriteria(b, {
      name: 'g',
      criteria: { name: 'g', criteria: [], tie_breakers: [] },
      // The sha256 of the empty text: `audit verify` holds a version's text to its hash.
      hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      text: '',
      at: AT,
    });
    expect(getMeta(a, 'k19')).toBe('second');
    expect(listAudit(b)).toHaveLength(42);
    expect(verifyAudit(a)).toEqual({ ok: true, count: 42 });
  });

  it('gives up with SQLITE_BUSY once the retry budget is spent', () => {
    const a = openTempStore();
    const b = openAgain(a.file);
    b.db.pragma('busy_timeout = 0');
    a.db.exec('BEGIN IMMEDIATE');
    expect(() => withWriteTransaction(b, () => setMeta(b, 'k', 'v'), { maxWaitMs: 30 })).toThrow(
      expect.objectContaining({ code: 'SQLITE_BUSY' }),
    );
    a.db.exec('COMMIT');
    withWriteTransaction(b, () => setMeta(b, 'k', 'v'));
    expect(getMeta(a, 'k')).toBe('v');
  });

  it('says once that it waits when another process holds the lock, and nothing when none does', () => {
    const a = openTempStore();
    const b = openAgain(a.file);
    b.db.pragma('busy_timeout = 0');
    const notices: string[] = [];
    noticeLockWaits(b, () => notices.push('waiting'));
    withWriteTransaction(b, () => setMeta(b, 'free', 'v'));
    expect(notices).toEqual([]);
    a.db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < 2; i++) {
      expect(() => withWriteTransaction(b, () => setMeta(b, 'k', 'v'), { maxWaitMs: 20 })).toThrow(
        expect.objectContaining({ code: 'SQLITE_BUSY' }),
      );
    }
    a.db.exec('COMMIT');
    expect(notices).toEqual(['waiting']);
  });

  it('retries an attempt that fails with SQLITE_BUSY, and nothing else', () => {
    let calls = 0;
    const result = retryOnBusy(() => {
      calls++;
      if (calls < 3) throw busyError();
      return 'done';
    });
    expect([result, calls]).toEqual(['done', 3]);
    let other = 0;
    expect(() =>
      retryOnBusy(() => {
        other++;
        throw new Error('constraint');
      }),
    ).toThrow('constraint');
    expect(other).toBe(1);
  });

  it('lets two processes create, migrate and write one new store, both finishing', async () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    const count = 150;
    const results = await Promise.all([runWriter(file, 'alpha', count), runWriter(file, 'beta', count)]);
    expect(results).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    const store = openStore(file, { readonly: true });
    try {
      expect(verifyAudit(store)).toEqual({ ok: true, count: 2 * count });
      const writes = store.db.prepare("SELECT count(*) AS n FROM meta WHERE key NOT LIKE 'ready-%'").get();
      expect(writes).toEqual({ n: 2 * count });
      const writers = new Set(listAudit(store).map((entry) => entry.who));
      expect([...writers].sort()).toEqual(['alpha', 'beta']);
    } finally {
      store.close();
    }
  });
});
