import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { type CliResult, copyFixture, prequal, ROOT } from './cli-helpers.js';

export const NOW = '2025-12-05T10:00:00Z';

const workspaces: string[] = [];

afterAll(() => {
  for (const dir of workspaces.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary copy of a fixture, without `scores/` (the committee scores it in the test); removed afterwards. */
export function committeeWorkspace(fixture: string): string {
  const ws = copyFixture(fixture);
  workspaces.push(ws);
  fs.rmSync(path.join(ws, 'scores'), { recursive: true, force: true });
  return ws;
}

/** Runs the built CLI on a workspace with the fixed clock, acting as `as`. */
export function act(ws: string, as: string, args: string[], cwd = ROOT): CliResult {
  return prequal([...args, '--workspace', ws, '--now', NOW, '--as', as], { cwd });
}

/** A fixture score CSV as rows: candidate, points, comment. */
export function fixtureScoreRows(file: string): { candidate: string; points: string; comment: string }[] {
  const text = fs.readFileSync(path.join(ROOT, 'fixtures', 'poc2-s29', 'scores', file), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .flatMap((line) => {
      const match = /^[^,]+,([^,]+),EXP-4,([^,]+),(.*)$/.exec(line);
      if (!match) return [];
      const comment = (match[3] ?? '').replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
      return [{ candidate: match[1] ?? '', points: match[2] ?? '', comment }];
    });
}

/** The current manual scores of one evaluator, read straight from the store. */
export function storedScores(
  ws: string,
  evaluator: string,
): { candidate: string; points: number; comment: string }[] {
  const db = new Database(path.join(ws, 'prequal.db'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT candidate, points, comment FROM manual_scores WHERE evaluator = ? AND superseded = 0 ORDER BY candidate',
      )
      .all(evaluator) as { candidate: string; points: number; comment: string }[];
  } finally {
    db.close();
  }
}
