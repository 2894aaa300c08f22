import { compareIds } from '../core/order.js';
import type { CriterionResult, EvaluationReport, RankedCandidate } from '../core/types.js';
import { type CriteriaVersion, getCachedEvaluation, listAudit, listMembers } from '../store/index.js';
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
    resultsOf: storedResults(session, version, result),
    dossierOf: result.content.dossierOf,
    scores: result.scores,
    overrides: result.overrides,
    decisions: result.decisions,
    audit: listAudit(session.store),
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
 * it as its ranked summary was (same committee record, same sanctions list).
 */
function storedResults(
  session: Session,
  version: CriteriaVersion,
  result: ShortlistResult,
): (candidate: RankedCandidate) => Record<string, CriterionResult> {
  return (candidate) => {
    const hash = result.content.hashOf(candidate.id);
    if (candidate.status === 'invalid' || hash === undefined) return candidate.criteria;
    const full = getCachedEvaluation(session.store, version.version, session.contextHash, candidate.id, hash);
    return full ? result.consolidate(full).criteria : candidate.criteria;
  };
}
