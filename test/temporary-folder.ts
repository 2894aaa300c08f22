/**
 * One temporary folder for a whole test run, removed at its end: every test, and every CLI a test
 * starts, makes its workspaces and files under it (TMPDIR, which os.tmpdir() and SQLite read),
 * so a run leaves nothing behind in the machine's /tmp, even when a test fails half-way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-tests-'));
  process.env.TMPDIR = folder;
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
