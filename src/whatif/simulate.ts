import { consolidateAll } from '../core/consolidate-all.js';
import { type DossierInput, evaluateDossier } from '../core/evaluate.js';
import { type InvalidCandidate, rankCandidates } from '../core/rank.js';
import type { SanctionsList } from '../core/sanctions.js';
import type { CandidateEvaluation, ManualScore, Override, Shortlist, TieDecision } from '../core/types.js';
import type { Scenario } from './scenario.js';

/**
 * Everything a shortlist is computed from besides the criteria and the tender, read once from
 * the store so any number of scenarios can be evaluated without touching it.
 */
export interface SimulationInput {
  /** Valid active dossiers. */
  dossiers: DossierInput[];
  /** Active dossiers that could not be read: they stay invalid whatever the scenario. */
  invalid: InvalidCandidate[];
  scores: ManualScore[];
  /** Registered voting evaluators. */
  voters: string[];
  overrides: Override[];
  decisions: TieDecision[];
  /** The sanctions list tender.yaml names, screened exactly as in a real run. */
  sanctions: SanctionsList | null;
}

/**
 * Evaluates every dossier against the scenario's criteria and adds the committee's scores and
 * overrides, as `buildShortlist` does for stored evaluations. Pure.
 */
export function evaluateScenario(input: SimulationInput, scenario: Scenario): CandidateEvaluation[] {
  const evaluations = input.dossiers.map((dossier) =>
    evaluateDossier(dossier, scenario.criteria, scenario.tender),
  );
  const byId = new Map(input.dossiers.map((d) => [d.id, d.dossier]));
  const screening = input.sanctions
    ? { list: input.sanctions, dossierOf: (id: string) => byId.get(id) }
    : null;
  return consolidateAll(evaluations, input, scenario.criteria, screening);
}

/** Ranks evaluations already computed for this scenario (changing only the threshold or the cut needs no re-evaluation). */
export function rankScenario(
  input: SimulationInput,
  evaluations: CandidateEvaluation[],
  scenario: Scenario,
): Shortlist {
  return rankCandidates(
    { evaluations, invalid: input.invalid, decisions: input.decisions },
    scenario.criteria,
    scenario.tender,
  );
}

/** The shortlist the scenario would give. Pure: nothing is stored. */
export function simulateShortlist(input: SimulationInput, scenario: Scenario): Shortlist {
  return rankScenario(input, evaluateScenario(input, scenario), scenario);
}
