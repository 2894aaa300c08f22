/**
 * The offline score sheet: one row per candidate × manual criterion for one evaluator, who
 * fills the points and comment cells on their own laptop and sends the file back to the
 * secretary (`prequal sheet import`). Facts are locked, points cells carry data validation,
 * and every text a candidate wrote is a plain string value (never a formula).
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Lang, Tender } from '../core/types.js';
import { writeViaTemporaryFile } from '../export/atomic-write.js';
import { safeCellText } from '../export/text-safety.js';
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  META_CELLS,
  SCORE_SHEET_COLUMNS,
  SCORE_SHEET_NAME,
  type SheetColumnKey,
} from './score-sheet-layout.js';
import type { ManualCriterion, ScoringItem } from './scoring-work.js';

export interface ScoreSheetInput {
  evaluator: string;
  tender: Tender;
  criteriaVersion: number;
  /** Rows in order; `current` pre-fills the points and comment. */
  items: ScoringItem[];
  lang: Lang;
  /** The run's clock, so the file's metadata is reproducible. */
  at: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const EDITABLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/** Builds the workbook in memory (a committee sheet has at most a few hundred rows). */
export async function buildScoreSheet(input: ScoreSheetInput): Promise<ExcelJS.Workbook> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'prequal';
  workbook.created = new Date(input.at);
  workbook.modified = new Date(input.at);
  const sheet = workbook.addWorksheet(SCORE_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }],
  });
  writeMeta(sheet, input);
  SCORE_SHEET_COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    const cell = sheet.getCell(`${column.letter}${HEADER_ROW}`);
    cell.value = column.header[input.lang];
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  input.items.forEach((item, index) => {
    writeItem(sheet, FIRST_DATA_ROW + index, item, input.lang);
  });
  // No password: protection prevents slips, it is not a security boundary (the import re-checks everything).
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return workbook;
}

/** Writes the sheet atomically, creating its folder; nothing is left behind on failure. */
export async function writeScoreSheet(file: string, input: ScoreSheetInput): Promise<void> {
  const workbook = await buildScoreSheet(input);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeViaTemporaryFile(file, async (temporary) => {
    await workbook.xlsx.writeFile(temporary);
  });
}

function writeMeta(sheet: ExcelJS.Worksheet, input: ScoreSheetInput): void {
  const values = {
    evaluator: safeCellText(input.evaluator),
    tender: safeCellText(input.tender.reference),
    criteriaVersion: input.criteriaVersion,
  };
  for (const [key, meta] of Object.entries(META_CELLS) as [
    keyof typeof META_CELLS,
    (typeof META_CELLS)[keyof typeof META_CELLS],
  ][]) {
    sheet.getCell(meta.label).value = meta.text[input.lang];
    sheet.getCell(meta.label).font = { bold: true };
    sheet.getCell(meta.value).value = values[key];
    sheet.getCell(meta.value).font = { bold: true };
  }
  sheet.getCell('C2').value = safeCellText(input.tender.title[input.lang]);
}

function writeItem(sheet: ExcelJS.Worksheet, row: number, item: ScoringItem, lang: Lang): void {
  const { candidate, criterion, current } = item;
  const values: Record<SheetColumnKey, string | number | null> = {
    candidate: candidate.id,
    name: safeCellText(candidate.dossier.candidate.name),
    country: safeCellText(candidate.dossier.candidate.country),
    criterion: criterion.id,
    label: safeCellText(criterion.label[lang]),
    max: criterion.max ?? 0,
    guidance: safeCellText(criterion.rule.guidance[lang]),
    points: current?.points ?? null,
    comment: current ? safeCellText(current.comment) : null,
  };
  for (const column of SCORE_SHEET_COLUMNS) {
    const cell = sheet.getCell(`${column.letter}${row}`);
    cell.value = values[column.key];
    cell.alignment = { vertical: 'top', wrapText: column.wrap === true };
    if (column.editable) {
      cell.protection = { locked: false };
      cell.fill = EDITABLE_FILL;
    }
  }
  sheet.getCell(`H${row}`).dataValidation = pointsValidation(criterion, lang);
}

/** Excel refuses a value outside [0, max] (or off the scale) while the evaluator types. */
function pointsValidation(criterion: ManualCriterion, lang: Lang): ExcelJS.DataValidation {
  const max = criterion.max ?? 0;
  const scale = criterion.rule.scale;
  const error = scale
    ? lang === 'fr'
      ? `Choisir une valeur parmi ${scale.join(', ')}`
      : `Choose one of ${scale.join(', ')}`
    : lang === 'fr'
      ? `Un nombre entre 0 et ${max}`
      : `A number between 0 and ${max}`;
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: criterion.id,
    error,
  };
  if (scale) return { ...common, type: 'list', formulae: [`"${scale.join(',')}"`] };
  return { ...common, type: 'decimal', operator: 'between', formulae: [0, max] };
}
