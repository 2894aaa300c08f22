/**
 * Exports are atomic and private. An output folder that cannot be written gives a clear error
 * (exit 1, naming the folder or file and the reason) and leaves the previous export as it was,
 * with no temporary file behind; the database and every export are readable by their owner only,
 * whatever the umask. We run as root, which ignores permission bits, so a read-only folder is
 * simulated without them (see also export-namespace.test.ts for a real read-only and full disk).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../e2e/cli-helpers.js';
import { BIN, CLOCK, permissionsOf, runCli } from './harness.js';
import { type OutcomeRow, recordOutcomes } from './outcomes.js';

const rows: OutcomeRow[] = [];
afterAll(() => recordOutcomes('exports', rows));

/** Every file below `dir` with its bytes, to prove a failed export changed nothing. */
function contentsOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) out[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
  }
  return out;
}

describe('a failing export', () => {
  it('refuses an --out below a regular file with exit 1, naming the folder and the reason', () => {
    const ws = copyFixture('poc2-s29');
    fs.writeFileSync(path.join(ws, 'blocker'), 'a regular file\n');
    const out = path.join(ws, 'blocker', 'out');
    const result = runCli(['run', '--workspace', ws, '--out', out, ...CLOCK]);
    rows.push({
      id: 'x01-out-below-a-file',
      group: 'exports',
      input: '`--out` pointing below a regular file (a folder that cannot be created)',
      outcome: `exit ${result.code}: ${result.stderr.trim().split('\n').at(-1)?.replace(ws, '<ws>')}`,
      ok: result.code === 1,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(out);
    expect(result.stderr).toMatch(/not a folder|ENOTDIR|EEXIST/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('keeps the previous export when a file cannot be replaced, and leaves no temporary file', () => {
    const ws = copyFixture('poc2-s29');
    expect(runCli(['run', '--workspace', ws, ...CLOCK]).code).toBe(0);
    const out = path.join(ws, 'out');
    // A changed input, so the next export differs; then the report cannot be renamed into place.
    fs.rmSync(path.join(ws, 'dossiers', 'c17-casamance-droits-humains-conseil'), { recursive: true });
    const report = path.join(out, 'report.fr.md');
    const previous = fs.readFileSync(report);
    fs.rmSync(report);
    fs.mkdirSync(path.join(report, 'blocker'), { recursive: true });
    const before = contentsOf(out);
    const result = runCli(['export', '--workspace', ws, '--format', 'md', ...CLOCK]);
    rows.push({
      id: 'x02-target-not-replaceable',
      group: 'exports',
      input: 'an export whose target cannot be replaced (a folder in its place)',
      outcome: `exit ${result.code}: ${result.stderr.trim().split('\n').at(-1)?.replace(ws, '<ws>')}; other files untouched`,
      ok: result.code === 1,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(report);
    expect(contentsOf(out)).toEqual(before);
    expect(fs.readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(previous.length).toBeGreaterThan(0);
  });
});

describe('confidentiality of files', () => {
  it('creates the database and every export owner-only (0600), even with umask 000', () => {
    const ws = copyFixture('poc2-s29');
    // The umask is inherited from the shell: 000 would make anything not set explicitly world-readable.
    execFileSync(
      'sh',
      ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BIN, 'run', '--workspace', ws, ...CLOCK],
      {
        stdio: 'ignore',
      },
    );
    const files = [
      'prequal.db',
      ...fs.readdirSync(path.join(ws, 'out'), { recursive: true }).map((f) => `out/${f}`),
    ];
    const modes = Object.fromEntries(
      files
        .filter((f) => fs.statSync(path.join(ws, f)).isFile())
        .map((f) => [f, permissionsOf(path.join(ws, f)).toString(8)]),
    );
    const folders = ['out', 'out/letters'].map((f) => `${f} ${permissionsOf(path.join(ws, f)).toString(8)}`);
    rows.push({
      id: 'x03-modes-0600',
      group: 'exports',
      input: '`prequal run` under umask 000',
      outcome: `${Object.keys(modes).length} files, modes ${[...new Set(Object.values(modes))].join(', ')}; folders ${folders.join(', ')}`,
      ok: Object.values(modes).every((mode) => mode === '600'),
    });
    expect(Object.keys(modes).length).toBeGreaterThan(10);
    for (const [file, mode] of Object.entries(modes)) expect(`${file} ${mode}`).toBe(`${file} 600`);
    // The export folders list the rejected candidates (one letter each): owner-only too.
    expect(folders).toEqual(['out 700', 'out/letters 700']);
  });

  it('keeps the WAL and shared-memory files of the database owner-only while a command runs', () => {
    const ws = copyFixture('poc2-s29');
    expect(runCli(['ingest', '--workspace', ws, ...CLOCK]).code).toBe(0);
    // Open the store the way prequal does (WAL) and look at its side files while it is open.
    const probe = `process.umask(0); import Database from 'better-sqlite3';
      const db = new Database(process.argv[1]); db.pragma('journal_mode = WAL');
      db.prepare("SELECT count(*) FROM dossiers").get();
      const fs = await import('node:fs');
      console.log(['-wal', '-shm'].map((s) => (fs.statSync(process.argv[1] + s).mode & 0o777).toString(8)).join(' '));`;
    const modes = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', probe, path.join(ws, 'prequal.db')],
      {
        cwd: path.dirname(BIN),
        encoding: 'utf8',
      },
    ).trim();
    expect(modes).toBe('600 600');
  });
});
