/**
 * What must hold after a prequal process was killed: the database passes SQLite's integrity
 * check, what was stored before is still there, a batch of dossier changes is stored entirely
 * or not at all, and the audit chain verifies.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BIN, type CliRun, runCli } from './harness.js';

/** Stored dossier hashes by id; empty when there is no database yet. */
export function storedHashes(ws: string): Map<string, string> {
  const file = path.join(ws, 'prequal.db');
  if (!fs.existsSync(file)) return new Map();
  const db = new Database(file);
  try {
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dossiers'")
      .get();
    if (!hasTable) return new Map();
    const rows = db.prepare('SELECT id, hash FROM dossiers').all() as { id: string; hash: string }[];
    return new Map(rows.map((row) => [row.id, row.hash]));
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of the workspace database ('ok', or 'no database'). */
export function integrityOf(ws: string): string {
  const file = path.join(ws, 'prequal.db');
  if (!fs.existsSync(file)) return 'no database';
  // Opened read-write: after a crash, SQLite replays or discards the WAL on first open.
  const db = new Database(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * Problems of the stored dossiers after a kill, given what was stored before and the ids whose
 * new content was waiting to be stored: an id lost, a change outside `pending`, or only part of
 * `pending` stored (an ingest stores its whole batch in one transaction, or nothing).
 */
export function compareAfterKill(
  before: Map<string, string>,
  after: Map<string, string>,
  pending: Set<string>,
): string[] {
  const problems: string[] = [];
  for (const id of before.keys()) if (!after.has(id)) problems.push(`${id} lost`);
  const stored = [...after].filter(([id, hash]) => before.get(id) !== hash).map(([id]) => id);
  const unexpected = stored.filter((id) => !pending.has(id));
  if (unexpected.length > 0) problems.push(`changed without a cause: ${unexpected.slice(0, 5).join(', ')}`);
  if (stored.length !== 0 && stored.length !== pending.size)
    problems.push(`partial batch: ${stored.length} of ${pending.size} changes stored`);
  return problems;
}

/** Ids whose stored hash differs between two readings. */
export const changedIds = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...after].filter(([id, hash]) => before.get(id) !== hash).map(([id]) => id);

/** Starts prequal with `args` and SIGKILLs it after `delayMs` (unless it ended first). */
export function runAndKill(args: string[], delayMs: number): Promise<CliRun & { killed: boolean }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // Decoded by the streams, so a character split across two chunks stays whole.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      resolve({ code, signal, stdout, stderr, timedOut: false, ms, killed: signal === 'SIGKILL' });
    }),
  );
}

/** `prequal audit verify`: exit 0 when the hash chain is intact (skipped without a database). */
export function auditVerifies(ws: string): boolean {
  if (!fs.existsSync(path.join(ws, 'prequal.db'))) return true;
  return runCli(['audit', 'verify', '--workspace', ws]).code === 0;
}
