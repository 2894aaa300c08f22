import { awaitingLine } from './awaiting-lines.js';
import { finalPoints, roundPoints } from './money.js';
import { bi, biMap, formatPoints, formatQuantity } from './text.js';
import type { Bilingual, Criterion, CriterionResult, ManualScore, Rule } from './types.js';

type ManualRule = Extract<Rule, { type: 'manual' }>;

/** Default consensus spread: 30% of the criterion's max (SPEC §5). */
export const DEFAULT_CONSENSUS_SPREAD = 0.3;

/** Each evaluator's latest score (by `recordedAt`; on equal times the later one in the list wins). */
function latestByEvaluator(scores: ManualScore[]): Map<string, ManualScore> {
  const latest = new Map<string, ManualScore>();
  for (const score of scores) {
    const seen = latest.get(score.evaluator);
    if (!seen || score.recordedAt >= seen.recordedAt) latest.set(score.evaluator, score);
  }
  return latest;
}

/** Mean, or median (mean of the two middle values for an even count). */
function aggregatePoints(points: number[], how: 'mean' | 'median'): number {
  if (how === 'mean') return points.reduce((a, b) => a + b, 0) / points.length;
  const sorted = [...points].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? 0;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Whether points differ by more than `allowed` (SPEC §5: equal to it is not more). In binary floats
 * 12.3 − 6.3 is 6.000000000000001, which read as above a 6-point limit; the tolerance, a billionth
 * of a point (relative for large values), is far below any difference an evaluator can mean.
 */
function exceedsSpread(spread: number, allowed: number): boolean {
  return spread - allowed > 1e-9 * Math.max(1, Math.abs(allowed));
}

function describeScore(score: ManualScore): Bilingual {
  return biMap((lang) => {
    const sep = lang === 'fr' ? ' : ' : ': ';
    const comment = score.comment.trim() === '' ? '' : ` — ${score.comment.trim()}`;
    return `${score.evaluator}${sep}${formatPoints(score.points, lang)}${comment}`;
  });
}

/**
 * The committee's value for one manual criterion of one candidate. With registered voters, only
 * their scores count and the criterion is complete once every voter has scored; with none
 * registered, whoever scored counts and one score completes it.
 */
export function scoreManualCriterion(
  criterion: Criterion & { rule: ManualRule },
  scores: ManualScore[],
  voters: string[],
): CriterionResult {
  const max = criterion.max ?? 0;
  const latest = latestByEvaluator(scores);
  const names = [...latest.keys()].sort();
  const used = names
    .filter((n) => voters.length === 0 || voters.includes(n))
    .map((n) => latest.get(n) as ManualScore);
  const ignored = names.filter((n) => voters.length > 0 && !voters.includes(n));
  const missing = voters.filter((v) => !latest.has(v)).sort();
  const complete = voters.length > 0 ? missing.length === 0 : used.length > 0;
  const points = used.map((s) => s.points);
  const spread = points.length > 0 ? Math.max(...points) - Math.min(...points) : null;
  const lines: Bilingual[] = used.map(describeScore);
  for (const name of ignored) {
    lines.push(
      bi(
        `note de ${name} ignorée : pas membre votant du comité`,
        `score by ${name} ignored: not a voting member of the committee`,
      ),
    );
  }
  const flags: string[] = [];
  const allowed = (criterion.rule.consensus_spread ?? DEFAULT_CONSENSUS_SPREAD) * max;
  if (spread !== null && exceedsSpread(spread, allowed)) {
    flags.push('consensus');
    lines.push(
      biMap((lang) =>
        lang === 'fr'
          ? `écart de ${formatPoints(spread, lang)} points, au-delà de ${formatPoints(allowed, lang)} : à discuter en vue d'un consensus`
          : `spread of ${formatPoints(spread, lang)} points, above ${formatPoints(allowed, lang)}: to be discussed for consensus`,
      ),
    );
  }
  const result: CriterionResult = {
    criterion: criterion.id,
    kind: criterion.kind,
    passed: null,
    points: null,
    metrics: { evaluators: used.length, spread: spread === null ? null : roundPoints(spread) },
    explanation: [],
  };
  if (flags.length > 0) result.flags = flags;
  if (!complete) {
    result.pending = true;
    const waiting =
      missing.length > 0
        ? bi(`manquent ${missing.join(', ')}`, `missing ${missing.join(', ')}`)
        : bi("aucun évaluateur n'a encore noté", 'no evaluator has scored yet');
    result.explanation = [
      awaitingLine(
        bi(
          `en attente des notes du comité : ${waiting.fr}`,
          `awaiting the committee's scores: ${waiting.en}`,
        ),
      ),
      ...lines,
    ];
    return result;
  }
  const how = criterion.rule.aggregate ?? 'mean';
  result.points = finalPoints(aggregatePoints(points, how), max);
  const value = result.points;
  const summary = biMap((lang) => {
    const n = formatQuantity(used.length, lang);
    return lang === 'fr'
      ? `note du comité : ${formatPoints(value, lang)} sur ${formatPoints(max, lang)} (${how === 'mean' ? 'moyenne' : 'médiane'} de ${n} évaluateur(s))`
      : `committee score: ${formatPoints(value, lang)} out of ${formatPoints(max, lang)} (${how} of ${n} evaluator${used.length === 1 ? '' : 's'})`;
  });
  result.explanation = [summary, ...lines];
  return result;
}
