import type { Rule, RuleType } from '../core/types.js';
import { formatSuggestion } from './did-you-mean.js';

/** Cross-field checks of criteria.yaml that a per-field schema cannot express. */

export interface Problem {
  path: (string | number)[];
  message: string;
}

/** Metrics each rule type produces (SPEC §3); every criterion also has `points`. */
export const RULE_METRICS: Record<RuleType, readonly string[]> = {
  deadline: ['submitted_at'],
  documents: ['missing'],
  nationality: ['members_checked'],
  declarations: ['missing'],
  turnover: ['average'],
  current_ratio: ['lowest'],
  staff: ['count'],
  references: ['count', 'total_value'],
  experts: ['count'],
  manual: ['evaluators'],
};

/**
 * Metrics a tie-breaker may name: ranking compares numbers, higher first, so a date
 * (`submitted_at`) or a list (`missing`) would rank every candidate equal, as if absent.
 */
const NUMERIC_METRICS = new Set([
  'count',
  'total_value',
  'average',
  'lowest',
  'members_checked',
  'evaluators',
  'points',
]);

const GATE_ONLY = new Set<RuleType>([
  'deadline',
  'documents',
  'nationality',
  'declarations',
  'current_ratio',
]);

/** Parameters a rule needs, and must not have, for each kind (by rule type). */
const KIND_PARAMETERS: Partial<Record<RuleType, { gate: string[]; score: string[] }>> = {
  turnover: { gate: ['average_at_least'], score: ['from', 'to'] },
  staff: { gate: ['at_least'], score: ['from', 'to'] },
  references: { gate: ['at_least'], score: ['points_each'] },
  experts: { gate: ['at_least'], score: ['points_each'] },
};

/** Problems of one criterion whose fields each passed their own schema. */
export function checkCriterion(criterion: { kind: 'gate' | 'score'; max?: number; rule: Rule }): Problem[] {
  const { kind, max, rule } = criterion;
  const problems: Problem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (kind === 'score' && max === undefined)
    add(['max'], 'a score criterion needs "max", its highest points');
  if (kind === 'gate' && max !== undefined)
    add(['max'], 'a gate is pass/fail and has no points; remove "max"');
  if (kind === 'score' && GATE_ONLY.has(rule.type)) {
    add(['kind'], `rule type "${rule.type}" is pass/fail only; use kind: gate`);
  }
  if (rule.type === 'manual') {
    if (kind === 'gate') add(['kind'], 'a manual criterion gives points; use kind: score');
    rule.scale?.forEach((value, index) => {
      if (max !== undefined && value > max)
        add(['rule', 'scale', index], `scale value ${value} is above max ${max}`);
    });
  }
  const parameters = KIND_PARAMETERS[rule.type];
  if (parameters) {
    const present = (name: string) => (rule as Record<string, unknown>)[name] !== undefined;
    const other = kind === 'gate' ? 'score' : 'gate';
    for (const name of parameters[kind]) {
      if (!present(name)) add(['rule', name], `a ${kind} with a ${rule.type} rule needs "${name}"`);
    }
    for (const name of parameters[other]) {
      if (present(name)) add(['rule', name], `"${name}" is for ${other} criteria; this one is a ${kind}`);
    }
    if (
      (rule.type === 'turnover' || rule.type === 'staff') &&
      kind === 'score' &&
      rule.from === rule.to &&
      present('from')
    ) {
      add(['rule', 'to'], `"from" and "to" must differ (both are ${rule.from})`);
    }
  }
  return problems;
}

type Raw = Record<string, unknown>;
const isRaw = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Problems across criteria: duplicate ids, tie-breakers, an unreachable threshold. Runs on
 * partly invalid input too (so all problems show at once), hence the guards.
 */
export function checkCriteriaSet(set: Raw): Problem[] {
  const problems: Problem[] = [];
  const criteria = Array.isArray(set.criteria) ? set.criteria : [];
  const byId = new Map<string, { index: number; kind: unknown; type: unknown; max: unknown }>();
  criteria.forEach((criterion: unknown, index) => {
    if (!isRaw(criterion) || typeof criterion.id !== 'string') return;
    const first = byId.get(criterion.id);
    if (first) {
      problems.push({
        path: ['criteria', index, 'id'],
        message: `duplicate criterion id "${criterion.id}" (also criteria.${first.index})`,
      });
      return;
    }
    const type = isRaw(criterion.rule) ? criterion.rule.type : undefined;
    byId.set(criterion.id, { index, kind: criterion.kind, type, max: criterion.max });
  });
  const tieBreakers = Array.isArray(set.tie_breakers) ? set.tie_breakers : [];
  tieBreakers.forEach((tie: unknown, index) => {
    if (!isRaw(tie) || typeof tie.criterion !== 'string' || typeof tie.metric !== 'string') return;
    const target = byId.get(tie.criterion);
    if (!target) {
      const hint = formatSuggestion(tie.criterion, byId.keys());
      problems.push({
        path: ['tie_breakers', index, 'criterion'],
        message: `unknown criterion "${tie.criterion}"${hint}`,
      });
      return;
    }
    const metrics = [
      ...(RULE_METRICS[target.type as RuleType] ?? []),
      ...(target.kind === 'score' ? ['points'] : []),
    ];
    if (typeof target.type !== 'string') return;
    const numeric = metrics.filter((metric) => NUMERIC_METRICS.has(metric));
    const choices =
      numeric.length > 0
        ? `use one of ${numeric.join(', ')}`
        : `criterion ${tie.criterion} has no numeric metric; break ties on another criterion`;
    if (!metrics.includes(tie.metric)) {
      const what = tie.metric === 'points' ? ' (it is a gate, without points)' : '';
      problems.push({
        path: ['tie_breakers', index, 'metric'],
        message: `criterion ${tie.criterion} has no metric "${tie.metric}"${what}${formatSuggestion(tie.metric, numeric)}; ${choices}`,
      });
    } else if (!NUMERIC_METRICS.has(tie.metric)) {
      problems.push({
        path: ['tie_breakers', index, 'metric'],
        message: `metric "${tie.metric}" of criterion ${tie.criterion} is not a number and cannot rank candidates; ${choices}`,
      });
    }
  });
  const threshold = set.shortlist_threshold;
  const maxima = [...byId.values()].map((entry) => (entry.kind === 'score' ? entry.max : 0));
  if (
    typeof threshold === 'number' &&
    byId.size === criteria.length &&
    maxima.every((max) => typeof max === 'number')
  ) {
    const reachable = (maxima as number[]).reduce((sum, max) => sum + max, 0);
    if (threshold > reachable) {
      problems.push({
        path: ['shortlist_threshold'],
        message: `shortlist_threshold ${threshold} is above the highest possible total ${reachable}`,
      });
    }
  }
  return problems;
}
