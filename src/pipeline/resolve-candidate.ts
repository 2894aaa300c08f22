import { UserError } from '../errors.js';

/**
 * The candidate a user meant: the exact id, or the one id that starts with what was typed
 * (`c09` for `c09-themis-afrique`). Anything else is a usage error naming the candidates that
 * come closest, never a silent guess.
 */
export function resolveCandidateId(given: string, known: readonly string[]): string {
  if (known.includes(given)) return given;
  if (given === '') throw new UserError('unknown candidate "" (give a candidate id)');
  const prefixed = known.filter((id) => id.startsWith(given));
  if (prefixed.length === 1 && given.length > 0) return prefixed[0] as string;
  const sorted = [...known].sort();
  if (prefixed.length > 1) {
    throw new UserError(`"${given}" matches several candidates: ${listSome(prefixed.sort())}`);
  }
  const near = sorted.filter((id) => id.includes(given) || given.includes(id.split('-')[0] ?? id));
  const hint =
    near.length > 0 ? `did you mean ${near.slice(0, 5).join(', ')}?` : `known: ${listSome(sorted)}`;
  throw new UserError(`unknown candidate "${given}" (${hint})`);
}

/** Ids named in one error line: a tender of 3,000 candidates made a 70 KB line of them. */
const LISTED = 10;

function listSome(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED).join(', ');
  return ids.length > LISTED ? `${shown} … and ${ids.length - LISTED} more` : shown;
}
