/**
 * An archived evaluation — a workspace prequal may not write, on read-only media or owned by
 * someone else — can still be read: every command that only reads prints exactly what it prints
 * from the writable workspace, and leaves every file as it was; every command that writes fails
 * in one line naming prequal.db (exit 1). The archive's caches are emptied first, as a newer
 * prequal would find them, so the reads must recompute what the writable workspace had stored.
 *
 * File modes do not stop root: run as root, the CLI is started as uid 65534 (setpriv); without
 * setpriv, or when that user cannot reach the built CLI, the suite is skipped, saying why.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, copyFixture, fileHashes, prequal, ROOT } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Test Runner'];
const BIN = path.join(ROOT, 'bin', 'prequal.js');
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
const isRoot = process.getuid?.() === 0;

/** How to run the CLI as a user the archive's modes apply to, or why that is not possible here. */
function chooseReader(): { run: (args: string[]) => CliResult } | { skip: string } {
  if (!isRoot) return { run: (args) => prequal(args, { env: { TMPDIR: READER_TMP } }) };
  const run = (args: string[]): CliResult => {
    const result = spawnSync('setpriv', [...NOBODY, process.execPath, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, TMPDIR: READER_TMP },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const probe = run(['--version']);
  if (probe.code === 0) return { run };
  return { skip: `running as root, and uid 65534 cannot run ${BIN} through setpriv: ${probe.stderr}` };
}

const READS = [
  ['rank'],
  ['rank', '--json'],
  ['rank', '--lang', 'en'],
  ['explain', 'c16-kedougou-formation-droits'],
  ['explain', 'c07', '--closest'],
  ['criteria', 'list'],
  ['criteria', 'show', '1'],
  ['audit'],
  ['audit', 'verify'],
  ['committee', 'list'],
  ['whatif', '--set', 'threshold=35'],
  ['diff', '--from', '1', '--to', '1'],
];

const WRITES = [
  ['ingest'],
  ['score'],
  ['export'],
  ['run'],
  ['criteria', 'import'],
  ['override', '--candidate', 'c07', '--criterion', 'EXP-2', '--points', '5', '--reason', 'x'],
  ['committee', 'add', 'Awa Diop', '--role', 'evaluator'],
  ['decide', '--choose', 'c07', '--reason', 'x'],
  ['sheet', 'export', '--evaluator', 'Hélène Marchand'],
];

/** Empties what a newer build would find stale: validations, evaluation cache, ranked tables. */
function emptyCaches(db: string): void {
  const store = new Database(db);
  store.exec(`DELETE FROM evaluation_parts;
    DELETE FROM meta WHERE key IN ('tender.checked', 'criteria.checked') OR key LIKE 'run.snapshot%';`);
  store.close();
}

/** Sets the modes of `dir` and everything below it. */
function chmodTree(dir: string, mode: (isDir: boolean) => number): void {
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    fs.chmodSync(path.join(entry.parentPath, entry.name), mode(entry.isDirectory()));
  }
  fs.chmodSync(dir, mode(true));
}

/**
 * The reader's temporary folder, where reading commands copy a store they may not write: its own,
 * so other tests' copies do not show in it, and open to all as /tmp is, since the test run's own
 * is private to root.
 */
const READER_TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-reader-tmp-'));
fs.chmodSync(READER_TMP, 0o1777);

const reader = chooseReader();

describe.skipIf('skip' in reader)(
  `a read-only workspace${'skip' in reader ? ` (skipped: ${reader.skip})` : ''}`,
  () => {
    const run = 'run' in reader ? reader.run : prequal;
    let writable: string;
    let archive: string;
    let before: Record<string, string>;
    const opened: { dir: string; mode: number }[] = [];

    beforeAll(() => {
      writable = copyFixture('poc2-s29');
      expect(prequal(['run', '--workspace', writable, ...NOW]).code).toBe(0);
      archive = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-archive-'));
      fs.cpSync(writable, archive, { recursive: true });
      emptyCaches(path.join(archive, 'prequal.db'));
      // Readable by all (the reader may be another user), writable by none.
      chmodTree(archive, (isDir) => (isDir ? 0o555 : 0o444));
      if (isRoot) {
        // uid 65534 must be able to pass through the test run's private temporary folders.
        for (let dir = path.dirname(archive); dir !== path.dirname(dir); dir = path.dirname(dir)) {
          const mode = fs.statSync(dir).mode & 0o777;
          if ((mode & 0o001) === 0) {
            opened.push({ dir, mode });
            fs.chmodSync(dir, mode | 0o001);
          }
        }
      }
      before = fileHashes(archive);
    });

    afterAll(() => {
      for (const { dir, mode } of opened) fs.chmodSync(dir, mode);
      if (archive) chmodTree(archive, (isDir) => (isDir ? 0o755 : 0o644));
    });

    const named = (commands: string[][]) => commands.map((command) => [command.join(' '), command] as const);

    it.each(named(READS))('%s prints what it prints from the writable workspace', (_name, command) => {
      const expected = prequal([...command, '--workspace', writable, ...NOW]);
      const got = run([...command, '--workspace', archive, ...NOW]);
      expect(got.stderr).toBe(expected.stderr);
      expect(got.stdout).toBe(expected.stdout);
      expect(got.code).toBe(expected.code);
      expect(got.stdout.length).toBeGreaterThan(0);
    });

    it.each(named(WRITES))('%s fails in one line naming prequal.db', (_name, command) => {
      const got = run([...command, '--workspace', archive, ...NOW]);
      expect(got.code).toBe(1);
      expect(got.stderr).toMatch(
        /^error: cannot use the store \S+prequal\.db: the store is read-only: this command writes it .*\n$/,
      );
    });

    it('refuses in one line a store the reader may not even read, whether the command reads or writes', () => {
      // prequal creates its store 0600: another user, or root's store for uid 65534, cannot read it.
      const db = path.join(archive, 'prequal.db');
      fs.chmodSync(db, 0o000);
      try {
        for (const command of [['rank'], ['audit', 'verify'], ['ingest']]) {
          const got = run([...command, '--workspace', archive, ...NOW]);
          expect(got.code).toBe(1);
          expect(got.stderr).toMatch(
            /^error: cannot use the store \S+prequal\.db: this process may not read it .*\(permission denied; EACCES\)\n$/,
          );
        }
      } finally {
        fs.chmodSync(db, 0o444);
      }
    });

    it('leaves no copy of the store behind in the temporary folder', () => {
      for (const command of READS.slice(0, 2)) run([...command, '--workspace', archive, ...NOW]);
      expect(fs.readdirSync(READER_TMP).filter((name) => name.startsWith('prequal-store-copy-'))).toEqual([]);
    });

    it('leaves every file of the archive as it was: no -wal, no -shm, no export', () => {
      expect(fileHashes(archive)).toEqual(before);
    });
  },
);
