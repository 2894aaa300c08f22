import { consolidateCandidate } from '../core/consolidate.js';
import { rankCandidates } from '../core/rank.js';
import type { ManualScore, Override, Shortlist, TieDecision } from '../core/types.js';
import { type CriteriaVersion, listDecisions, listOverrides, listScores } from '../store/index.js';
import { loadVoters } from './committee-view.js';
import type { ScoreResult } from './score-candidates.js';
import { applySanctions, loadSanctionsList } from './screen-sanctions.js';
import type { Session } from './session.js';

export interface ShortlistResult {
  shortlist: Shortlist;
  scores: ManualScore[];
  overrides: Override[];
  decisions: TieDecision[];
  /** Version of the sanctions list screened against, when tender.yaml names one. */
  sanctionsListVersion: string | null;
}

/** Adds the committee's scores, overrides and decisions to the evaluations, then ranks. */
export function buildShortlist(
  session: Session,
  version: CriteriaVersion,
  scored: ScoreResult,
): ShortlistResult {
  const scores = listScores(session.store);
  const overrides = listOverrides(session.store);
  const decisions = listDecisions(session.store);
  const voters = loadVoters(session);
  const scoresOf = groupByCandidate(scores);
  const overridesOf = groupByCandidate(overrides);
  const sanctions = loadSanctionsList(session);
  const screened = sanctions
    ? scored.evaluations.map((ev) => {
        const dossier = scored.dossierData[ev.id];
        return dossier ? applySanctions(ev, dossier, sanctions) : ev;
      })
    : scored.evaluations;
  const evaluations = screened.map((ev) =>
    consolidateCandidate(
      ev,
      { scores: scoresOf.get(ev.id) ?? [], voters, overrides: overridesOf.get(ev.id) ?? [] },
      version.criteria,
    ),
  );
  const invalid = scored.invalid.map((d) => ({
    id: d.id,
    name: d.dossier?.candidate.name ?? d.id,
    country: d.dossier?.candidate.country ?? '',
    errors: d.errors,
    warnings: d.warnings,
  }));
  const shortlist = rankCandidates({ evaluations, invalid, decisions }, version.criteria, session.tender);
  return { shortlist, scores, overrides, decisions, sanctionsListVersion: sanctions?.version ?? null };
}

function groupByCandidate<T extends { candidate: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.candidate);
    if (group) group.push(item);
    else groups.set(item.candidate, [item]);
  }
  return groups;
}
