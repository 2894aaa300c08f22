/**
 * Dates and instants in words, as a letter writes them: `28 novembre 2025 à 16:00 UTC` /
 * `28 November 2025, 16:00 UTC`. Written by hand rather than with `Intl` so that the output is
 * byte-identical whatever ICU data the Node build carries. No clock is read here.
 */
import { toUtcInstant } from './dates.js';
import type { Lang } from './types.js';

const MONTHS: Record<Lang, readonly string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** A calendar date `YYYY-MM-DD` as `28 novembre 2025` / `28 November 2025`; other text is returned unchanged. */
export function formatDateWords(date: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTHS[lang][Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  const day = Number(match[3]);
  // French writes the first of the month as an ordinal: « 1er décembre 2025 ».
  return `${day === 1 && lang === 'fr' ? '1er' : day} ${month} ${match[1]}`;
}

/**
 * An RFC 3339 instant in UTC and in words, to the minute: `28 novembre 2025 à 16:00 UTC`. A bare
 * calendar date is shown without a time it never had; text that is not an instant is returned
 * unchanged.
 */
export function formatInstantWords(instant: string, lang: Lang): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return formatDateWords(instant, lang);
  let utc: string;
  try {
    utc = toUtcInstant(instant);
  } catch {
    return instant;
  }
  const day = formatDateWords(utc.slice(0, 10), lang);
  const clock = utc.slice(11, 16);
  return lang === 'fr' ? `${day} à ${clock} UTC` : `${day}, ${clock} UTC`;
}
