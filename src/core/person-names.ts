import { foldWords } from './fold-text.js';

/*
 * Committee members are named by their full name, compared exactly: a score, a declaration and a
 * vote belong to the member whose name is written the same. Two spellings of one name
 * ("Helene Marchand", "Hélène Marchand") would otherwise be two members, the second one a voter
 * whose missing scores hold every manual criterion pending, so the variants are refused and
 * named wherever a name is looked up.
 */

/** The form every spelling of one name shares: case, accents, spacing and punctuation aside. */
export function personNameKey(name: string): string {
  return foldWords(name).join(' ');
}

/** The name among `names` that `name` is another spelling of, if any (never `name` itself). */
export function otherSpelling(name: string, names: Iterable<string>): string | undefined {
  const key = personNameKey(name);
  if (key === '') return undefined;
  for (const candidate of names) if (candidate !== name && personNameKey(candidate) === key) return candidate;
  return undefined;
}

/** ` (did you mean "Hélène Marchand"?)` when `name` is another spelling of one of `names`, else ''. */
export function didYouMean(name: string, names: Iterable<string>): string {
  const match = otherSpelling(name, names);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}
