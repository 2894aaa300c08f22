import { z } from 'zod';
import { formatSuggestion } from './did-you-mean.js';

/**
 * Building blocks shared by the three file schemas. Every mapping is a `knownKeysObject`:
 * unknown keys are reported one by one (with a did-you-mean) as `custom` issues flagged
 * `params.unknownKey`, so tender/criteria turn them into errors and dossiers into warnings
 * while keeping the keys (SPEC §4: "kept and reported as warnings").
 */

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A mapping whose unknown keys are each reported (and otherwise passed through). */
export function knownKeysObject<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape);
  const knownSet = new Set(known);
  return z.looseObject(shape).superRefine(
    (value, ctx) => {
      for (const key of Object.keys(value)) {
        if (knownSet.has(key)) continue;
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `unknown key "${key}"${formatSuggestion(key, known)}`,
          params: { unknownKey: true },
        });
      }
    },
    // Run even when a field failed, so every unknown key is reported at once.
    { when: (payload) => isMapping(payload.value) },
  );
}

/**
 * The longest text value: a long reference title fits many times over. Text a candidate writes is
 * repeated in explanations, sheets and letters, so its length is bounded like the lists below.
 */
export const MAX_TEXT = 2_000;

/** A mapping of at most `max` entries: zod bounds lists, not records. */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
  max: number,
) {
  return z.record(key, value).refine((record) => Object.keys(record).length <= max, {
    error: (iss) => `must list at most ${max} entries (${Object.keys(iss.input as object).length} given)`,
  });
}

/** Keeps only true problems of text input: an empty string is never a useful value. */
export const text = z.string().min(1).max(MAX_TEXT);

/** ISO 3166-1 alpha-2. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, {
  error: (iss) => `${quote(iss.input)} is not a country code; write two capital letters, e.g. SN`,
});

/** ISO 4217. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, {
  error: (iss) => `${quote(iss.input)} is not a currency code; write three capital letters, e.g. EUR`,
});

/** Largest amount accepted: far above any real contract, far below where sums lose precision or overflow. */
export const MAX_AMOUNT = 1e15;

/** A finite, non-negative amount of money. */
export const amount = z.number().min(0).max(MAX_AMOUNT);

/** A whole number of at least 0 (counts, years of experience). */
export const count = z.number().int().min(0).max(1_000_000);

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))?$/;

/** True for a real `YYYY-MM-DD` date of year 1 or later. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** What is wrong with an RFC 3339 date-time, or undefined when it is a valid instant with offset. */
export function checkInstant(value: string): string | undefined {
  const match = DATE_TIME.exec(value);
  const example = 'write e.g. 2025-11-27T10:15:00Z';
  if (!match) return `${quote(value)} is not an RFC 3339 date-time; ${example}`;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4])];
  const offsetOk =
    match[6] === undefined || match[6] === 'Z' || (Number(match[7]) < 24 && Number(match[8]) < 60);
  if (!isCalendarDate(match[1] ?? '') || hours > 23 || minutes > 59 || seconds > 59 || !offsetOk) {
    return `${quote(value)} is not a real date and time; ${example}`;
  }
  if (match[6] === undefined) return `date-time has no UTC offset; ${example}`;
  return undefined;
}

/** Defensive: a YAML loader with timestamps enabled would hand us Date objects. */
const dateToDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
const dateToInstant = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** A calendar date `YYYY-MM-DD`, kept as written. */
export const calendarDate = z.preprocess(
  dateToDay,
  z
    .string()
    .refine(isCalendarDate, {
      error: (iss) => `${quote(iss.input)} is not a real calendar date; write YYYY-MM-DD, e.g. 2025-11-28`,
    })
    .meta({ format: 'date' }),
);

/** An instant, RFC 3339 with a UTC offset, kept as written. */
export const instant = z.preprocess(
  dateToInstant,
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = checkInstant(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    })
    .meta({ format: 'date-time' }),
);

/** A text in French and/or English; a missing language is filled from the other. */
export const bilingual = knownKeysObject({ fr: text.optional(), en: text.optional() })
  .superRefine((value, ctx) => {
    if (value.fr === undefined && value.en === undefined) {
      ctx.addIssue({ code: 'custom', message: 'give the text in at least one language (fr or en)' });
    }
  })
  .transform(({ fr, en }) => ({ fr: fr ?? en ?? '', en: en ?? fr ?? '' }));

/** A value shown in a message: texts quoted, the rest as written. */
export function quote(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}
