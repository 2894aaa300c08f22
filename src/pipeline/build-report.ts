import { compareIds } from '../core/order.js';
import type { CriterionResult, EvaluationReport, RankedCandidate } from '../core/types.js';
import { UserError } from '../errors.js';
import { EXCEL_CELL_LIMIT } from '../export/text-safety.js';
import { type CriteriaVersion, getCachedEvaluation, listAuditLines, listMembers } from '../store/index.js';
import { TOOL_VERSION, toolBuild } from '../version.js';
import type { ShortlistResult } from './build-shortlist.js';
import type { ScoreResult } from './score-candidates.js';
import type { Session } from './session.js';

/** Gathers everything the exporters format; they read nothing else. */
export function buildReport(
  session: Session,
  version: CriteriaVersion,
  scored: ScoreResult,
  result: ShortlistResult,
  extra: { sanctionsListVersion?: string | null } = {},
): EvaluationReport {
  const dossiers = [
    ...scored.evaluations.map((e) => ({ id: e.id, hash: e.dossierHash })),
    ...scored.invalid.map((d) => ({ id: d.id, hash: d.hash })),
  ];
  const sources = new Map(scored.invalid.map((d) => [d.id, d.sourcePath]));
  return {
    toolVersion: TOOL_VERSION,
    toolBuild: toolBuild(),
    runAt: session.at,
    tender: session.tender,
    tenderHash: session.tenderHash,
    criteria: version.criteria,
    criteriaVersion: version.version,
    criteriaHash: version.hash,
    shortlist: result.shortlist,
    dossiers: dossiers
      .map((d) => ({ ...d, sourcePath: sources.get(d.id) ?? scored.sourcePaths.get(d.id) ?? '' }))
      .sort((a, b) => compareIds(a.id, b.id)),
    // Read by the content each candidate was ranked on, so a concurrent ingest cannot pair this
    // ranking with newer explanations.
    ...storedResults(session, version, result),
    dossierOf: result.content.dossierOf,
    scores: result.scores,
    overrides: result.overrides,
    decisions: result.decisions,
    // A cell shows at most EXCEL_CELL_LIMIT characters; twice as many are read, so that the cut
    // falls where it did on the whole text unless cleaning the cell removes half of them (a text
    // cut here ends with `…` either way).
    audit: listAuditLines(session.store, 2 * EXCEL_CELL_LIMIT),
    committee: listMembers(session.store).map((m) => ({
      name: m.name,
      role: m.role,
      declaredAt: m.declaredAt,
    })),
    sanctionsListVersion: extra.sanctionsListVersion ?? result.sanctionsListVersion,
    sanctionsListHash: result.sanctionsListHash,
  };
}

/**
 * Reads one candidate's full evaluation from the store when an export reaches it, and consolidates
 * it as its ranked summary was (same committee record, same sanctions list). Also gives the
 * report's releaseSummaries.
 */
function storedResults(
  session: Session,
  version: CriteriaVersion,
  result: ShortlistResult,
): Pick<EvaluationReport, 'resultsOf' | 'releaseSummaries' | 'isSummaryReleased'> {
  const released = new WeakSet<RankedCandidate>();
  const resultsOf = (candidate: RankedCandidate): Record<string, CriterionResult> => {
    const hash = result.content.hashOf(candidate.id);
    if (candidate.status === 'invalid' || hash === undefined) return candidate.criteria;
    const full = getCachedEvaluation(session.store, version.version, session.contextHash, candidate.id, hash);
    if (full) return result.consolidate(full).criteria;
    // Only a store changed under this command (its cache rows pruned) lacks them.
    if (released.has(candidate))
      throw new UserError(`the stored evaluation of ${candidate.id} is gone; run the command again`);
    return candidate.criteria;
  };
  // What a released candidate inherits: its `criteria`, read when asked. A getter defined on each
  // candidate instead turned every one into a slow, dictionary-mode object with a closure of its
  // own (~0.85 KB a candidate: 85 MB at 100,000, more than some summaries it replaced).
  const releasedPrototype = Object.freeze(
    Object.create(Object.prototype, {
      criteria: {
        get(this: RankedCandidate) {
          return resultsOf(this);
        },
        enumerable: false,
      },
    }),
  );
  const releaseSummaries = (candidates: RankedCandidate[]) => {
    const scored = new Set(result.scores.map((score) => score.candidate));
    candidates.forEach((candidate, index) => {
      if (released.has(candidate) || scored.has(candidate.id) || !isReleasable(candidate, result)) return;
      // Every field but the summary, set in the same order on each: one shape for them all. A
      // ranked candidate is a plain object (core/rank.ts): its own enumerable fields are all it has.
      const copy = Object.create(releasedPrototype) as Record<string, unknown>;
      for (const [key, value] of Object.entries(candidate)) if (key !== 'criteria') copy[key] = value;
      const releasedCandidate = copy as unknown as RankedCandidate;
      released.add(releasedCandidate);
      candidates[index] = releasedCandidate;
    });
  };
  return { resultsOf, releaseSummaries, isSummaryReleased: (candidate) => released.has(candidate) };
}

/**
 * Whether a candidate's ranked summary may be released (besides having no manual score): an export
 * that reads it other than through the full results is one of the report's small tables (pending
 * candidates, overrides, manual scores, sanctions matches to review, ties broken among ranked
 * candidates), whose candidates keep theirs, so that no table reads the store once per row.
 */
function isReleasable(candidate: RankedCandidate, result: ShortlistResult): boolean {
  // A ranked candidate's tie-breaker values are read by the tie explanations of the report and letters.
  if (candidate.status === 'invalid' || candidate.status === 'pending' || candidate.rank !== null)
    return false;
  if (result.content.hashOf(candidate.id) === undefined) return false;
  for (const id in candidate.criteria) {
    const criterion = candidate.criteria[id] as CriterionResult;
    if (criterion.override || criterion.pending || criterion.flags?.length) return false;
  }
  return true;
}
