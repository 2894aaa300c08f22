import { compareIds } from '../core/order.js';
import { didYouMean } from '../core/person-names.js';
import type { CriteriaSet, Criterion, Dossier, Rule } from '../core/types.js';
import { loadCommitteeView } from '../pipeline/committee-view.js';
import type { Session } from '../pipeline/session.js';
import { listActiveDossiers, listScores } from '../store/index.js';

/** A criterion the evaluators score by judgement (`rule.type: manual`). */
export type ManualCriterion = Criterion & { rule: Extract<Rule, { type: 'manual' }> };

/** A candidate an evaluator can score: a valid, active dossier. */
export interface ScorableCandidate {
  id: string;
  dossier: Dossier;
}

/** One (candidate, criterion) pair, with the evaluator's current score when there is one. */
export interface ScoringItem {
  candidate: ScorableCandidate;
  criterion: ManualCriterion;
  current: { points: number; comment: string } | null;
}

/** The manual criteria of a set, in their order. */
export function listManualCriteria(criteria: CriteriaSet): ManualCriterion[] {
  return criteria.criteria.filter((c): c is ManualCriterion => c.rule.type === 'manual');
}

/** Valid active dossiers, by id: the same candidates the score checks accept. */
export function listScorableCandidates(session: Session): ScorableCandidate[] {
  return listActiveDossiers(session.store)
    .flatMap((d) => (d.status === 'valid' && d.dossier ? [{ id: d.id, dossier: d.dossier }] : []))
    .sort((a, b) => compareIds(a.id, b.id));
}

/** Why someone may not score; `undeclared` alone can still be fixed before their scores are recorded. */
export interface ScoringRefusal {
  reason: string;
  undeclared: boolean;
}

/**
 * Why this person may not score, or null when they may. Mirrors the row checks of
 * `checkScoreRows` so a refusal comes before any work is typed, with the same reason.
 */
export function findScoringRefusal(session: Session, evaluator: string): ScoringRefusal | null {
  const refuse = (reason: string, undeclared = false) => ({ reason, undeclared });
  const { members } = loadCommitteeView(session);
  if (!evaluator.trim()) return refuse('an evaluator name is required');
  if (members.size === 0) return null;
  const member = members.get(evaluator);
  if (!member)
    return refuse(
      `"${evaluator}" is not a registered committee member${didYouMean(evaluator, members.keys())} (prequal committee add)`,
    );
  if (member.role !== 'evaluator')
    return refuse(`"${evaluator}" is the ${member.role} of the committee and does not vote`);
  if (member.declaredAt === null) {
    return refuse(
      `"${evaluator}" has not recorded a declaration of impartiality and confidentiality (prequal committee declare "${evaluator}")`,
      true,
    );
  }
  return null;
}

/**
 * Every candidate × manual criterion, candidate by candidate, with the evaluator's current
 * score: the score sheet's rows, and (filtered on `current === null`) what is left to score.
 */
export function listScoringItems(session: Session, evaluator: string, criteria: CriteriaSet): ScoringItem[] {
  const given = new Map(
    listScores(session.store)
      .filter((s) => s.evaluator === evaluator)
      .map((s) => [`${s.candidate}\u0000${s.criterion}`, { points: s.points, comment: s.comment }]),
  );
  const manual = listManualCriteria(criteria);
  return listScorableCandidates(session).flatMap((candidate) =>
    manual.map((criterion) => ({
      candidate,
      criterion,
      current: given.get(`${candidate.id}\u0000${criterion.id}`) ?? null,
    })),
  );
}
