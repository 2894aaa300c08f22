import type { CommitteeView } from '../committee/score-rows.js';
import { listActiveDossierHeads, listMembers } from '../store/index.js';
import type { Session } from './session.js';

/** Who may score and what can be scored, as the score checks need it. */
export function loadCommitteeView(session: Session): CommitteeView {
  const members = new Map(
    listMembers(session.store).map((m) => [m.name, { role: m.role, declared: m.declaredAt !== null }]),
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
