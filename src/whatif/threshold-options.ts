import type { Criterion, CriterionResult, RankedCandidate, RuleType } from '../core/types.js';
import type { Assignment } from './assignments.js';
import type { Scenario } from './scenario.js';

/** One published threshold that might let a candidate in, and the values worth trying. */
export interface ThresholdOption {
  /** `SEL-1.average_at_least`, `SEL-4.filter.min_value`, `shortlist_threshold`, `shortlist.max`. */
  parameter: string;
  /** The gate it relaxes, or null for the threshold and the cut. */
  criterion: string | null;
  path: string[];
  current: number;
  /** Candidate values, closest to `current` first; each only relaxes (lowers a bar, widens a window, moves the cut down). */
  values: number[];
}

/** A failed gate no threshold can fix. */
export interface Blocker {
  criterion: string;
  rule: RuleType;
  reason: 'no_threshold' | 'override' | 'not_computable';
}

/** How far a reference window may be widened before the search gives up (years). */
export const MAX_EXTRA_YEARS = 10;

const floorCents = (value: number) => Math.floor(value * 100 + 1e-6) / 100;
const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function option(
  criterion: Criterion,
  name: string,
  current: number | undefined,
  values: number[],
): ThresholdOption[] {
  if (current === undefined) return [];
  const relaxing = values.filter((v) => v !== current);
  if (relaxing.length === 0) return [];
  const path = ['rule', ...name.split('.')];
  return [{ parameter: `${criterion.id}.${name}`, criterion: criterion.id, path, current, values: relaxing }];
}

/** The bar a gate's decisive metric must reach, lowered to exactly that metric. */
function lowerTo(
  criterion: Criterion,
  name: string,
  current: number | undefined,
  metric: unknown,
): ThresholdOption[] {
  const value = numberOf(metric);
  return value === null || current === undefined || value >= current
    ? []
    : option(criterion, name, current, [value]);
}

/** The values of references the filter's `min_value` left out, highest first. */
function minValueSteps(result: CriterionResult, current: number): number[] {
  const values = (result.items ?? [])
    .map((i) => i.value)
    .filter((v): v is number => v !== undefined && v < current);
  return [...new Set(values.map(floorCents))].sort((a, b) => b - a);
}

function optionsForGate(criterion: Criterion, result: CriterionResult): ThresholdOption[] | null {
  const rule = criterion.rule;
  switch (rule.type) {
    case 'turnover':
      return lowerTo(criterion, 'average_at_least', rule.average_at_least, result.metrics.average);
    case 'current_ratio':
      return lowerTo(criterion, 'at_least', rule.at_least, result.metrics.lowest);
    case 'staff':
    case 'experts':
      return lowerTo(criterion, 'at_least', rule.at_least, result.metrics.count);
    case 'references': {
      const { min_value: minValue, within_years: years } = rule.filter;
      const wider =
        years === undefined
          ? []
          : Array.from({ length: Math.min(MAX_EXTRA_YEARS, 100 - years) }, (_, i) => years + i + 1);
      return [
        ...lowerTo(criterion, 'at_least', rule.at_least, result.metrics.count),
        ...(minValue === undefined
          ? []
          : option(criterion, 'filter.min_value', minValue, minValueSteps(result, minValue))),
        ...option(criterion, 'filter.within_years', years, wider),
      ];
    }
    default:
      return null;
  }
}

/**
 * The thresholds worth relaxing for this candidate: those of the gates it failed and, when its
 * total fell short, `shortlist_threshold`; for a reserve candidate, the cut (`shortlist.max`).
 * Raising a bar to push others out is deliberately not considered: the question is what would
 * have let this candidate in.
 */
export function listThresholdOptions(
  candidate: RankedCandidate,
  scenario: Scenario,
  qualified: number,
): { options: ThresholdOption[]; blockers: Blocker[] } {
  const options: ThresholdOption[] = [];
  const blockers: Blocker[] = [];
  for (const criterion of scenario.criteria.criteria) {
    const result = candidate.criteria[criterion.id];
    if (result?.kind !== 'gate' || result.passed !== false) continue;
    const rule = criterion.rule.type;
    if (result.override) {
      blockers.push({ criterion: criterion.id, rule, reason: 'override' });
      continue;
    }
    const found = optionsForGate(criterion, result);
    if (found === null) blockers.push({ criterion: criterion.id, rule, reason: 'no_threshold' });
    else if (found.length === 0) blockers.push({ criterion: criterion.id, rule, reason: 'not_computable' });
    else options.push(...found);
  }
  const threshold = scenario.criteria.shortlist_threshold;
  const belowThreshold = candidate.reasons.some((r) => r.criterion === 'threshold');
  if (belowThreshold && threshold !== undefined && candidate.total !== null && candidate.total < threshold) {
    options.push({
      parameter: 'shortlist_threshold',
      criterion: null,
      path: ['shortlist_threshold'],
      current: threshold,
      values: [candidate.total],
    });
  }
  if (candidate.status === 'reserve') {
    const max = scenario.tender.shortlist.max;
    const values = Array.from(
      { length: Math.max(0, Math.min(1000, qualified) - max) },
      (_, i) => max + i + 1,
    );
    if (values.length > 0)
      options.push({
        parameter: 'shortlist.max',
        criterion: null,
        path: ['shortlist', 'max'],
        current: max,
        values,
      });
  }
  return { options, blockers };
}

/** The assignment setting `option` to `value`, as `whatif --set` would build it. */
export function assignmentFor(option: ThresholdOption, value: number): Assignment {
  return {
    text: `${option.parameter}=${value}`,
    key: option.parameter,
    criterion: option.criterion,
    path: option.path,
    value,
  };
}
