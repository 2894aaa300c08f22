import { compareIds } from '../core/order.js';
import type { CriterionResult, EvaluationReport, RankedCandidate } from '../core/types.js';
import {
  type CriteriaVersion,
  getCachedEvaluation,
  getDossierDocumentOf,
  listAudit,
  listMembers,
} from '../store/index.js';
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
  // The content each candidate was ranked on: an export reads its full results and its dossier by
  // these hashes, so a concurrent ingest cannot pair this ranking with newer explanations.
  const ranked = new Map(scored.evaluations.map((e) => [e.id, e.dossierHash]));
  const unrankedHashes = new Map(scored.invalid.map((d) => [d.id, d.hash]));
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
    resultsOf: storedResults(session, version, result, ranked),
    dossierOf: (id) => {
      const hash = ranked.get(id);
      if (hash !== undefined) return getDossierDocumentOf(session.store, id, hash);
      // Not ranked: a dossier the engine threw on still has its content (an unreadable one has none).
      const unranked = unrankedHashes.get(id);
      return unranked === undefined
        ? null
        : getDossierDocumentOf(session.store, id, unranked, { history: false });
    },
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
  ranked: ReadonlyMap<string, string>,
): (candidate: RankedCandidate) => Record<string, CriterionResult> {
  return (candidate) => {
    const hash = ranked.get(candidate.id);
    if (candidate.status === 'invalid' || hash === undefined) return candidate.criteria;
    const full = getCachedEvaluation(session.store, version.version, session.contextHash, candidate.id, hash);
    return full ? result.consolidate(full).criteria : candidate.criteria;
  };
}
