/**
 * Number and date formatting for human-readable exports. Written by hand rather than with
 * `Intl` so that the output is byte-identical whatever ICU data the Node build carries.
 */
import { formatDateWords, formatInstantWords } from '../core/date-words.js';
import { exactDecimals } from '../core/text.js';
import type { Lang } from '../core/types.js';

/** French groups thousands with a no-break space and uses a decimal comma. */
const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  fr: { group: '\u00a0', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Formats `value` with `decimals` digits and the language's separators (`1 234,50` / `1,234.50`). */
export function formatNumber(value: number, lang: Lang, decimals = 2): string {
  const { group, decimal } = SEPARATORS[lang];
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** Points: always two decimals, since points are exact to two decimals (SPEC §3). */
export function formatPoints(value: number | null, lang: Lang): string {
  return value === null ? '—' : formatNumber(value, lang, 2);
}

/** An amount followed by its ISO currency code. */
export function formatMoney(value: number, currency: string, lang: Lang): string {
  return `${formatNumber(value, lang, 2)} ${currency}`;
}

/** Integers and non-integers alike, without padding decimals, never rounded (thresholds, counts). */
export function formatPlain(value: number, lang: Lang): string {
  return formatNumber(value, lang, exactDecimals(value, Number.isInteger(value) ? 0 : 2));
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
