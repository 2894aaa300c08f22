import { roundPoints } from './money.js';
import { bi, biMap, formatExact, formatPoints } from './text.js';
import type { CandidateEvaluation, CriteriaSet, Reason } from './types.js';

/** A candidate's standing before ranking: qualified candidates are then placed against the cut. */
export interface Standing {
  status: 'qualified' | 'pending' | 'rejected';
  /**
   * Sum of the score criteria's points, 2 decimals; null only for a pending candidate. A rejected
   * candidate with a pending manual score gets the sum of the points available (pending counts 0).
   */
  total: number | null;
  reasons: Reason[];
}

/** Sum of the points of every score criterion, or null when one is still pending. */
export function totalOf(ev: CandidateEvaluation): number | null {
  if (Object.values(ev.criteria).some((r) => r.kind === 'score' && r.points === null)) return null;
  return availableTotalOf(ev);
}

/**
 * Sum of the points available so far: a pending manual score counts 0. A rejected candidate's
 * total is this (SPEC §6: `total` is null only for invalid and pending candidates): a failed gate
 * settles the outcome, so the committee sees the points already earned instead of no total.
 */
export function availableTotalOf(ev: CandidateEvaluation): number {
  let total = 0;
  for (const result of Object.values(ev.criteria)) {
    if (result.kind === 'score' && result.points !== null) total += result.points;
  }
  return roundPoints(total);
}

/**
 * SPEC §5: a failed gate rejects (even while manual scores are pending), naming every failed gate
 * with the first line of its explanation; then a pending manual score keeps the candidate pending;
 * then a total below `shortlist_threshold` rejects; otherwise the candidate qualifies.
 */
export function assessStanding(ev: CandidateEvaluation, criteria: CriteriaSet): Standing {
  const total = totalOf(ev);
  const failed: Reason[] = [];
  for (const result of Object.values(ev.criteria)) {
    if (result.kind !== 'gate' || result.passed !== false) continue;
    const label = criteria.criteria.find((c) => c.id === result.criterion)?.label;
    const message =
      result.explanation[0] ??
      (label ? bi(`${label.fr} : non satisfait`, `${label.en}: failed`) : bi('non satisfait', 'failed'));
    failed.push({ criterion: result.criterion, message });
  }
  if (failed.length > 0) return { status: 'rejected', total: availableTotalOf(ev), reasons: failed };
  if (Object.values(ev.criteria).some((r) => r.pending === true))
    return { status: 'pending', total: null, reasons: [] };
  const threshold = criteria.shortlist_threshold;
  if (threshold !== undefined && total !== null && total < threshold) {
    const message = biMap((lang) =>
      lang === 'fr'
        ? `total ${formatPoints(total, lang)} inférieur au seuil ${formatExact(threshold, lang)}`
        : `total ${formatPoints(total, lang)} below the threshold ${formatExact(threshold, lang)}`,
    );
    return { status: 'rejected', total, reasons: [{ criterion: 'threshold', message }] };
  }
  return { status: 'qualified', total, reasons: [] };
}
