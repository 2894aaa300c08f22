/**
 * Writes one table to a streaming worksheet with the house style: bold header, frozen
 * header row, filter on the header, fitted column widths, number and date formats, and
 * status colours. Text cells are always plain strings (see safeCellText).
 */
import type ExcelJS from 'exceljs';
import type { Status } from '../core/types.js';
import { safeCellText } from './text-safety.js';

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/** How a column's values are shown: `wrap` is long text, `points` two decimals, `money` the tender currency. */
export type ColumnKind = 'text' | 'wrap' | 'int' | 'points' | 'money' | 'date' | 'datetime';

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
}

/** Colour families: candidate statuses and pass/fail verdicts. */
export type Tone = Status | 'pass' | 'fail';

export interface StyledCell {
  value: string | number | Date | null;
  tone?: Tone;
  /** Overrides the column's kind for this cell (e.g. a date in a key/value sheet). */
  kind?: ColumnKind;
}

export type SheetCell = string | number | Date | null | StyledCell;

export interface SheetTable {
  name: string;
  columns: SheetColumn[];
  /** Read twice (widths, then cells): a lazy table must give a fresh iterator each time. */
  rows: Iterable<SheetCell[]>;
  /** Columns kept visible when scrolling right (the candidate's identity). */
  frozenColumns?: number;
}

const MAX_WIDTH = 60;
const MIN_WIDTH = 6;

/** Background (ARGB) and text colour per tone: green, light blue, amber, grey, light red, dark red. */
const TONES: Record<Tone, { fill: string; font?: string }> = {
  shortlisted: { fill: 'FFC6EFCE' },
  reserve: { fill: 'FFDDEBF7' },
  tied: { fill: 'FFFFE699' },
  pending: { fill: 'FFE7E6E6' },
  rejected: { fill: 'FFFFC7CE' },
  invalid: { fill: 'FF9C0006', font: 'FFFFFFFF' },
  pass: { fill: 'FFC6EFCE' },
  fail: { fill: 'FFFFC7CE' },
};

/** Excel number formats; the currency code is stripped of anything that could break the format string. */
function numberFormat(kind: ColumnKind, currency: string): string | undefined {
  switch (kind) {
    case 'points':
      return '0.00';
    case 'money':
      return `#,##0.00 "${currency.replace(/[^A-Za-z]/g, '')}"`;
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm:ss';
    case 'int':
      return '0';
    default:
      return undefined;
  }
}

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function unwrap(cell: SheetCell): StyledCell {
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) return cell;
  return { value: cell };
}

/** Width in characters the cell needs on screen: the longest line of text, or the formatted number. */
function displayWidth(cell: StyledCell, kind: ColumnKind): number {
  const { value } = cell;
  if (value === null) return 0;
  if (value instanceof Date) return kind === 'datetime' ? 19 : 10;
  if (typeof value === 'number') {
    const digits = value.toFixed(kind === 'points' || kind === 'money' ? 2 : 0).length * 1.3;
    return Math.ceil(digits + (kind === 'money' ? 4 : 0));
  }
  return Math.max(...value.split('\n').map((line) => line.length));
}

function fitWidths(table: SheetTable): number[] {
  return table.columns.map((column, index) => {
    let width = column.header.length + 3; // room for the filter button
    for (const row of table.rows) {
      const cell = row[index];
      if (cell === undefined) continue;
      const styled = unwrap(cell);
      width = Math.max(width, displayWidth(styled, styled.kind ?? column.kind) + 1);
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
  });
}

type CellStyle = Partial<ExcelJS.Style>;

/**
 * One style object per (kind, tone, numeric) combination, shared by every cell that has it:
 * exceljs keys its style table by object identity (a WeakMap), so a shared object is looked
 * up once, where a fresh object per cell would be serialised and compared for each cell.
 */
function createStyleCache(currency: string): (styled: StyledCell, kind: ColumnKind) => CellStyle {
  const cache = new Map<string, CellStyle>();
  return (styled, kind) => {
    const numeric = typeof styled.value === 'number' || styled.value instanceof Date;
    const key = `${kind}|${styled.tone ?? ''}|${numeric ? 1 : 0}`;
    let style = cache.get(key);
    if (!style) {
      style = {};
      const format = numberFormat(kind, currency);
      if (format && numeric) style.numFmt = format;
      style.alignment = kind === 'wrap' ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
      if (styled.tone) {
        const tone = TONES[styled.tone];
        style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: tone.fill } };
        if (tone.font) style.font = { color: { argb: tone.font } };
      }
      cache.set(key, style);
    }
    return style;
  };
}

/** Plain values only: strings are cleaned text, never formulas, hyperlinks or rich text. */
function cellValue(value: StyledCell['value']): string | number | Date | null {
  return typeof value === 'string' ? safeCellText(value) : value;
}

/** Points per line of 11-pt text. */
const LINE_HEIGHT = 15;

/** Lines the tallest wrapped cell of a row takes at its column's width (about one character per width unit). */
function wrappedLines(cells: StyledCell[], kinds: ColumnKind[], widths: number[]): number {
  let most = 1;
  cells.forEach((cell, index) => {
    if ((cell.kind ?? kinds[index]) !== 'wrap' || typeof cell.value !== 'string') return;
    const width = Math.max(1, (widths[index] ?? MAX_WIDTH) - 1);
    const lines = cell.value
      .split('\n')
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / width)), 0);
    most = Math.max(most, lines);
  });
  return most;
}

/** Rows written between two pauses that let the zip stream drain (bounds memory). */
const ROWS_PER_SLICE = 2000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Adds `table` as a new worksheet of `workbook` and commits it row by row; every few thousand
 * rows it yields so the compressed output is written out instead of piling up in memory.
 */
export async function writeSheet(
  workbook: WorkbookWriter,
  table: SheetTable,
  currency: string,
): Promise<void> {
  const xSplit = table.frozenColumns ?? 0;
  const sheet = workbook.addWorksheet(table.name, {
    // Printed or turned into PDF, a sheet fits the page width and repeats its header row.
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    views: [
      { state: 'frozen', xSplit, ySplit: 1, topLeftCell: `${columnLetter(xSplit + 1)}2`, activeCell: 'A2' },
    ],
  });
  const widths = fitWidths(table);
  sheet.columns = widths.map((width) => ({ width }));
  sheet.autoFilter = `A1:${columnLetter(Math.max(1, table.columns.length))}1`;

  const header = sheet.addRow(table.columns.map((column) => safeCellText(column.header)));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { vertical: 'middle' };
  });
  header.commit();

  const styleOf = createStyleCache(currency);
  const kinds = table.columns.map((column) => column.kind);
  let written = 0;
  for (const values of table.rows) {
    const styled = values.map(unwrap);
    const row = sheet.addRow(styled.map((cell) => cellValue(cell.value)));
    for (let index = 0; index < styled.length; index += 1) {
      const cell = styled[index] as StyledCell;
      row.getCell(index + 1).style = styleOf(cell, cell.kind ?? kinds[index] ?? 'text');
    }
    const lines = wrappedLines(styled, kinds, widths);
    // Spreadsheets do not grow a row to its wrapped text on opening: give it the height it needs.
    if (lines > 1) row.height = Math.min(409, lines * LINE_HEIGHT);
    row.commit();
    written += 1;
    if (written % ROWS_PER_SLICE === 0) await yieldToEventLoop();
  }
  sheet.commit();
}
