/**
 * A store SQLite cannot use — cut short, overwritten, a folder in its place — is a failure
 * (exit 1) reported in one line naming prequal.db, not a crash with a stack trace; the command
 * changes neither the store nor the exports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, fileHashes, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Test Runner'];
const STACK = /\n\s+at .+:\d+:\d+/;

interface Damage {
  name: string;
  reason: RegExp;
  damage: (db: string) => void;
  /**
   * Whether the store itself stays byte-identical. One damaged inside a table still takes the
   * writes that come before prequal meets the damage (rank's snapshot, the committee sync), each
   * a whole transaction; the exports are untouched all the same.
   */
  storeUntouched: boolean;
}

const DAMAGES: Damage[] = [
  {
    name: 'cut short',
    reason: /the store is damaged.*SQLITE_CORRUPT/,
    damage: (db) => fs.truncateSync(db, 8192),
    storeUntouched: true,
  },
  {
    name: 'overwritten with other bytes',
    reason: /not a prequal store.*SQLITE_NOTADB/,
    damage: (db) => fs.writeFileSync(db, Buffer.alloc(4096, 0x5a)),
    storeUntouched: true,
  },
  {
    name: 'garbage in the middle of a table',
    reason: /the store is damaged.*SQLITE_CORRUPT/,
    damage: (db) => {
      const fd = fs.openSync(db, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 20_480);
      fs.closeSync(fd);
    },
    storeUntouched: false,
  },
  {
    name: 'a folder in its place',
    reason: /cannot be opened.*SQLITE_CANTOPEN/,
    damage: (db) => {
      fs.rmSync(db);
      fs.mkdirSync(db);
    },
    storeUntouched: true,
  },
];

describe('audit verify on a damaged store', () => {
  it('reports a page damaged outside the audit tables, which the hash chain alone does not see', () => {
    const ws = copyFixture('poc2-s29');
    expect(prequal(['run', '--workspace', ws, ...NOW]).code).toBe(0);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(ws, `prequal.db${suffix}`), { force: true });
    DAMAGES.find((damaged) => damaged.name === 'garbage in the middle of a table')?.damage(
      path.join(ws, 'prequal.db'),
    );
    const verify = prequal(['audit', 'verify', '--workspace', ws, ...NOW]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).not.toMatch(STACK);
    expect(verify.stderr).toMatch(
      /^store damaged: SQLite's check of .*prequal\.db reports "Tree \d+ page \d+: .*"; restore it from a backup\n$/,
    );
  });
});

describe('a damaged store', () => {
  it.each(DAMAGES)('$name: one line naming prequal.db, exit 1, nothing else changed', (damaged) => {
    const ws = copyFixture('poc2-s29');
    expect(prequal(['run', '--workspace', ws, ...NOW]).code).toBe(0);
    // Closed cleanly: the WAL is checkpointed and gone, so the damage is to the only copy.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(ws, `prequal.db${suffix}`), { force: true });
    const criteria = path.join(ws, 'criteria.yaml');
    fs.writeFileSync(criteria, fs.readFileSync(criteria, 'utf8').replace('threshold: 40', 'threshold: 41'));
    damaged.damage(path.join(ws, 'prequal.db'));
    const before = fileHashes(ws);
    for (const args of [['run'], ['rank'], ['export']]) {
      const result = prequal([...args, '--workspace', ws, ...NOW]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).not.toMatch(STACK);
      // `run` may have printed its ingest summary before it met the damage: the error comes last.
      const error = result.stderr
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('error'));
      expect(error).toHaveLength(1);
      expect(result.stderr.trim().endsWith(error[0] ?? '?')).toBe(true);
      expect(error[0]).toMatch(/^error: cannot use the store .*prequal\.db: /);
      expect(error[0]).toMatch(damaged.reason);
    }
    const after = fileHashes(ws);
    for (const file of Object.keys(after)) {
      const store = file === 'prequal.db' && !damaged.storeUntouched;
      if (store || file.startsWith('prequal.db-')) delete after[file];
    }
    if (!damaged.storeUntouched) delete before['prequal.db'];
    expect(after).toEqual(before);
  });
});
