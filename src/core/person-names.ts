import { foldWords, mixesScripts, readLookAlikes } from './fold-text.js';

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

/**
 * True when `a` and `b` are spellings of one name: the same key, or the same once look-alike
 * letters of another script are read as Latin, when one of them mixes scripts within a word
 * (`Hélène Mаrchand` with a Cyrillic а). Two names each in one script stay apart even when they
 * look alike: `Асель Үсенова` and `Асель Усенова` are two people.
 */
export function sameName(a: string, b: string): boolean {
  const [wordsA, wordsB] = [foldWords(a), foldWords(b)];
  if (wordsA.join(' ') === wordsB.join(' ')) return true;
  if (!mixesScripts(wordsA) && !mixesScripts(wordsB)) return false;
  return readLookAlikes(wordsA).join(' ') === readLookAlikes(wordsB).join(' ');
}

/** The name among `names` that `name` is another spelling of, if any (never `name` itself). */
export function otherSpelling(name: string, names: Iterable<string>): string | undefined {
  if (personNameKey(name) === '') return undefined;
  for (const candidate of names) if (candidate !== name && sameName(name, candidate)) return candidate;
  return undefined;
}

/** ` (did you mean "Hélène Marchand"?)` when `name` is another spelling of one of `names`, else ''. */
export function didYouMean(name: string, names: Iterable<string>): string {
  const match = otherSpelling(name, names);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}
