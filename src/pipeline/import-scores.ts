import fs from 'node:fs';
import path from 'node:path';
import { readScoreCsv } from '../committee/read-score-csv.js';
import { checkScoreRows, type ScoreRow, scoreKey } from '../committee/score-rows.js';
import type { CriteriaSet, InputIssue } from '../core/types.js';
import { isInside } from '../dossier/list-dossier-entries.js';
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
  /** For a file of scores/, read again on every run: see RecordScoreOptions. */
  { reread = false }: { reread?: boolean } = {},
): ScoreImport {
  const { scores, issues } = checkScoreRows(rows, criteria, loadCommitteeView(session), session.at);
  if (issues.length > 0) return { file, recorded: 0, unchanged: 0, issues };
  const { recorded, unchanged } = recordScores(
    session.store,
    scores,
    { by: session.ctx.user, at: session.at },
    reread ? { rereadFile: file } : {},
  );
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
  const scoredIn = new Map<string, string>();
  return files.map((name) =>
    importScoreCsv(session, path.join(dir, name), criteria, { insideWorkspace: true, scoredIn }),
  );
}

/**
 * Rows that score what an earlier file of scores/ already scores, as issues naming it; then
 * records where this file's scores are. Settled by file order, such a conflict recorded the
 * later file's points silently, and every run recorded both files again, one after the other.
 */
function scoredElsewhere(rows: readonly ScoreRow[], scoredIn: Map<string, string>): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const row of rows) {
    const where = scoredIn.get(scoreKey(row));
    if (where === undefined || where.startsWith(`${row.file}:`)) continue;
    issues.push({
      file: row.file,
      line: row.line,
      path: 'criterion',
      message: `${row.evaluator} already scores ${row.candidate} on ${row.criterion} in ${where}: keep one of the two`,
    });
  }
  for (const row of rows) {
    const key = scoreKey(row);
    if (!scoredIn.has(key)) scoredIn.set(key, `${row.file}:${row.line ?? '?'}`);
  }
  return issues;
}

/** Bytes a score file may weigh: some 200,000 rows, far beyond any committee's. */
export const MAX_SCORE_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Reads a score file, or says why not. Only a regular file is read, and only up to the limit:
 * a FIFO in scores/ hung the run, a link to /dev/zero filled the memory. With `insideWorkspace`
 * (the files of scores/), a link resolving outside the workspace is refused too: the header
 * check would otherwise print the first line of any file the link names.
 */
function readScoreBytes(absolute: string, workspace: string | null): Buffer | string {
  let descriptor: number;
  try {
    if (workspace !== null && !isInside(fs.realpathSync.native(absolute), fs.realpathSync.native(workspace)))
      return 'cannot read: a symbolic link to outside the workspace';
    // Non-blocking: opening a FIFO must not wait for a writer; fstat then refuses it.
    descriptor = fs.openSync(absolute, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `cannot read: ${code === 'ENOENT' ? 'file not found' : (error as Error).message}`;
  }
  try {
    const stat = fs.fstatSync(descriptor);
    if (stat.isDirectory()) return 'cannot read: is a folder, not a file';
    if (!stat.isFile()) return 'cannot read: not a regular file';
    if (stat.size > MAX_SCORE_FILE_BYTES)
      return `file is ${stat.size} bytes, above the limit of ${MAX_SCORE_FILE_BYTES} bytes`;
    return fs.readFileSync(descriptor);
  } catch (error) {
    return `cannot read: ${(error as Error).message}`;
  } finally {
    fs.closeSync(descriptor);
  }
}

export function importScoreCsv(
  session: Session,
  absolute: string,
  criteria: CriteriaSet,
  {
    insideWorkspace = false,
    scoredIn,
  }: {
    insideWorkspace?: boolean;
    /** Where each score of the files imported before this one is (scoredElsewhere). */
    scoredIn?: Map<string, string>;
  } = {},
): ScoreImport {
  const file = path.relative(session.ctx.workspace, absolute).split(path.sep).join('/');
  const refuse = (message: string): ScoreImport => ({
    file,
    recorded: 0,
    unchanged: 0,
    issues: [{ file, path: '', message }],
  });
  const bytes = readScoreBytes(absolute, insideWorkspace ? session.ctx.workspace : null);
  if (typeof bytes === 'string') return refuse(bytes);
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
  const conflicts = scoredIn === undefined ? [] : scoredElsewhere(rows, scoredIn);
  // `scoredIn` comes with the files of scores/ (importScoreFiles), read again on every run.
  if (conflicts.length === 0)
    return recordScoreRows(session, rows, criteria, file, { reread: scoredIn !== undefined });
  // Every problem of the file at once, as when nothing conflicts.
  const checked = checkScoreRows(rows, criteria, loadCommitteeView(session), session.at);
  return { file, recorded: 0, unchanged: 0, issues: [...conflicts, ...checked.issues] };
}
