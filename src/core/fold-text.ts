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
 * The words of `text`, lowercased, without accents or punctuation. Invisible format characters
 * (a soft hyphen, zero-width joiners, bidi marks) are dropped rather than taken for punctuation,
 * and compatibility forms (full-width letters, ligatures such as ﬁ) are folded: `Part\u00adners`
 * would otherwise be two words.
 */
export function foldWords(text: string): string[] {
  return text
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđłıþ]/g, (ch) => LIGATURES[ch] ?? ch)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}
