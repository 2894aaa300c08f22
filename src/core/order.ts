import type { CandidateEvaluation, TieBreaker } from './types.js';

/** A qualified candidate with what ranking compares. */
export interface Contender {
  ev: CandidateEvaluation;
  total: number;
  /** One value per tie-breaker, in order; missing or non-numeric values are -Infinity (lowest). */
  keys: number[];
}

/**
 * The value a tie-breaker reads: `points`, or a numeric metric of that criterion's result.
 * A current ratio gate that passed with `lowest` null had no current liabilities anywhere: its
 * ratio is unbounded, so it ranks above every finite ratio rather than below.
 */
export function tieBreakerValue(ev: CandidateEvaluation, breaker: TieBreaker): number {
  const result = ev.criteria[breaker.criterion];
  const value = breaker.metric === 'points' ? result?.points : result?.metrics[breaker.metric];
  if (breaker.metric === 'lowest' && value === null && result?.passed === true)
    return Number.POSITIVE_INFINITY;
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
}

/** Negative when `a` ranks before `b`: higher total first, then higher tie-breaker values in order. */
export function compareMerit(a: Contender, b: Contender): number {
  if (a.total !== b.total) return b.total - a.total;
  for (let i = 0; i < a.keys.length; i++) {
    const x = a.keys[i] ?? Number.NEGATIVE_INFINITY;
    const y = b.keys[i] ?? Number.NEGATIVE_INFINITY;
    if (x !== y) return x > y ? -1 : 1;
  }
  return 0;
}

/** Plain code-unit order, never locale-dependent. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Candidates of equal merit, sharing `rank` (competition ranking: 1, 2, 2, 4). */
export interface RankGroup {
  rank: number;
  members: Contender[];
}

/** Sorts by merit (ties by id) and groups equal merit under one rank. */
export function groupByRank(contenders: Contender[]): RankGroup[] {
  const sorted = [...contenders].sort((a, b) => compareMerit(a, b) || compareIds(a.ev.id, b.ev.id));
  const groups: RankGroup[] = [];
  sorted.forEach((c, i) => {
    const last = groups[groups.length - 1];
    const lastMember = last?.members[0];
    if (last && lastMember && compareMerit(lastMember, c) === 0) last.members.push(c);
    else groups.push({ rank: i + 1, members: [c] });
  });
  return groups;
}
