/**
 * Hostile files in a workspace's scores/ folder, through the built CLI: each is refused with its
 * reason and exit 1, the evaluation of the dossiers still completes, and nothing it holds reaches
 * the terminal raw.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../e2e/cli-helpers.js';
import { CLOCK, runCli } from './harness.js';

const workspaces: string[] = [];
afterAll(() => {
  for (const ws of workspaces) fs.rmSync(ws, { recursive: true, force: true });
});

/** A fixture workspace with `make` applied to scores/zz.csv, then `prequal run` on it. */
function runWith(make: (file: string) => void) {
  const ws = copyFixture('poc2-s29');
  workspaces.push(ws);
  make(path.join(ws, 'scores', 'zz.csv'));
  const run = runCli(['run', '--workspace', ws, '--format', 'json', ...CLOCK], { timeoutMs: 60_000 });
  return { ws, run };
}

describe('hostile score files', () => {
  it('refuses a FIFO at once, and still evaluates and exports', () => {
    const { ws, run } = runWith((file) => execFileSync('mkfifo', [file]));
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('scores/zz.csv: cannot read: not a regular file');
    expect(fs.existsSync(path.join(ws, 'out', 'shortlist.json'))).toBe(true);
  });

  it('never prints the first line of a file outside the workspace that a link names', () => {
    const outside = path.join(os.tmpdir(), `prequal-secret-${process.pid}.csv`);
    fs.writeFileSync(outside, 'root:x:0:0:secret\n');
    try {
      const { run } = runWith((file) => fs.symlinkSync(outside, file));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('scores/zz.csv: cannot read: a symbolic link to outside the workspace');
      expect(run.stderr).not.toContain('secret');
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });

  it('shows the escape sequences of a refused row as text, never as escapes', () => {
    const { run } = runWith((file) =>
      fs.writeFileSync(
        file,
        'evaluator,candidate,criterion,points,comment\n\u001b[2J\u001b]0;pwned\u0007Evil,c01\u001b[1A-institut-droits-securite,EXP-4,17,"ok"\n',
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).toContain('unknown evaluator "\\u001b[2J\\u001b]0;pwned\\u0007Evil"');
    expect(run.stderr).toContain('unknown candidate "c01\\u001b[1A-institut-droits-securite"');
  });
});

describe('error messages', () => {
  it('strip the escapes of what they quote, keeping their line breaks', () => {
    const ws = copyFixture('poc2-s29');
    workspaces.push(ws);
    expect(runCli(['run', '--workspace', ws, '--format', 'json', ...CLOCK]).code).toBe(0);
    const explain = runCli(['explain', 'x\u001b[2Jy\nz', '--workspace', ws]);
    expect(explain.code).toBe(1);
    expect(explain.stderr).toMatch(/^error: unknown candidate "xy\nz" \(known: c01-/);
    expect(explain.stderr).not.toContain('\u001b');
  });
});
