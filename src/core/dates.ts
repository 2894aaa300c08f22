/**
 * Calendar dates (`YYYY-MM-DD`) compare as strings; instants (RFC 3339 with an offset)
 * compare in time, to the last digit of their fraction of a second. No clock is read here.
 */

/** `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, as the readers accept it. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;

/** An instant to the digit: whole seconds since the epoch and the decimal fraction as written. */
interface ExactInstant {
  seconds: number;
  /** Fraction-of-second digits without trailing zeros (`''` for a whole second). */
  fraction: string;
}

/**
 * Reads an RFC 3339 instant without `Date.parse`, which keeps only milliseconds (so
 * `16:00:00.0001Z` equalled a 16:00:00Z deadline) and misreads some longer fractions
 * (`.0009999999` became 9 ms). Throws on a string that is not an instant.
 */
function parseInstant(instant: string): ExactInstant {
  const m = INSTANT.exec(instant);
  if (!m) {
    // Other spellings Date.parse knows (clocks, stored stamps) keep its millisecond reading.
    const millis = Date.parse(instant);
    if (Number.isNaN(millis)) throw new Error(`not an RFC 3339 instant: ${instant}`);
    const ms = ((millis % 1000) + 1000) % 1000;
    return { seconds: (millis - ms) / 1000, fraction: String(ms).padStart(3, '0').replace(/0+$/, '') };
  }
  const [year, month, day, hours, minutes, seconds] = m.slice(1, 7).map(Number) as number[];
  const sign = m[9] === '-' ? -1 : 1;
  const offset = m[8] === 'Z' ? 0 : sign * (Number(m[10]) * 60 + Number(m[11]));
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year ?? 0, (month ?? 1) - 1, day);
  date.setUTCHours(hours ?? 0, (minutes ?? 0) - offset, seconds);
  return { seconds: date.getTime() / 1000, fraction: (m[7] ?? '').replace(/0+$/, '') };
}

/** Negative, zero or positive as instant `a` comes before, with or after `b`, to the last digit written. */
export function compareInstants(a: string, b: string): number {
  const x = parseInstant(a);
  const y = parseInstant(b);
  if (x.seconds !== y.seconds) return x.seconds - y.seconds;
  const width = Math.max(x.fraction.length, y.fraction.length);
  const [fx, fy] = [x.fraction.padEnd(width, '0'), y.fraction.padEnd(width, '0')];
  return fx < fy ? -1 : fx > fy ? 1 : 0;
}

/**
 * The instant in UTC, `2025-11-28T16:30:00Z`, with its fraction of a second as written when it
 * has one (at least 3 digits: `.250Z`, `.000123Z`).
 */
export function toUtcInstant(instant: string): string {
  const { seconds, fraction } = parseInstant(instant);
  const whole = new Date(seconds * 1000).toISOString().slice(0, 19);
  return fraction === '' ? `${whole}Z` : `${whole}.${fraction.padEnd(3, '0')}Z`;
}

/** The UTC calendar date of an instant: `2025-11-28T23:30:00-01:00` → `2025-11-29`. */
export function utcDateOf(instant: string): string {
  return new Date(parseInstant(instant).seconds * 1000).toISOString().slice(0, 10);
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
  return compareInstants(stamp, at) > 0;
}
