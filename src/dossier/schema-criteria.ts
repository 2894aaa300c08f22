import { z } from 'zod';
import { checkCriteriaSet, checkCriterion } from './criteria-checks.js';
import { formatSuggestion } from './did-you-mean.js';
import { amount, bilingual, knownKeysObject, text } from './schema-common.js';

/** Built-in country groups (SPEC §3): always valid in `allowed` and `countries_any`. */
export const BUILT_IN_GROUPS = ['EU', 'ACP'] as const;

/** Names the reasons of a result use besides criterion ids: a criterion cannot take them. */
const RESERVED_IDS = new Set(['threshold', 'invalid', 'sanctions']);

const criterionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
    error: (iss) => `criterion id ${JSON.stringify(iss.input)} may hold only letters, digits, "-" and "_"`,
  })
  .refine((id) => !RESERVED_IDS.has(id.toLowerCase()), {
    error: (iss) => `criterion id ${JSON.stringify(iss.input)} is reserved; choose another`,
  });

const appliesTo = z.enum(['pooled', 'each_member']).optional();
const points = z.number().gt(0).max(1_000_000);
const threshold = z.number().min(0).max(1e15);
const whole = z.number().int().min(0).max(1_000_000);
const names = z.array(text).min(1);

/** A criteria schema that knows the tender's country groups, so misspelt group names are errors. */
export function buildCriteriaSchema(groups: readonly string[]) {
  const known = [...BUILT_IN_GROUPS, ...groups];
  const knownSet = new Set(known);
  const countryOrGroup = z.string().superRefine((value, ctx) => {
    if (/^[A-Z]{2}$/.test(value) || knownSet.has(value)) return;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `${JSON.stringify(value)} is neither a country code, EU, ACP nor a country group of tender.yaml${formatSuggestion(value, known)}`,
    });
  });

  const referenceFilter = knownKeysObject({
    tags_any: names.optional(),
    tags_all: names.optional(),
    /** Country codes or group names. */
    countries_any: z.array(countryOrGroup).min(1).optional(),
    /** The reference's end lies within this many years before the deadline. */
    within_years: z.number().int().min(1).max(100).optional(),
    /** Count references with no end date or ending after the deadline. */
    include_ongoing: z.boolean().optional(),
    /** Minimum effective value (value × share, in tender currency). */
    min_value: amount.optional(),
  });

  const rule = z.discriminatedUnion('type', [
    knownKeysObject({ type: z.literal('deadline') }),
    knownKeysObject({ type: z.literal('documents'), required: names }),
    knownKeysObject({ type: z.literal('nationality'), allowed: z.array(countryOrGroup).min(1) }),
    knownKeysObject({ type: z.literal('declarations'), required: names }),
    knownKeysObject({
      type: z.literal('turnover'),
      years: z.number().int().min(1).max(20),
      average_at_least: amount.optional(),
      from: amount.optional(),
      to: amount.optional(),
      applies_to: appliesTo,
    }),
    knownKeysObject({ type: z.literal('current_ratio'), at_least: z.number().min(0).max(1e6) }),
    knownKeysObject({
      type: z.literal('staff'),
      field: z.enum(['total', 'relevant']),
      at_least: whole.optional(),
      from: whole.optional(),
      to: whole.optional(),
      applies_to: appliesTo,
    }),
    knownKeysObject({
      type: z.literal('references'),
      filter: referenceFilter.default({}),
      at_least: whole.optional(),
      points_each: points.optional(),
      applies_to: appliesTo,
    }),
    knownKeysObject({
      type: z.literal('experts'),
      filter: knownKeysObject({
        min_years: z.number().min(0).max(100).optional(),
        domains_any: names.optional(),
      }).default({}),
      at_least: whole.optional(),
      points_each: points.optional(),
      applies_to: appliesTo,
    }),
    knownKeysObject({
      type: z.literal('manual'),
      guidance: bilingual,
      scale: z.array(threshold).min(1).optional(),
      aggregate: z.enum(['mean', 'median']).optional(),
      consensus_spread: z.number().gt(0).max(1).optional(),
    }),
  ]);

  const criterion = knownKeysObject({
    id: criterionId,
    /** Defaults to the id in both languages. */
    label: bilingual.optional(),
    /** gate = pass/fail; score = points. */
    kind: z.enum(['gate', 'score']),
    /** Highest points of a score criterion. */
    max: points.optional(),
    rule,
  })
    .superRefine((value, ctx) => {
      for (const problem of checkCriterion(value)) ctx.addIssue({ code: 'custom', ...problem });
    })
    .transform((value) => ({ ...value, label: value.label ?? { fr: value.id, en: value.id } }));

  return knownKeysObject({
    name: text,
    criteria: z.array(criterion).min(1),
    /** Minimum total score to qualify. */
    shortlist_threshold: threshold.optional(),
    /** In order; each compares a criterion's metric, higher first. */
    tie_breakers: z.array(knownKeysObject({ criterion: text, metric: text })).default([]),
  }).superRefine(
    (value, ctx) => {
      for (const problem of checkCriteriaSet(value)) ctx.addIssue({ code: 'custom', ...problem });
    },
    // Runs even when a criterion failed: duplicate ids and tie-breakers are still worth reporting.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}
