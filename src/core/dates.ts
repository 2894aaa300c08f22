/**
 * Calendar dates (`YYYY-MM-DD`) compare as strings; instants (RFC 3339 with an offset)
 * compare as milliseconds since the epoch. No clock is read here.
 */

/** Milliseconds since the epoch of an RFC 3339 instant; throws on a string that is not one. */
export function instantMillis(instant: string): number {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new Error(`not an RFC 3339 instant: ${instant}`);
  return millis;
}

/** The instant in UTC, `2025-11-28T16:30:00Z` (milliseconds only when there are some). */
export function toUtcInstant(instant: string): string {
  const iso = new Date(instantMillis(instant)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** The UTC calendar date of an instant: `2025-11-28T23:30:00-01:00` → `2025-11-29`. */
export function utcDateOf(instant: string): string {
  return new Date(instantMillis(instant)).toISOString().slice(0, 10);
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `date` minus `years` calendar years; 29 February becomes 28 February in a common year. */
export function subtractYears(date: string, years: number): string {
  const year = yearOf(date) - years;
  let monthDay = date.slice(5, 10);
  if (monthDay === '02-29' && !isLeapYear(year)) monthDay = '02-28';
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** Whether `date` lies in `[from, to]`, both ends included. */
export function isDateWithin(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

/**
 * True when `stamp` — a calendar date, or an instant — comes after the instant `at`. A date counts
 * for its whole UTC day, so one equal to `at`'s day is not after it. Used for declarations: one
 * dated in the future let an evaluator score before declaring anything (SPEC §5).
 */
export function datedAfter(stamp: string, at: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(stamp)) return stamp > utcDateOf(at);
  return instantMillis(stamp) > instantMillis(at);
}
