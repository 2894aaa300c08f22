/**
 * Tiny helpers to write YAML by hand. The generator templates text instead of calling a
 * YAML dumper so the files look like what people write (flow maps, unquoted dates, SPEC §4
 * layout) and so generation stays fast at 100,000 dossiers.
 */

/** Text that is safe as a plain scalar in block and flow context. */
const PLAIN = /^[\p{L}][\p{L}\p{N}_ .'&()/-]*[\p{L}\p{N}.)]$/u;
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', '~']);

/**
 * A string as a YAML scalar: plain when unambiguous, JSON double-quoted otherwise
 * (a JSON string is a valid YAML double-quoted scalar).
 * @param {string} text
 * @returns {string}
 */
export function toScalar(text) {
  return PLAIN.test(text) && !RESERVED.has(text.toLowerCase()) ? text : JSON.stringify(text);
}

/**
 * A flow sequence of plain tokens (codes, tags): `[a, b]`.
 * @param {readonly string[]} items
 * @returns {string}
 */
export function toFlowList(items) {
  return `[${items.map(toScalar).join(', ')}]`;
}

const DAY_MS = 86_400_000;

/**
 * A calendar date `YYYY-MM-DD` for a UTC day number (days since 1970-01-01).
 * @param {number} day
 * @returns {string}
 */
export function formatDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The UTC day number of a calendar date.
 * @param {number} year
 * @param {number} month 1-12
 * @param {number} date 1-31
 * @returns {number}
 */
export function dayNumber(year, month, date) {
  return Math.floor(Date.UTC(year, month - 1, date) / DAY_MS);
}

/**
 * An RFC 3339 instant written in a given UTC offset, e.g. `2025-11-27T11:15:00+01:00`;
 * offset 0 is written `Z`. `withOffset: false` drops the offset (an invalid dossier).
 * @param {number} utcMs
 * @param {number} offsetMinutes
 * @param {boolean} [withOffset]
 * @returns {string}
 */
export function formatInstant(utcMs, offsetMinutes, withOffset = true) {
  const local = new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (!withOffset) return local;
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}
