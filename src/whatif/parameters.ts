import type { RuleType } from '../core/types.js';

/** How the value of a `--set` assignment is read. */
export type ParameterKind =
  | { kind: 'number' }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'boolean' };

const NUMBER: ParameterKind = { kind: 'number' };
const BOOLEAN: ParameterKind = { kind: 'boolean' };
const APPLIES_TO: ParameterKind = { kind: 'choice', values: ['pooled', 'each_member'] };

/**
 * The parameters `whatif` may change, by rule type, written as in criteria.yaml (`filter.min_value`).
 * Lists (required documents, allowed countries, tags) are left out on purpose: a what-if explores
 * published thresholds and scales, not a different grid.
 */
export const RULE_PARAMETERS: Record<RuleType, Readonly<Record<string, ParameterKind>>> = {
  deadline: {},
  documents: {},
  nationality: {},
  declarations: {},
  turnover: { years: NUMBER, average_at_least: NUMBER, from: NUMBER, to: NUMBER, applies_to: APPLIES_TO },
  current_ratio: { at_least: NUMBER },
  staff: {
    at_least: NUMBER,
    from: NUMBER,
    to: NUMBER,
    field: { kind: 'choice', values: ['total', 'relevant'] },
    applies_to: APPLIES_TO,
  },
  references: {
    at_least: NUMBER,
    points_each: NUMBER,
    applies_to: APPLIES_TO,
    'filter.min_value': NUMBER,
    'filter.within_years': NUMBER,
    'filter.include_ongoing': BOOLEAN,
  },
  experts: { at_least: NUMBER, points_each: NUMBER, applies_to: APPLIES_TO, 'filter.min_years': NUMBER },
  manual: { aggregate: { kind: 'choice', values: ['mean', 'median'] }, consensus_spread: NUMBER },
};

/** Every criterion, whatever its rule, may have its highest points changed (score criteria only). */
export const CRITERION_PARAMETERS: Readonly<Record<string, ParameterKind>> = { max: NUMBER };

/** Settings outside the criteria: the qualifying total and the size of the shortlist. */
export const SETTING_PARAMETERS: Readonly<Record<string, ParameterKind>> = {
  threshold: NUMBER,
  shortlist_threshold: NUMBER,
  'shortlist.max': NUMBER,
  'shortlist.min': NUMBER,
};
