import { isAwaitingLine } from './awaiting-lines.js';
import { scoreManualCriterion } from './committee-score.js';
import { formatInstantWords } from './date-words.js';
import { finalPoints } from './money.js';
import { biMap, formatPoints } from './text.js';
import type {
  AutomaticVerdict,
  CandidateEvaluation,
  CriteriaSet,
  Criterion,
  CriterionResult,
  Lang,
  ManualScore,
  Override,
} from './types.js';

/** The committee's inputs for consolidation. */
export interface CommitteeInput {
  scores: ManualScore[];
  /** Registered voting evaluators; empty when the tender registers none. */
  voters: string[];
  overrides: Override[];
}

/**
 * Undoes a previous override so consolidating twice gives the same result as once. A result that
 * was pending gets its flag back but not the line saying what it awaited (dropped by
 * applyOverride): the only pending results, manual criteria and the sanctions gate, are made
 * again before overrides apply, so that line is never needed.
 */
function restoreAutomatic(result: CriterionResult): CriterionResult {
  if (!result.override || !result.automatic) return result;
  const { override: _o, automatic, ...rest } = result;
  return {
    ...rest,
    passed: automatic.passed,
    points: automatic.points,
    ...(automatic.pending === true ? { pending: true } : {}),
    explanation: result.explanation.slice(1),
  };
}

function describeVerdict(
  passed: boolean | null,
  points: number | null,
  pending: boolean,
  lang: Lang,
): string {
  if (pending) return lang === 'fr' ? 'en attente' : 'pending';
  if (points !== null) return `${formatPoints(points, lang)} points`;
  if (passed === null) return '—';
  if (lang === 'fr') return passed ? 'satisfait' : 'non satisfait';
  return passed ? 'passed' : 'failed';
}

/**
 * Applies the secretary's override; the line explaining it comes first, so a rejection reason
 * (the first line of a failed gate) tells the real story.
 */
function applyOverride(
  result: CriterionResult,
  override: Override,
  criterion: Criterion | undefined,
): CriterionResult {
  const isGate = result.kind === 'gate';
  if (isGate ? override.passed === undefined : override.points === undefined) return result;
  const { pending: wasPending, ...rest } = result;
  const automatic: AutomaticVerdict = {
    passed: result.passed,
    points: result.points,
    ...(wasPending === true ? { pending: true } : {}),
  };
  const next: CriterionResult = { ...rest, automatic, override };
  if (isGate) next.passed = override.passed ?? null;
  else next.points = finalPoints(override.points ?? 0, criterion?.max ?? Number.POSITIVE_INFINITY);
  const line = biMap((lang) => {
    const now = describeVerdict(next.passed, next.points, false, lang);
    const before = describeVerdict(automatic.passed, automatic.points, wasPending === true, lang);
    // The date in words, as the report's table of overrides and the letters write dates.
    const at = formatInstantWords(override.at, lang);
    return lang === 'fr'
      ? `modifié par ${override.by} le ${at} : ${now} (automatique : ${before}) ; motif : ${override.reason}`
      : `overridden by ${override.by} on ${at}: ${now} (automatic: ${before}); reason: ${override.reason}`;
  });
  // A pending result's line saying what it awaits is answered by the override itself.
  const kept =
    wasPending === true ? result.explanation.filter((l) => !isAwaitingLine(l)) : result.explanation;
  next.explanation = [line, ...kept];
  return next;
}

/**
 * Adds the committee's work to a candidate's evaluation: every manual criterion gets the
 * evaluators' value (or stays pending), then overrides replace automatic verdicts (the latest
 * override per criterion, by `at`, wins). Pure: returns a new evaluation.
 */
export function consolidateCandidate(
  ev: CandidateEvaluation,
  input: CommitteeInput,
  criteria: CriteriaSet,
): CandidateEvaluation {
  const results: Record<string, CriterionResult> = {};
  for (const [id, result] of Object.entries(ev.criteria)) results[id] = restoreAutomatic(result);
  for (const criterion of criteria.criteria) {
    const rule = criterion.rule;
    if (rule.type !== 'manual') continue;
    const scores = input.scores.filter((s) => s.candidate === ev.id && s.criterion === criterion.id);
    results[criterion.id] = scoreManualCriterion({ ...criterion, rule }, scores, input.voters);
  }
  const latest = new Map<string, Override>();
  for (const o of input.overrides) {
    const seen = latest.get(o.criterion);
    if (o.candidate === ev.id && (!seen || o.at >= seen.at)) latest.set(o.criterion, o);
  }
  for (const [id, override] of latest) {
    const result = results[id];
    if (!result) continue; // an override naming an unknown criterion is refused when it is recorded
    results[id] = applyOverride(
      result,
      override,
      criteria.criteria.find((c) => c.id === id),
    );
  }
  return { ...ev, criteria: results };
}
