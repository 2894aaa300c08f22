import type { CandidateEvaluation, RankedCandidate, Status } from '../core/types.js';
import { applyAssignments, type Scenario } from './scenario.js';
import { evaluateScenario, rankScenario, type SimulationInput } from './simulate.js';
import {
  assignmentFor,
  type Blocker,
  listThresholdOptions,
  type ThresholdOption,
} from './threshold-options.js';

/** Where the candidate would stand with one change. */
export interface Outcome {
  status: Status;
  rank: number | null;
  total: number | null;
  /** Criteria (or `threshold`) that would still reject it. */
  reasons: string[];
}

/** The result of searching one parameter. */
export interface Attempt {
  parameter: string;
  from: number;
  /** The value found: the one that shortlists, else the first that clears the candidate's own obstacle; null if none does. */
  to: number | null;
  /** |to − from| / from. */
  relative: number | null;
  works: boolean;
  outcome: Outcome | null;
}

export interface ClosestAnswer {
  candidate: string;
  status: Status;
  /** False for a candidate already shortlisted, tied at the cut, pending or invalid. */
  applicable: boolean;
  /** The working change with the smallest relative size, or null when no single change works. */
  best: Attempt | null;
  attempts: Attempt[];
  /** Failed gates no threshold can fix (deadline, documents, an override…). */
  blockers: Blocker[];
  /** The cut in force, for "rank 11 (cut at 8)". */
  cut: number;
}

const outcomeOf = (c: RankedCandidate): Outcome => ({
  status: c.status,
  rank: c.rank,
  total: c.total,
  reasons: [...new Set(c.reasons.map((r) => r.criterion))],
});

/** The candidate got past what the option relaxes: its gate passes, or it is no longer rejected. */
function cleared(option: ThresholdOption, c: RankedCandidate): boolean {
  if (option.criterion !== null) return c.criteria[option.criterion]?.passed === true;
  return c.status !== 'rejected';
}

/** Tries the option's values in order, re-ranking every candidate each time: a change can let others in too. */
function searchOption(
  input: SimulationInput,
  scenario: Scenario,
  base: CandidateEvaluation[],
  option: ThresholdOption,
  id: string,
): Attempt {
  const attempt = (to: number | null, works: boolean, outcome: Outcome | null): Attempt => ({
    parameter: option.parameter,
    from: option.current,
    to,
    relative:
      to === null || option.current === 0 ? null : Math.abs(to - option.current) / Math.abs(option.current),
    works,
    outcome,
  });
  let fallback: Attempt | null = null;
  for (const value of option.values) {
    const trial = applyAssignments(scenario, [assignmentFor(option, value)]);
    // Only a gate's parameter changes verdicts; the threshold and the cut only change the ranking.
    const evaluations = option.criterion === null ? base : evaluateScenario(input, trial);
    const me = rankScenario(input, evaluations, trial).candidates.find((c) => c.id === id);
    if (!me) break;
    if (me.status === 'shortlisted') return attempt(value, true, outcomeOf(me));
    if (fallback === null && cleared(option, me)) fallback = attempt(value, false, outcomeOf(me));
  }
  return fallback ?? attempt(null, false, null);
}

/**
 * For a rejected or reserve candidate, the smallest single relaxation of one published threshold
 * that would have shortlisted it, every other parameter unchanged, checked by re-ranking every
 * candidate; `best` is null when no single change would. Pure.
 */
export function findClosestChange(input: SimulationInput, scenario: Scenario, id: string): ClosestAnswer {
  const base = evaluateScenario(input, scenario);
  const current = rankScenario(input, base, scenario);
  const candidate = current.candidates.find((c) => c.id === id);
  if (!candidate) throw new Error(`candidate ${id} is not among the simulated candidates`);
  const answer: ClosestAnswer = {
    candidate: id,
    status: candidate.status,
    applicable: candidate.status === 'rejected' || candidate.status === 'reserve',
    best: null,
    attempts: [],
    blockers: [],
    cut: scenario.tender.shortlist.max,
  };
  if (!answer.applicable) return answer;
  const qualified = current.candidates.filter((c) => c.rank !== null).length;
  const { options, blockers } = listThresholdOptions(candidate, scenario, qualified);
  answer.blockers = blockers;
  answer.attempts = options.map((option) => searchOption(input, scenario, base, option, id));
  const working = answer.attempts.filter((a) => a.works);
  answer.best = working.reduce<Attempt | null>(
    (best, a) => (best === null || (a.relative ?? Infinity) < (best.relative ?? Infinity) ? a : best),
    null,
  );
  return answer;
}
