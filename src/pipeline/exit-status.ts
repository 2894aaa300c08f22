import type { Shortlist } from '../core/types.js';
import { EXIT, ExitError } from '../errors.js';

/**
 * SPEC §7: 3 when the shortlist is not final (an undecided tie at the cut, pending manual scores,
 * or, with --strict, an invalid dossier). Throws the ExitError that main.ts turns into the code.
 */
export function assertFinal(shortlist: Shortlist, options: { strict?: boolean }): void {
  const reasons: string[] = [];
  if (shortlist.ties.some((t) => t.at_cut && !t.decision))
    reasons.push('a tie at the cut awaits the committee’s decision');
  if (shortlist.candidates.some((c) => c.status === 'pending')) reasons.push('manual scores are pending');
  if (options.strict && shortlist.candidates.some((c) => c.status === 'invalid'))
    reasons.push('some dossiers are invalid (--strict)');
  if (reasons.length > 0) throw new ExitError(EXIT.notFinal, `shortlist not final: ${reasons.join('; ')}`);
}
