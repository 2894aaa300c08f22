import type { CommitteeView } from '../committee/score-rows.js';
import type { CommitteeRecord } from '../core/consolidate-all.js';
import type { InvalidCandidate } from '../core/rank.js';
import type { TieDecision } from '../core/types.js';
import {
  listActiveDossierHeads,
  listDecisions,
  listMembers,
  listOverrides,
  listScores,
  type StoredDossier,
} from '../store/index.js';
import type { Session } from './session.js';

/** Who may score and what can be scored, as the score checks need it. */
export function loadCommitteeView(session: Session): CommitteeView {
  const members = new Map(
    listMembers(session.store).map((m) => [m.name, { role: m.role, declaredAt: m.declaredAt }]),
  );
  // Every dossier present counts as a known candidate, invalid ones included: a score sheet written
  // before a dossier turned out unreadable must not be refused for that.
  const candidates = new Set(listActiveDossierHeads(session.store).map((d) => d.id));
  return { members, candidates };
}

/** Voting evaluators: registered members with the evaluator role (chair and secretary do not vote). */
export function loadVoters(session: Session): string[] {
  return listMembers(session.store)
    .filter((m) => m.role === 'evaluator')
    .map((m) => m.name);
}

/** The committee's recorded work a shortlist is built from: scores, voters, overrides and tie decisions. */
export function loadCommitteeRecord(session: Session): CommitteeRecord & { decisions: TieDecision[] } {
  return {
    scores: listScores(session.store),
    voters: loadVoters(session),
    overrides: listOverrides(session.store),
    decisions: listDecisions(session.store),
  };
}

/**
 * A stored dossier that could not be read, as ranking lists it: by the name its data or file
 * gives, else by its id.
 */
export function toInvalidCandidate(d: StoredDossier): InvalidCandidate {
  return {
    id: d.id,
    name: d.dossier?.candidate.name ?? d.candidateName ?? d.id,
    country: d.dossier?.candidate.country ?? '',
    errors: d.errors,
    warnings: d.warnings,
  };
}
