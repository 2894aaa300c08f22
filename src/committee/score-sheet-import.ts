/**
 * Reads a filled offline score sheet back into score rows. Every row becomes a `ScoreRow` that
 * knows its cells, so each problem names the sheet and cell (`Scores!H7`). A sheet is recorded
 * whole or not at all: one empty or out-of-range points cell refuses every row.
 */
import path from 'node:path';
import type { CriteriaSet, InputIssue } from '../core/types.js';
import { safeCellText } from '../export/text-safety.js';
import { isBlank, plainOf } from '../forms/cells.js';
import { loadBoundedWorkbook } from '../forms/zip-bounds.js';
import { loadCommitteeView } from '../pipeline/committee-view.js';
import { recordScoreRows, type ScoreImport } from '../pipeline/import-scores.js';
import type { Session } from '../pipeline/session.js';
import { checkScoreRows, normalizePoints, type ScoreRow } from './score-rows.js';
import {
  cellName,
  FIRST_DATA_ROW,
  HEADER_ROW,
  letterOf,
  META_CELLS,
  SCORE_SHEET_COLUMNS,
  SCORE_SHEET_NAME,
  type SheetColumnKey,
} from './score-sheet-layout.js';

/** The few exceljs worksheet methods the reader uses (tests may hand in any workbook). */
interface SheetView {
  getCell(address: string): { value: unknown };
  /** Visits the rows the file defines, in order: counting up to the last row would create every row in between. */
  eachRow(callback: (row: unknown, rowNumber: number) => void): void;
}

/**
 * Records the score sheet at `absoluteFile`, all or nothing, and says what happened.
 * Problems are returned as issues (never thrown), like a CSV import.
 */
export async function importScoreSheet(
  session: Session,
  absoluteFile: string,
  criteria: CriteriaSet,
): Promise<ScoreImport> {
  const file = displayPath(session.ctx.workspace, absoluteFile);
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    const problem = await loadBoundedWorkbook(workbook, absoluteFile);
    if (problem !== null)
      return refused(file, [{ file, path: '', message: `cannot read the score sheet: ${problem}` }]);
  } catch (error) {
    return refused(file, [
      { file, path: '', message: `cannot read the score sheet: ${(error as Error).message}` },
    ]);
  }
  const sheet = workbook.getWorksheet(SCORE_SHEET_NAME);
  if (!sheet)
    return refused(file, [
      { file, path: '', message: `no sheet named "${SCORE_SHEET_NAME}": is this a prequal score sheet?` },
    ]);
  const { rows, issues } = readScoreSheet(sheet, file, session.tender.reference, criteria);
  if (issues.length === 0) return recordScoreRows(session, rows, criteria, file);
  // Still check the readable rows, so the evaluator gets every problem in one go.
  const checked = checkScoreRows(rows, criteria, loadCommitteeView(session), session.at);
  return refused(file, [...issues, ...checked.issues]);
}

/**
 * Turns a score sheet into rows. Structural problems (headers, tender, empty points, a
 * criterion changed since export) are issues; the row checks themselves are `checkScoreRows`'.
 */
export function readScoreSheet(
  sheet: SheetView,
  file: string,
  tenderReference: string,
  criteria: CriteriaSet,
): { rows: ScoreRow[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const issue = (address: string, message: string) => issues.push({ file, path: cellName(address), message });
  const text = (address: string) => textOf(sheet.getCell(address).value);
  for (const column of SCORE_SHEET_COLUMNS) {
    const address = `${column.letter}${HEADER_ROW}`;
    const found = text(address);
    if (found !== column.header.fr && found !== column.header.en) {
      issue(
        address,
        `header ${JSON.stringify(found)} should be "${column.header.en}": columns must keep their order`,
      );
    }
  }
  if (issues.length > 0) return { rows: [], issues };
  const reference = text(META_CELLS.tender.value);
  if (reference !== tenderReference) {
    issue(
      META_CELLS.tender.value,
      `this sheet is for tender ${JSON.stringify(reference)}, not ${tenderReference}`,
    );
  }
  const evaluator = text(META_CELLS.evaluator.value);
  const version = text(META_CELLS.criteriaVersion.value);
  const rows: ScoreRow[] = [];
  const numbers: number[] = [];
  sheet.eachRow((_row, rowNumber) => {
    if (rowNumber >= FIRST_DATA_ROW) numbers.push(rowNumber);
  });
  for (const r of numbers) {
    const at = (key: SheetColumnKey) => `${letterOf(key)}${r}`;
    const value = (key: SheetColumnKey) => plainOf(sheet.getCell(at(key)).value);
    if (SCORE_SHEET_COLUMNS.every((c) => isBlank(value(c.key)))) continue;
    const criterionId = text(at('criterion'));
    const changed = describeCriterionChange(
      criteria,
      criterionId,
      value('max'),
      text(at('guidance')),
      version,
    );
    if (changed) issue(at('max'), changed);
    const points = value('points');
    if (isBlank(points)) {
      issue(at('points'), `missing value: no points for ${text(at('candidate'))} ${criterionId}`);
      continue;
    }
    rows.push({
      evaluator,
      candidate: text(at('candidate')),
      criterion: criterionId,
      points: typeof points === 'number' ? String(points) : normalizePoints(textOf(points)),
      comment: textOf(value('comment')),
      file,
      line: r,
      cells: {
        evaluator: cellName(META_CELLS.evaluator.value),
        candidate: cellName(at('candidate')),
        criterion: cellName(at('criterion')),
        points: cellName(at('points')),
        comment: cellName(at('comment')),
      },
    });
  }
  if (rows.length === 0 && issues.length === 0)
    issue(`${letterOf('points')}${FIRST_DATA_ROW}`, 'the sheet holds no score');
  return { rows, issues };
}

/** A sheet exported under an older criteria version may show another max or guidance: refuse it. */
function describeCriterionChange(
  criteria: CriteriaSet,
  id: string,
  max: unknown,
  guidance: string,
  sheetVersion: string,
): string | null {
  const criterion = criteria.criteria.find((c) => c.id === id);
  if (criterion?.rule.type !== 'manual') return null; // unknown or not manual: reported by the row checks
  const sameMax = Number(max) === (criterion.max ?? 0);
  const { fr, en } = criterion.rule.guidance;
  const sameGuidance = [fr, en].some((text) => safeCellText(text).trim() === guidance);
  if (sameMax && sameGuidance) return null;
  return `${id} changed since this sheet was made (criteria version ${sheetVersion || '?'}): export a new sheet`;
}

function textOf(value: unknown): string {
  const plain = plainOf(value);
  if (plain === null) return '';
  if (plain instanceof Date) return plain.toISOString();
  return String(plain).trim();
}

function refused(file: string, issues: InputIssue[]): ScoreImport {
  return { file, recorded: 0, unchanged: 0, issues };
}

/** Relative to the workspace when the sheet is inside it, else the absolute path. */
function displayPath(workspace: string, absolute: string): string {
  const relative = path.relative(workspace, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}
