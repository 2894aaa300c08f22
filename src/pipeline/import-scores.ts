import fs from 'node:fs';
import path from 'node:path';
import { readScoreCsv } from '../committee/read-score-csv.js';
import { checkScoreRows, type ScoreRow } from '../committee/score-rows.js';
import type { CriteriaSet, InputIssue } from '../core/types.js';
import { recordScores } from '../store/index.js';
import { loadCommitteeView } from './committee-view.js';
import type { Session } from './session.js';

export const SCORES_DIR = 'scores';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface ScoreImport {
  file: string;
  recorded: number;
  unchanged: number;
  issues: InputIssue[];
}

/**
 * Records checked score rows, all or nothing: when any row has a problem, nothing of the
 * batch is recorded and every problem is returned.
 */
export function recordScoreRows(
  session: Session,
  rows: ScoreRow[],
  criteria: CriteriaSet,
  file: string,
): ScoreImport {
  const { scores, issues } = checkScoreRows(rows, criteria, loadCommitteeView(session), session.at);
  if (issues.length > 0) return { file, recorded: 0, unchanged: 0, issues };
  const { recorded, unchanged } = recordScores(session.store, scores, {
    by: session.ctx.user,
    at: session.at,
  });
  return { file, recorded, unchanged, issues: [] };
}

/** Reads every `scores/*.csv` of the workspace (SPEC §5); each file is recorded whole or not at all. */
export function importScoreFiles(session: Session, criteria: CriteriaSet): ScoreImport[] {
  const dir = path.join(session.ctx.workspace, SCORES_DIR);
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.csv') && !name.startsWith('.'))
    .sort();
  return files.map((name) => importScoreCsv(session, path.join(dir, name), criteria));
}

export function importScoreCsv(session: Session, absolute: string, criteria: CriteriaSet): ScoreImport {
  const file = path.relative(session.ctx.workspace, absolute).split(path.sep).join('/');
  const refuse = (message: string): ScoreImport => ({
    file,
    recorded: 0,
    unchanged: 0,
    issues: [{ file, path: '', message }],
  });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : (error as Error).message;
    return refuse(`cannot read: ${reason}`);
  }
  let text: string;
  try {
    // Fatal: a sheet saved in another encoding would otherwise record names and comments with
    // U+FFFD in place of their accents. The decoder strips a leading BOM.
    text = UTF8.decode(bytes);
  } catch {
    return refuse('not valid UTF-8 text; save the file with UTF-8 encoding');
  }
  const { rows, issues } = readScoreCsv(text, file);
  if (issues.length > 0) return { file, recorded: 0, unchanged: 0, issues };
  return recordScoreRows(session, rows, criteria, file);
}
