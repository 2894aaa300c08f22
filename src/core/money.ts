import type { Tender } from './types.js';

/**
 * Converts an amount to the tender currency: `amount / exchange_rates[currency]`
 * (the rates give units of each currency for one unit of the tender currency).
 * The dossier reader rejects unknown currencies, so meeting one here is a programming error.
 */
export function toTenderCurrency(
  amount: number,
  currency: string,
  tender: Pick<Tender, 'currency' | 'exchange_rates'>,
): number {
  if (currency === tender.currency) return amount;
  const rate = tender.exchange_rates[currency];
  if (rate === undefined || !(rate > 0)) {
    throw new Error(`no exchange rate for ${currency} in the tender (amounts are in ${tender.currency})`);
  }
  return amount / rate;
}

/**
 * Rounds half away from zero to `decimals`. Binary floats store 2.675 as 2.67499…, so the scaled
 * value is first read to 15 significant digits (267.49999999999997 → 267.5, a half a double holds
 * exactly), then rounded: the float's error never decides a half, whatever the amount. It used
 * to be nudged up by a millionth of a millionth of itself instead, which at five billion (XOF) is
 * half a cent: 5,000,000,000.00 became 5,000,000,000.01.
 */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Past 10^15 a double holds no fraction of a unit to decide on (amounts stop at 10^15 units).
  const read = scaled < 1e15 && isNearHalf(scaled) ? Number(scaled.toPrecision(15)) : scaled;
  const rounded = Math.round(read) / factor;
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/**
 * True when reading `scaled` (≥ 0) to 15 significant digits could change how it rounds. That
 * reading moves it by less than `scaled × 1e-14`, and `Math.round` only jumps at halves, so a
 * fraction farther than that from one half rounds the same either way. `toPrecision` costs ten
 * times a whole rounding and scoring rounds millions of figures, so it is kept for those few.
 */
function isNearHalf(scaled: number): boolean {
  return Math.abs(scaled - Math.floor(scaled) - 0.5) <= scaled * 1e-14;
}

/** Rounds half away from zero to 2 decimals, as every point is (SPEC §3). */
export function roundPoints(value: number): number {
  return roundHalfAway(value, 2);
}

/** Same rounding for amounts in the tender currency (cents). */
export const roundAmount = roundPoints;

/** Clamps `value` into `[low, high]`. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Points on a straight line: 0 at `from`, `max` at `to`, clamped to `[0, max]`.
 * `from > to` gives a decreasing scale (fewer is better). `from === to` is a step at that value.
 */
export function linearPoints(value: number, from: number, to: number, max: number): number {
  if (from === to) return value >= to ? max : 0;
  return clamp(((value - from) / (to - from)) * max, 0, max);
}

/** A score criterion's final value: clamped to `[0, max]`, then rounded once. */
export function finalPoints(rawPoints: number, max: number): number {
  return roundPoints(clamp(rawPoints, 0, max));
}
