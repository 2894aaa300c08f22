import { consolidator } from '../core/consolidate-all.js';
import { rankCandidates } from '../core/rank.js';
import type { CandidateEvaluation, ManualScore, Override, Shortlist, TieDecision } from '../core/types.js';
import type { CriteriaVersion } from '../store/index.js';
import { loadCommitteeRecord, toInvalidCandidate } from './committee-view.js';
import { type ScoredContent, type ScoreResult, scoredContent } from './score-candidates.js';
import { readSanctionsList } from './screen-sanctions.js';
import type { Session } from './session.js';

export interface ShortlistResult {
  shortlist: Shortlist;
  scores: ManualScore[];
  overrides: Override[];
  decisions: TieDecision[];
  /** Version of the sanctions list screened against, when tender.yaml names one. */
  sanctionsListVersion: string | null;
  /** sha256 of the sanctions list file screened against, when tender.yaml names one. */
  sanctionsListHash: string | null;
  /** Turns a full cached evaluation into its final form, exactly as the ranked summaries were. */
  consolidate: (ev: CandidateEvaluation) => CandidateEvaluation;
  /** The dossiers as ranked: what consolidation screened, and what the exports read. */
  content: ScoredContent;
}

/** Adds the committee's scores, overrides and decisions to the evaluations, then ranks. */
export function buildShortlist(
  session: Session,
  version: CriteriaVersion,
  scored: ScoreResult,
): ShortlistResult {
  const { scores, voters, overrides, decisions } = loadCommitteeRecord(session);
  const screening = readSanctionsList(session);
  const sanctions = screening?.list ?? null;
  // Screened on the content each candidate is ranked on, here and when an export consolidates its
  // full results (build-report.ts): another process may have ingested or withdrawn it meanwhile.
  const content = scoredContent(session, scored);
  const consolidate = consolidator(
    { scores, voters, overrides },
    version.criteria,
    sanctions ? { list: sanctions, dossierOf: content.dossierOf } : null,
  );
  const evaluations = scored.evaluations.map(consolidate);
  const invalid = scored.invalid.map(toInvalidCandidate);
  const shortlist = rankCandidates({ evaluations, invalid, decisions }, version.criteria, session.tender);
  return {
    shortlist,
    scores,
    overrides,
    decisions,
    sanctionsListVersion: sanctions?.version ?? null,
    sanctionsListHash: screening?.hash ?? null,
    consolidate,
    content,
  };
}
