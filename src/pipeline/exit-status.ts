import type { RankedCandidate, Shortlist } from '../core/types.js';
import { EXIT, ExitError } from '../errors.js';

/** What decides the exit status of a command that ranks, kept apart so a run snapshot can store it. */
export interface Finality {
  /** A tie at the cut awaits the committee's decision. */
  tieAwaiting: boolean;
  /** Some manual scores are pending. */
  pending: boolean;
  /** A sanctions near match awaits the secretary's review (optional: older snapshots lack it). */
  sanctionsReview?: boolean;
  /** Some dossiers are invalid (matters only with --strict). */
  invalid: boolean;
}

/** The facts of `shortlist` that assertFinality looks at. */
export function finalityOf(shortlist: Shortlist): Finality {
  const pending = shortlist.candidates.filter((c) => c.status === 'pending');
  // A candidate may wait on the sanctions screening, on manual scores, or on both: each is said.
  const waitsOnScores = (c: RankedCandidate) =>
    Object.entries(c.criteria).some(([id, result]) => id !== SANCTIONS && result.pending === true) ||
    c.criteria[SANCTIONS]?.pending !== true;
  return {
    tieAwaiting: shortlist.ties.some((t) => t.at_cut && !t.decision),
    pending: pending.some(waitsOnScores),
    sanctionsReview: pending.some((c) => c.criteria[SANCTIONS]?.pending === true),
    invalid: shortlist.candidates.some((c) => c.status === 'invalid'),
  };
}

/** Id of the screening gate a sanctions list adds to every candidate's results. */
const SANCTIONS = 'sanctions';

/**
 * SPEC §7: 3 when the shortlist is not final (an undecided tie at the cut, pending manual scores,
 * a sanctions near match awaiting review, or, with --strict, an invalid dossier), on the facts
 * finalityOf drew from it (or a run snapshot stored). Throws the ExitError that main.ts turns into the code.
 */
export function assertFinality(facts: Finality, options: { strict?: boolean }): void {
  const reasons: string[] = [];
  if (facts.tieAwaiting) reasons.push('a tie at the cut awaits the committee’s decision');
  if (facts.pending) reasons.push('manual scores are pending');
  if (facts.sanctionsReview) reasons.push('a sanctions near match awaits the secretary’s review');
  if (options.strict && facts.invalid) reasons.push('some dossiers are invalid (--strict)');
  if (reasons.length > 0) throw new ExitError(EXIT.notFinal, `shortlist not final: ${reasons.join('; ')}`);
}
