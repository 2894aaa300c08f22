import { z } from 'zod';
import { compareInstants } from '../core/dates.js';
import { sameName } from '../core/person-names.js';
import { LANGS } from '../core/types.js';
import {
  bilingual,
  calendarDate,
  checkInstant,
  countryCode,
  currencyCode,
  instant,
  knownKeysObject,
  text,
} from './schema-common.js';

/** Largest exchange rate accepted (units of a currency per tender currency unit). */
const MAX_RATE = 1e9;
/**
 * Smallest one. Amounts are divided by their rate: with 1e-300, a dossier's XOF turnover became
 * Infinity, which passed the turnover gate. No currency is worth a million euros; at this bound a
 * dossier's largest amount (10^15) converts to 10^21 at most, still exact enough and finite.
 */
const MIN_RATE = 1e-6;

const submission = knownKeysObject({
  /** Opening of the submission window, RFC 3339 with offset. */
  opens: instant,
  /** Deadline, RFC 3339 with offset. */
  closes: instant,
}).superRefine((value, ctx) => {
  // An instant with a problem is already reported; comparing it would only add noise.
  if (checkInstant(value.opens) || checkInstant(value.closes)) return;
  if (compareInstants(value.closes, value.opens) <= 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['closes'],
      message: `closes (${value.closes}) must be after opens (${value.opens})`,
    });
  }
});

const shortlist = knownKeysObject({
  /** Fewest candidates the shortlist should hold (PRAG services: 4). */
  min: z.number().int().min(1).max(1000),
  /** Most candidates the shortlist may hold (PRAG services: 8). */
  max: z.number().int().min(1).max(1000),
}).superRefine((value, ctx) => {
  if (value.min > value.max) {
    ctx.addIssue({
      code: 'custom',
      path: ['min'],
      message: `min (${value.min}) must not be above max (${value.max})`,
    });
  }
});

const committeeEntry = knownKeysObject({
  name: text,
  /** chair and secretary do not vote. */
  role: z.enum(['chair', 'secretary', 'evaluator']),
  /** Date the declaration of impartiality and confidentiality was signed. */
  declaration_signed: calendarDate.optional(),
});

const committee = z
  .array(committeeEntry)
  .default([])
  .superRefine((entries, ctx) => {
    // Two spellings of one name would be two members (see core/person-names.ts).
    const seen: string[] = [];
    entries.forEach((entry, index) => {
      const earlier = seen.find((name) => sameName(name, entry.name));
      if (earlier === undefined) seen.push(entry.name);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message:
            earlier.trim() === entry.name.trim()
              ? `committee member "${entry.name}" is listed twice`
              : `committee member "${entry.name}" is "${earlier}" spelt differently: names may not differ only in case, accents, spacing or punctuation`,
        });
    });
  });

const languages = z
  .array(z.enum(LANGS as ['fr', 'en']))
  .min(1)
  .superRefine((values, ctx) => {
    values.forEach((value, index) => {
      if (values.indexOf(value) !== index)
        ctx.addIssue({ code: 'custom', path: [index], message: `language "${value}" is listed twice` });
    });
  });

/** A name for a set of countries: not a country code, not a built-in group. */
const groupName = z.string().superRefine((name, ctx) => {
  if (name === 'EU' || name === 'ACP' || /^[A-Z]{2}$/.test(name)) {
    const what = name.length === 2 ? 'a country code' : 'a built-in group';
    ctx.addIssue({ code: 'custom', message: `group name "${name}" is ${what}; choose another name` });
  } else if (name.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'group name must not be empty' });
  }
});

/** tender.yaml (SPEC §2). */
export const tenderSchema = knownKeysObject({
  /** Procedure reference, e.g. POC2-S29. */
  reference: text,
  title: bilingual,
  contracting_authority: text,
  /** ISO 4217 code; every threshold is in this currency. */
  currency: currencyCode,
  /** Units of each currency for 1 unit of `currency`. */
  exchange_rates: z.record(currencyCode, z.number().min(MIN_RATE).max(MAX_RATE)).default({}),
  submission,
  shortlist,
  /** Report languages; the first is the default. */
  languages,
  /** Named sets of country codes, usable wherever a country list is. */
  country_groups: z.record(groupName, z.array(countryCode)).default({}),
  committee,
  /** Sanctions list (CSV: name, aliases, version), relative to the workspace. */
  sanctions: knownKeysObject({ file: text }).optional(),
}).superRefine(
  (value, ctx) => {
    // Runs even when other fields failed, so guard every field it reads.
    const rates = value.exchange_rates as unknown;
    if (typeof value.currency !== 'string' || typeof rates !== 'object' || rates === null) return;
    const rate = (rates as Record<string, unknown>)[value.currency];
    if (rate !== undefined && rate !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['exchange_rates', value.currency],
        message: `${value.currency} is the tender currency; its rate can only be 1 (better: remove it)`,
      });
    }
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);
