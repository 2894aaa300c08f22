import { consolidateCandidate } from '../core/consolidate.js';
import { type DossierInput, evaluateDossier } from '../core/evaluate.js';
import { type InvalidCandidate, rankCandidates } from '../core/rank.js';
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
}

/**
 * Evaluates every dossier against the scenario's criteria and adds the committee's scores and
 * overrides, as `buildShortlist` does for stored evaluations. Pure.
 */
export function evaluateScenario(input: SimulationInput, scenario: Scenario): CandidateEvaluation[] {
  return input.dossiers.map((dossier) => {
    const evaluation = evaluateDossier(dossier, scenario.criteria, scenario.tender);
    const committee = {
      scores: input.scores.filter((s) => s.candidate === dossier.id),
      voters: input.voters,
      overrides: input.overrides.filter((o) => o.candidate === dossier.id),
    };
    return consolidateCandidate(evaluation, committee, scenario.criteria);
  });
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
