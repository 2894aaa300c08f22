import { z } from 'zod';
import {
  amount,
  boundedRecord,
  calendarDate,
  count,
  countryCode,
  currencyCode,
  instant,
  knownKeysObject,
  text,
} from './schema-common.js';

type ObjectBuilder = typeof knownKeysObject;

/**
 * How long a dossier's lists may be. A consortium rarely has a dozen members, and a firm lists
 * tens of references; without a bound, one 5 MB dossier of 30,000 members (within the file size
 * limit, no alias) took a run 71 s and 1.65 GB, since every explanation names every member.
 */
export const DOSSIER_LIST_LIMITS = { members: 30, items: 200, labels: 50 } as const;

/** A candidate's share of a reference: in (0, 1]. */
const share = z.number().gt(0).max(1);

/** Per-year amounts; YAML integer keys (`2022:`) arrive as strings. */
const yearAmounts = z.record(
  z
    .string()
    .regex(/^\d{4}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a year; write e.g. 2024` }),
  amount,
);

/**
 * The dossier schema (SPEC §4), built with a given kind of mapping: `knownKeysObject` reports
 * unknown keys; `z.looseObject` (same shape) only keeps them. Dossiers are first checked with
 * the former; when unknown keys are their only problem, they become warnings and the value
 * is taken from the latter, so the unknown keys stay in the stored dossier (SPEC §4).
 */
function buildDossierSchema(object: ObjectBuilder) {
  const financials = object({
    /** ISO 4217; must be the tender currency or have an exchange rate in tender.yaml. */
    currency: currencyCode,
    turnover: yearAmounts.optional(),
    current_assets: yearAmounts.optional(),
    current_liabilities: yearAmounts.optional(),
  });
  const staff = object({ total: count.optional(), relevant: count.optional() });
  const reference = object({
    title: text,
    client: text.optional(),
    countries: z.array(countryCode).max(DOSSIER_LIST_LIMITS.labels).default([]),
    start: calendarDate.optional(),
    /** Absent: the reference is ongoing. */
    end: calendarDate.optional(),
    /** Contract value, in `currency`. */
    value: amount,
    currency: currencyCode,
    /** The candidate's share of the contract, in (0, 1]. */
    share: share.default(1),
    tags: z.array(text).max(DOSSIER_LIST_LIMITS.labels).default([]),
  }).superRefine((value, ctx) => {
    if (value.start !== undefined && value.end !== undefined && value.end < value.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `end ${value.end} is before start ${value.start}`,
      });
    }
  });
  const expert = object({
    name: text,
    role: text.optional(),
    /** Years of relevant experience. */
    years: z.number().min(0).max(100),
    domains: z.array(text).max(DOSSIER_LIST_LIMITS.labels).default([]),
  });
  const entity = {
    declarations: boundedRecord(z.string().min(1), z.boolean(), DOSSIER_LIST_LIMITS.labels).default({}),
    financials: financials.optional(),
    staff: staff.optional(),
    references: z.array(reference).max(DOSSIER_LIST_LIMITS.items).default([]),
    experts: z.array(expert).max(DOSSIER_LIST_LIMITS.items).default([]),
  };
  const member = object({
    name: text,
    country: countryCode,
    /** `capacity_provider`: an entity whose capacity the candidate relies on. */
    role: z.enum(['member', 'capacity_provider']).default('member'),
    ...entity,
  });
  return object({
    candidate: object({ name: text, country: countryCode, legal_form: text.optional() }),
    /** RFC 3339 with offset. */
    submitted_at: instant,
    /** Consortium partners besides the lead. */
    members: z.array(member).max(DOSSIER_LIST_LIMITS.members).default([]),
    ...entity,
    /** Document kind → path relative to the candidate's folder. */
    documents: boundedRecord(z.string().min(1), text, DOSSIER_LIST_LIMITS.labels).default({}),
  });
}

/** Reports unknown keys (as `unknownKey` issues). */
export const dossierSchema = buildDossierSchema(knownKeysObject);

/** Same rules, unknown keys silently kept: used once unknown keys are known to be the only issue. */
export const lenientDossierSchema = buildDossierSchema(z.looseObject as unknown as ObjectBuilder);
