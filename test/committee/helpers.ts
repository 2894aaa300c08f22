import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Context } from '../../src/context.js';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { closeSession, openSession, type Session } from '../../src/pipeline/session.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const AT = '2025-12-05T10:00:00Z';

const dirs: string[] = [];
const sessions: Session[] = [];

afterEach(() => {
  for (const session of sessions.splice(0)) if (session.store.db.open) closeSession(session);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary copy of a fixture workspace, without its `scores/` folder; removed after the test. */
export function copyWorkspace(fixture = 'poc2-s29'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `prequal-committee-${fixture}-`));
  dirs.push(dir);
  fs.cpSync(path.join(ROOT, 'fixtures', fixture), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'scores'), { recursive: true, force: true });
  return dir;
}

/** A context with a fixed clock whose output is captured. */
export function makeContext(
  workspace: string,
  user = 'Olivier Lemaire',
): Context & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    workspace,
    cwd: workspace,
    now: () => new Date(AT),
    user,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    interactive: false,
    progressAllowed: false,
    stdout,
    stderr,
  };
}

/** Opens the workspace with its dossiers ingested and its criteria imported; closed after the test. */
export async function openReadySession(workspace: string): Promise<Session> {
  const session = await openSession(makeContext(workspace));
  sessions.push(session);
  // Awaited: ingestion may read application forms (xlsx) asynchronously.
  await ingestDossiers(session);
  await importCriteriaFile(session);
  return session;
}

/** Reads the fixture's score CSV of one evaluator as `candidate → [points, comment]`. */
export function fixtureScores(file: string): Map<string, [string, string]> {
  const text = fs.readFileSync(path.join(ROOT, 'fixtures', 'poc2-s29', 'scores', file), 'utf8');
  const rows = new Map<string, [string, string]>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const match = /^[^,]+,([^,]+),EXP-4,([^,]+),(.*)$/.exec(line);
    if (match)
      rows.set(match[1] ?? '', [match[2] ?? '', (match[3] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"')]);
  }
  return rows;
}
