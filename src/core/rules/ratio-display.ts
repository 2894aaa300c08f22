import { roundHalfAway } from '../money.js';
import { formatExact, formatNumber, formatQuantity } from '../text.js';
import type { Bilingual, Lang } from '../types.js';

/** An entity's ratio, the fact that it is unbounded (no denominator), or why it is missing. */
export type RatioFinding = { ratio: number } | { unbounded: true } | { problem: Bilingual };

/**
 * Whether an unrounded ratio reaches `threshold`. The tolerance (a millionth of a millionth,
 * relative) only absorbs the last-bit error of dividing figures given to the cent, so an exact
 * 1.2 is never read as 1.1999999999999997; it is far below anything shown.
 */
export function meetsThreshold(ratio: number, threshold: number): boolean {
  return ratio >= threshold || threshold - ratio <= Math.abs(threshold) * 1e-12;
}

/** Rounds half away from zero to `decimals`, as `formatNumber` shows it. */
const roundTo = roundHalfAway;

/**
 * How many decimals show `ratio` without contradicting the verdict: 2 as a rule, more when the
 * 2-decimal figure would read as meeting the threshold while the ratio fails it, or the reverse
 * (1.195 against 1.2 shows as 1.1950, not 1.20 "not met").
 */
function ratioDecimals(ratio: number, threshold: number): number {
  const met = meetsThreshold(ratio, threshold);
  for (const decimals of [2, 4, 6, 8, 10]) {
    if (meetsThreshold(roundTo(ratio, decimals), threshold) === met) return decimals;
  }
  return 12;
}

/** The ratio as shown (and reported as a metric): rounded to the decimals `formatRatio` uses. */
export function shownRatio(ratio: number, threshold: number): number {
  return roundTo(ratio, ratioDecimals(ratio, threshold));
}

/** A ratio for an explanation, with enough decimals that it never reads against its verdict. */
export function formatRatio(ratio: number, threshold: number, lang: Lang): string {
  return formatNumber(ratio, lang, ratioDecimals(ratio, threshold));
}

/** A threshold as written: `1.2`, `1.25`, or `1.195` (never rounded to a figure it is not). */
export function formatThreshold(threshold: number, lang: Lang): string {
  if (roundTo(threshold, 2) === threshold) return formatQuantity(threshold, lang);
  return formatExact(threshold, lang, 3);
}
