import type { CriterionResult, RankedCandidate, Status, TieBreaker } from '../core/types.js';
import type { Cause, SettingChange, VerdictValue } from './compare-shortlists.js';

/** What the two sides share: criteria ids in display order, changed settings, tie-breakers of both. */
export interface CauseContext {
  order: string[];
  settings: SettingChange[];
  breakers: TieBreaker[];
}

/** A criterion's verdict as compared and shown: `pass`, `fail`, points, `pending`, or null when absent. */
export function verdictOf(result: CriterionResult | undefined): VerdictValue {
  if (!result) return null;
  if (result.pending) return 'pending';
  if (result.kind === 'gate') return result.passed ? 'pass' : 'fail';
  return result.points;
}

const PLACED = new Set<Status>(['shortlisted', 'reserve', 'tied']);

/** The number a tie-breaker reads for the candidate, or null. */
function tieBreakerOf(c: RankedCandidate | undefined, tb: TieBreaker): number | null {
  const result = c?.criteria[tb.criterion];
  const value = tb.metric === 'points' ? result?.points : result?.metrics[tb.metric];
  return typeof value === 'number' ? value : null;
}

/** Tie-breaker values that moved: they reorder equal totals without changing any verdict. */
function findTieBreakerCauses(
  a: RankedCandidate | undefined,
  b: RankedCandidate | undefined,
  breakers: TieBreaker[],
): Cause[] {
  const causes: Cause[] = [];
  const seen = new Set<string>();
  for (const tb of breakers) {
    const key = `${tb.criterion}.${tb.metric}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const before = tieBreakerOf(a, tb);
    const after = tieBreakerOf(b, tb);
    if (before !== after && tb.metric !== 'points') causes.push({ criterion: key, before, after });
  }
  return causes;
}

/** The criteria whose verdict moved, then the settings that explain a move on their own. */
export function findCauses(
  a: RankedCandidate | undefined,
  b: RankedCandidate | undefined,
  context: CauseContext,
): Cause[] {
  const { order, settings, breakers } = context;
  const causes: Cause[] = [];
  for (const id of order) {
    const before = verdictOf(a?.criteria[id]);
    const after = verdictOf(b?.criteria[id]);
    if (before !== after) causes.push({ criterion: id, before, after });
  }
  causes.push(...findTieBreakerCauses(a, b, breakers));
  const byThreshold = (c: RankedCandidate | undefined) =>
    c?.reasons.some((r) => r.criterion === 'threshold') ?? false;
  const threshold = settings.find((s) => s.parameter === 'shortlist_threshold');
  if (threshold && byThreshold(a) !== byThreshold(b))
    causes.push({ criterion: threshold.parameter, before: threshold.before, after: threshold.after });
  const cut = settings.find((s) => s.parameter === 'shortlist.max');
  const placedBoth = a && b && PLACED.has(a.status) && PLACED.has(b.status) && a.status !== b.status;
  if (cut && placedBoth) causes.push({ criterion: cut.parameter, before: cut.before, after: cut.after });
  return causes;
}
