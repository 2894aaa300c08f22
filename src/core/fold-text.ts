/**
 * The comparison form of a name: two spellings a person would read as the same name fold alike.
 */

const LIGATURES: Record<string, string> = {
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
 * name can be spelled with unnoticed. A name wholly in Cyrillic or Greek folds the same way on
 * both sides of a comparison, so it still matches itself.
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
  // Latin letters drawn like others
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/**
 * The words of `text`, lowercased, without accents or punctuation. Invisible format characters
 * (a soft hyphen, zero-width joiners, bidi marks) are dropped rather than taken for punctuation:
 * `Part\u00adners` would otherwise be two words. Compatibility forms (full-width letters,
 * ligatures such as ﬁ, mathematical bold letters) are folded, and look-alike letters of other
 * scripts become the Latin letter they pass for (LOOK_ALIKES).
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
      .replace(/[ßæœøđłıþ]/g, (ch) => LIGATURES[ch] ?? ch)
      .replace(LOOK_ALIKE, (ch) => LOOK_ALIKES[ch] ?? ch)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '')
  );
}
