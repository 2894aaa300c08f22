import { awaitingLine } from './awaiting-lines.js';
import { consolidateCandidate } from './consolidate.js';
import { entitiesOf } from './entities.js';
import { judgeSanctions, type SanctionsList, screenEntities } from './sanctions.js';
import { bi } from './text.js';
import type { CandidateEvaluation, CriteriaSet, Dossier, ManualScore, Override } from './types.js';

/** The committee's work that turns automatic evaluations into final ones. */
export interface CommitteeRecord {
  scores: ManualScore[];
  /** Registered voting evaluators; empty when none is registered. */
  voters: string[];
  overrides: Override[];
}

/** A sanctions list to screen every entity against, with the dossiers that name the entities. */
export interface Screening {
  list: SanctionsList;
  dossierOf: (id: string) => Dossier | null | undefined;
}

/**
 * Final evaluations: the sanctions gate (when a list is given), then the committee's scores and
 * overrides. The one path used by the real run and by what-if simulations, so they cannot drift.
 */
export function consolidateAll(
  evaluations: readonly CandidateEvaluation[],
  record: CommitteeRecord,
  criteria: CriteriaSet,
  screening: Screening | null,
): CandidateEvaluation[] {
  return evaluations.map(consolidator(record, criteria, screening));
}

/**
 * consolidateAll for one evaluation at a time, with the committee's record grouped once: what an
 * export uses to finish the full evaluation of each candidate as it reaches it.
 */
export function consolidator(
  record: CommitteeRecord,
  criteria: CriteriaSet,
  screening: Screening | null,
): (ev: CandidateEvaluation) => CandidateEvaluation {
  const scoresOf = groupByCandidate(record.scores);
  const overridesOf = groupByCandidate(record.overrides);
  return (ev) => {
    const dossier = screening?.dossierOf(ev.id);
    const screened = screening && dossier ? applySanctionsGate(ev, dossier, screening.list) : ev;
    return consolidateCandidate(
      screened,
      { scores: scoresOf.get(ev.id) ?? [], voters: record.voters, overrides: overridesOf.get(ev.id) ?? [] },
      criteria,
    );
  };
}

/**
 * Adds the `sanctions` gate: an exact match rejects; a near match leaves the candidate pending for
 * review until the secretary overrides the gate (SPEC §5).
 */
export function applySanctionsGate(
  ev: CandidateEvaluation,
  dossier: Dossier,
  list: SanctionsList,
): CandidateEvaluation {
  const entities = entitiesOf(dossier).map((e) => ({ entity: e.index, name: e.name }));
  const verdict = judgeSanctions(screenEntities(entities, list), list, entities.length);
  if (verdict.flags?.includes('review') && verdict.passed) {
    verdict.pending = true;
    verdict.explanation = [
      ...verdict.explanation,
      awaitingLine(
        bi(
          'en attente : le secrétariat doit confirmer ou écarter la correspondance (prequal override --criterion sanctions)',
          'pending: the secretary must confirm or dismiss the match (prequal override --criterion sanctions)',
        ),
      ),
    ];
  }
  return { ...ev, criteria: { ...ev.criteria, sanctions: verdict } };
}

function groupByCandidate<T extends { candidate: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.candidate);
    if (group) group.push(item);
    else groups.set(item.candidate, [item]);
  }
  return groups;
}
