/**
 * Shared set-up of the security tests: a small workspace (its own tender and criteria, no
 * manual criterion, so every valid dossier gets a final result), a known-good control
 * candidate, a sibling "outside" folder that nothing may write into, and a runner of the
 * BUILT CLI with a hard timeout (a hang must fail the test, not stall the suite).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from '../e2e/cli-helpers.js';
import { baseDossierYaml, CRITERIA_YAML, TENDER_YAML } from './base-dossier.js';

export * from './base-dossier.js';

export const BIN = path.join(ROOT, 'bin', 'prequal.js');
export const CLOCK = ['--now', '2025-12-05T09:00:00Z', '--as', 'Security Test'];

/** Candidate id of the known-good control present in every hostile workspace. */
export const CONTROL_ID = 'a00-control';
const CONTROL_SOURCE = path.join(ROOT, 'fixtures', 'poc2-s29', 'dossiers', 'c01-institut-droits-securite');

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed when the test file ends. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `prequal-sec-${prefix}-`));
  created.push(dir);
  return dir;
}

export interface SecurityWorkspace {
  /** The workspace (tender, criteria, dossiers/ with the control). */
  ws: string;
  /** A sibling folder holding a "secret" file; nothing may be written into it. */
  outside: string;
  dossiers: string;
}

/** A fresh workspace with the control candidate, next to an `outside/` folder. */
export function makeSecurityWorkspace(prefix = 'ws'): SecurityWorkspace {
  const root = makeTempDir(prefix);
  const ws = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  const dossiers = path.join(ws, 'dossiers');
  fs.mkdirSync(dossiers, { recursive: true });
  fs.mkdirSync(path.join(outside, 'folder'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.pdf'), 'confidential, not a candidate document\n');
  fs.writeFileSync(path.join(outside, 'folder', 'dossier.yaml'), baseDossierYaml('Outside Folder SARL'));
  fs.writeFileSync(path.join(ws, 'tender.yaml'), TENDER_YAML);
  fs.writeFileSync(path.join(ws, 'criteria.yaml'), CRITERIA_YAML);
  fs.cpSync(CONTROL_SOURCE, path.join(dossiers, CONTROL_ID), { recursive: true });
  return { ws, outside, dossiers };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/** Runs the built CLI without a TTY, colours off, killed after `timeoutMs` (a hang is a failure). */
export function runCli(args: string[], options: { timeoutMs?: number; cwd?: string } = {}): CliRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    timedOut,
    ms: performance.now() - started,
  };
}

/** As runCli, but asynchronous, so two processes can run at once. */
export function runCliAsync(args: string[], timeoutMs = 30_000): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  // Decoded by the streams, so a character split across two chunks stays whole.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - started });
    }),
  );
}

/**
 * Every path below `dir` with its size and modification time, symbolic links not followed.
 * Names are read as bytes: a name that is not UTF-8 (h48) has no string path to stat it by.
 */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: Buffer, relative: string): void => {
    for (const name of fs.readdirSync(folder, { encoding: 'buffer' })) {
      const full = Buffer.concat([folder, Buffer.from('/'), name]);
      const key = relative === '' ? name.toString() : `${relative}/${name.toString()}`;
      const stat = fs.lstatSync(full);
      out[key] = `${stat.mode}:${stat.size}:${stat.mtimeMs}`;
      if (stat.isDirectory()) walk(full, key);
    }
  };
  walk(Buffer.from(dir), '');
  return out;
}

/** The file modes without type bits (e.g. 0o600). */
export const permissionsOf = (file: string): number => fs.statSync(file).mode & 0o777;
