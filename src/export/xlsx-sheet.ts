/**
 * What a workbook sheet holds (SheetTable: columns and rows of plain cells) and the house
 * style every sheet is written with: fitted column widths, number and date formats per
 * column kind, status colours, and row heights for wrapped text. Text cells are always
 * plain strings (see safeCellText); the XML itself is written by xlsx-writer.ts.
 */
import type { Status } from '../core/types.js';

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
  /** Read once, row by row as the sheet is written: a lazy table may make its rows on the fly. */
  rows: Iterable<SheetCell[]>;
  /** Columns kept visible when scrolling right (the candidate's identity). */
  frozenColumns?: number;
}

export const MAX_WIDTH = 60;
export const MIN_WIDTH = 6;

/** Background (ARGB) and text colour per tone: green, light blue, amber, grey, light red, dark red. */
export const TONES: Record<Tone, { fill: string; font?: string }> = {
  shortlisted: { fill: 'FFC6EFCE' },
  reserve: { fill: 'FFDDEBF7' },
  tied: { fill: 'FFFFE699' },
  pending: { fill: 'FFE7E6E6' },
  rejected: { fill: 'FFFFC7CE' },
  invalid: { fill: 'FF9C0006', font: 'FFFFFFFF' },
  pass: { fill: 'FFC6EFCE' },
  fail: { fill: 'FFFFC7CE' },
};

/** The header row: bold on light blue. */
export const HEADER_FILL = 'FFD9E1F2';

/**
 * Excel number formats; the currency code is stripped of anything that could break the format string.
 * Dates read day first, as both languages of the committee write them; date-times are instants
 * taken in UTC (excelSerial), and say so.
 */
export function numberFormat(kind: ColumnKind, currency: string): string | undefined {
  switch (kind) {
    case 'points':
      return '0.00';
    case 'money':
      return `#,##0.00 "${currency.replace(/[^A-Za-z]/g, '')}"`;
    case 'date':
      return 'dd/mm/yyyy';
    case 'datetime':
      return 'dd/mm/yyyy hh:mm:ss "UTC"';
    case 'int':
      return '0';
    default:
      return undefined;
  }
}

/** An RFC 3339 instant as a date-time cell (in UTC), or the text when it does not parse. */
export function instantCell(instant: string): SheetCell {
  const time = Date.parse(instant);
  return Number.isNaN(time) ? instant : { value: new Date(time), kind: 'datetime' };
}

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Characters of the longest line of `text`. */
export function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  return Math.max(longest, text.length - start);
}

/** Width in characters a number or date needs on screen, formatted as its kind shows it. */
export function numberWidth(value: number | Date, kind: ColumnKind): number {
  // `28/11/2025 16:05:00 UTC` (23 characters, one more so that its letters clear the next column), `28/11/2025`.
  if (value instanceof Date) return kind === 'datetime' ? 24 : 10;
  const digits = value.toFixed(kind === 'points' || kind === 'money' ? 2 : 0).length * 1.3;
  return Math.ceil(digits + (kind === 'money' ? 4 : 0));
}

/** A column's width from the widest cell it holds: room for the header's filter button, within bounds. */
export function fittedWidth(header: string, widestCell: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, header.length + 3, widestCell + 1));
}

/** Points per line of 11-pt text. */
const LINE_HEIGHT = 15;
/** The tallest row Excel allows, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * Lines a wrapped text takes in its column, about one character per width unit.
 *
 * Rows are written before the column widths are known, so every wrapped cell is measured at
 * MAX_WIDTH. That gives the same count as measuring at the column's fitted width: a column
 * narrower than MAX_WIDTH is wider than its longest line (fittedWidth adds 1), so each line of
 * each of its cells fits on one screen line either way; a column at MAX_WIDTH is measured at
 * its own width.
 */
export function wrappedLines(text: string): number {
  const width = MAX_WIDTH - 1;
  let lines = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    const length = (end === -1 ? text.length : end) - start;
    lines += Math.max(1, Math.ceil(length / width));
    if (end === -1) return lines;
    start = end + 1;
  }
}

/** The height a row needs for `lines` lines of text; spreadsheets do not grow a row to its text on opening. */
export function rowHeight(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}
