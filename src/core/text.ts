import { roundHalfAway } from './money.js';
import type { Bilingual, Lang } from './types.js';

/** Builds a bilingual text; French first, as the committee writes it. */
export function bi(fr: string, en: string): Bilingual {
  return { fr, en };
}

/** Applies the same template to both languages. */
export function biMap(make: (lang: Lang) => string): Bilingual {
  return { fr: make('fr'), en: make('en') };
}

/**
 * Formats a number with a fixed number of decimals and grouped thousands, without the
 * platform's locale data so every machine writes the same bytes:
 * `1,234,567.89` in English, `1 234 567,89` in French, grouped with a no-break space (U+00A0)
 * as export/format.ts does, so an amount of a reason never breaks across lines in a letter or
 * a wrapped workbook cell.
 */
export function formatNumber(value: number, lang: Lang, decimals = 2): string {
  // Round half away from zero first, as the points are, so 2.675 shows as 2.68 (toFixed alone gives 2.67).
  const fixed = roundHalfAway(Math.abs(value), decimals).toFixed(decimals);
  return writeFixed(fixed, value < 0, lang);
}

/** `fixed` (digits, maybe a dot and decimals) with the language's separators and the sign. */
function writeFixed(fixed: string, negative: boolean, lang: Lang): string {
  // Hot path (every amount of every explanation): slices and concatenation, no arrays.
  const dot = fixed.indexOf('.');
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  const separator = lang === 'fr' ? '\u00a0' : ',';
  const head = whole.length % 3 || 3;
  let grouped = whole.slice(0, head);
  for (let start = head; start < whole.length; start += 3)
    grouped += separator + whole.slice(start, start + 3);
  const sign = negative && Number(fixed) !== 0 ? '-' : '';
  if (dot < 0) return sign + grouped;
  return sign + grouped + (lang === 'fr' ? ',' : '.') + fixed.slice(dot + 1);
}

/** An amount with its currency code, 2 decimals. */
export function formatMoney(amount: number, currency: string, lang: Lang): string {
  return `${formatNumber(amount, lang)} ${currency}`;
}

/**
 * An amount of the criteria grid (a threshold, a scale's end) as written, 2 decimals at least:
 * `average_at_least: 300000.004` is not shown as 300,000.00 next to an average of 300,000.00
 * that fails it. Measured amounts need no more than 2: they are rounded to the cent before
 * they are compared (money.ts).
 */
export function formatExactMoney(amount: number, currency: string, lang: Lang): string {
  return `${formatExact(amount, lang)} ${currency}`;
}

/** Points, always with 2 decimals (`35.00`, `35,00`). */
export function formatPoints(points: number, lang: Lang): string {
  return formatNumber(points, lang, 2);
}

/**
 * A figure of the criteria grid as written, never rounded to one it is not: `decimals` at least,
 * more when it has them (up to 8), so `points_each: 3.333` is not shown as 3.33 next to a total
 * of 10 for three references, nor `at_least: 1.195` as 1.20.
 */
export function formatExact(value: number, lang: Lang, decimals = 2): string {
  const shown = exactDecimals(value, decimals);
  // Written out as it is when it has no more decimals than that: formatNumber's nudge, which
  // makes a half stored as 2.67499… round up, grows with the amount, and turned 10,000,000.00001
  // into 10,000,000.00002.
  const fixed = Math.abs(value).toFixed(shown);
  if (Number(fixed) === Math.abs(value)) return writeFixed(fixed, value < 0, lang);
  return formatNumber(value, lang, shown);
}

/** The fewest decimals, `least` or more (up to 8), that show `value` exactly. */
export function exactDecimals(value: number, least: number): number {
  for (let d = least; d < 8; d++) if (Number(value.toFixed(d)) === value) return d;
  return Math.max(least, 8);
}

/**
 * A count or other number shown with as many decimals as it has (up to 2): `5`, `2.5`, `1.25`.
 * Used for thresholds such as `at_least: 5` that are usually whole.
 */
export function formatQuantity(value: number, lang: Lang): string {
  const decimals = Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2;
  return formatNumber(value, lang, decimals);
}

/**
 * "met" / "not met" in both languages, for the end of a threshold gate's summary line. French
 * says a threshold is « atteint »; a gate without one (documents, nationality, declarations)
 * is « satisfait », as a requirement is.
 */
export function verdictWord(passed: boolean): Bilingual {
  return passed ? bi('atteint', 'met') : bi('non atteint', 'not met');
}

/** Joins a list for a sentence; an empty list reads as "none". */
export function listOrNone(items: readonly string[], lang: Lang): string {
  if (items.length === 0) return lang === 'fr' ? 'aucun' : 'none';
  return items.join(', ');
}

/** The colon of each language: French typography puts a space before it. */
export function colon(lang: Lang): string {
  return lang === 'fr' ? ' : ' : ': ';
}

/** The list separator of each language (`; ` in English, ` ; ` in French). */
export function semicolon(lang: Lang): string {
  return lang === 'fr' ? ' ; ' : '; ';
}

/** Joins bilingual facts with each language's list separator. */
export function joinFacts(facts: readonly Bilingual[]): Bilingual {
  return biMap((lang) => facts.map((f) => f[lang]).join(semicolon(lang)));
}
