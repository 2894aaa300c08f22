/**
 * One temporary folder for a whole test run, removed at its end: every test, and every CLI a test
 * starts, makes its workspaces and files under it (TMPDIR, which os.tmpdir() and SQLite read),
 * so a run leaves nothing behind in the machine's /tmp, even when a test fails half-way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  // The security suite's outcomes are for scripts/security-table.js, run after the tests: they
  // stay where it reads them (docs/SECURITY.md), outside the folder removed below.
  process.env.PREQUAL_SECURITY_OUTCOMES ??= path.join(os.tmpdir(), 'prequal-security-outcomes');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-tests-'));
  process.env.TMPDIR = folder;
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
