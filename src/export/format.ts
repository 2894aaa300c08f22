/**
 * Number and date formatting for human-readable exports. Written by hand rather than with
 * `Intl` so that the output is byte-identical whatever ICU data the Node build carries. Numbers
 * are core's (core/text.ts), rounded half away from zero as the points are, so that a figure
 * reads the same in an explanation, the report, a letter and the workbook.
 */
import { formatDateWords, formatInstantWords } from '../core/date-words.js';
import { formatExact, formatPoints as formatPointsValue } from '../core/text.js';
import type { Lang } from '../core/types.js';

/** Points, always two decimals (SPEC §3: exact to two decimals); `—` where there are none yet. */
export function formatPoints(value: number | null, lang: Lang): string {
  return value === null ? '—' : formatPointsValue(value, lang);
}

/** Integers and non-integers alike, without padding decimals, never rounded (thresholds, counts). */
export function formatPlain(value: number, lang: Lang): string {
  return formatExact(value, lang, Number.isInteger(value) ? 0 : 2);
}

/** A calendar date `YYYY-MM-DD` as `28 novembre 2025` / `28 November 2025`; other text is returned unchanged. */
export function formatCalendarDate(date: string, lang: Lang): string {
  return formatDateWords(date, lang);
}

/**
 * An RFC 3339 instant in UTC, to the minute: `28 novembre 2025 à 16:00 UTC` / `28 November 2025, 16:00 UTC`.
 * A bare calendar date (a signed declaration) is shown without a time it never had.
 */
export function formatInstant(instant: string, lang: Lang): string {
  return formatInstantWords(instant, lang);
}

/** Parses `YYYY-MM-DD` (or the date part of an instant) into a UTC midnight Date, or null. */
export function parseCalendarDate(date: string | undefined): Date | null {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!match) return null;
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(value.getTime()) ? null : value;
}
