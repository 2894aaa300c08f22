/**
 * Turns spreadsheet cell values into the plain values a dossier.yaml would hold.
 * A cell that cannot be read keeps its raw text (so the dossier validation still fails on it,
 * never silently dropping, say, a reference's end date) and yields a message naming the problem.
 */
import type { ColumnKind } from './layout.js';

/** What exceljs may hand back for a cell, reduced to plain values. */
export type Plain = string | number | boolean | Date | null;

export interface Read {
  value: unknown;
  problem?: string;
}

/** Unwraps exceljs rich text, formulas, hyperlinks and errors into a plain value. */
export function plainOf(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainOf(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

/** True when a cell holds nothing worth reading. */
export function isBlank(value: Plain): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const TRUE_WORDS = new Set(['true', 'yes', 'oui', 'vrai', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'non', 'faux', '0']);

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function textOf(value: Exclude<Plain, null>): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

function readNumber(value: Exclude<Plain, null>, what: string, check: (n: number) => boolean): Read {
  const n =
    typeof value === 'number' ? value : NUMBER.test(textOf(value)) ? Number(textOf(value)) : Number.NaN;
  if (Number.isFinite(n) && check(n)) return { value: n };
  return { value: textOf(value), problem: `"${textOf(value)}" is not ${what}` };
}

/** Reads one non-blank cell as the column's kind. */
export function readCell(kind: ColumnKind, value: Exclude<Plain, null>): Read {
  switch (kind) {
    case 'text':
    case 'country':
    case 'memberRole':
      return { value: textOf(value) };
    case 'list':
      return {
        value: textOf(value)
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      };
    case 'entity':
    case 'integer':
      return readNumber(value, 'a whole number ≥ 0', (n) => Number.isInteger(n) && n >= 0);
    case 'year':
      return readNumber(value, 'a year', (n) => Number.isInteger(n) && n >= 1900 && n <= 2999);
    case 'amount':
      return readNumber(value, 'a number ≥ 0', (n) => n >= 0);
    case 'share':
      return readNumber(value, 'a share in (0, 1]', (n) => n > 0 && n <= 1);
    case 'boolean': {
      if (typeof value === 'boolean') return { value };
      const word = textOf(value).toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { value: textOf(value), problem: `"${textOf(value)}" is not yes or no` };
    }
    case 'date': {
      if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
      const text = textOf(value);
      return isCalendarDate(text)
        ? { value: text }
        : { value: text, problem: `"${text}" is not a date (YYYY-MM-DD)` };
    }
    case 'instant': {
      // Excel has no time zones: a date-time cell is taken as UTC.
      if (value instanceof Date) return { value: value.toISOString().replace('.000Z', 'Z') };
      const text = textOf(value);
      const ok = INSTANT.test(text) && isCalendarDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
      return ok
        ? { value: text }
        : {
            value: text,
            problem: `"${text}" is not a date and time with an offset (e.g. 2025-11-27T10:15:00Z)`,
          };
    }
  }
}
