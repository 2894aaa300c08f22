/**
 * The comparison form of a name: two spellings a person would read as the same name fold alike.
 */

const LIGATURES: Record<string, string> = {
  // Latin letters drawn like others, read as them whatever the name: no script is mixed.
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/**
 * Cyrillic and Greek letters (lowercased) that are drawn like a Latin letter, and the letter:
 * `Аl Ѕhаbааb` typed with four Cyrillic letters reads as the listed name but, compared letter by
 * letter, is not even a near match. A subset of Unicode's confusables (UTS #39), the letters a
 * name can be spelled with unnoticed. Reading them as Latin also makes genuinely different names
 * alike: a Russian firm `ТОР` (Tor) and a `Top SARL`, or Kazakh `Үсенова` and `Усенова` (two
 * letters of one alphabet). So callers hold such a likeness for a sure one only when a word mixes
 * scripts (mixesScripts), which no genuine name does.
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ѵ: 'v',
  ү: 'y',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ζ: 'z',
  η: 'h',
  ι: 'i',
  κ: 'k',
  μ: 'm',
  ν: 'n',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'y',
  χ: 'x',
  ϲ: 'c',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/**
 * The words of `text`, lowercased, without accents or punctuation. Invisible format characters
 * (a soft hyphen, zero-width joiners, bidi marks) are dropped rather than taken for punctuation:
 * `Part\u00adners` would otherwise be two words. Compatibility forms (full-width letters,
 * ligatures such as ﬁ, mathematical bold letters) are folded. Look-alike letters of other scripts
 * are kept: see readLookAlikes.
 */
export function foldWords(text: string): string[] {
  return (
    text
      .replace(/\p{Cf}/gu, '')
      .toLowerCase()
      .normalize('NFKD')
      // Again: a compatibility form may stand for a capital that has no lowercase form of its own
      // (mathematical bold 𝐒 and squared 🅂 both decompose to S).
      .toLowerCase()
      .replace(/\p{M}/gu, '')
      .replace(/[ɑɡɩßæœøđłıþ]/g, (ch) => LIGATURES[ch] ?? ch)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '')
  );
}

/** Folded words with the look-alike letters of other scripts read as the Latin letter they pass for (LOOK_ALIKES). */
export function readLookAlikes(words: readonly string[]): string[] {
  return words.map((word) => word.replace(LOOK_ALIKE, (ch) => LOOK_ALIKES[ch] ?? ch));
}

/**
 * True when a folded word mixes Latin letters with Cyrillic or Greek ones (`Sаhel` with a
 * Cyrillic а): how a name is disguised, never how one is written. A name wholly in one script
 * that only looks like another name may be a different name.
 */
export function mixesScripts(words: readonly string[]): boolean {
  return words.some((word) => LATIN.test(word) && OTHER_SCRIPT.test(word));
}

const LATIN = /\p{Script=Latin}/u;
const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
