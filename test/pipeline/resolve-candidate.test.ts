import { describe, expect, it } from 'vitest';
import { resolveCandidateId } from '../../src/pipeline/resolve-candidate.js';

const KNOWN = ['c09-themis-afrique', 'c10-teranga-droits-formation', 'c11-atlantique-securite-conseil'];

describe('resolveCandidateId', () => {
  it.each([
    ['c09-themis-afrique', 'c09-themis-afrique'],
    ['c09', 'c09-themis-afrique'],
    ['c10-ter', 'c10-teranga-droits-formation'],
  ])('takes %s for %s', (given, expected) => {
    expect(resolveCandidateId(given, KNOWN)).toBe(expected);
  });

  it('refuses an ambiguous prefix, naming the candidates it matches', () => {
    expect(() => resolveCandidateId('c1', KNOWN)).toThrow(
      '"c1" matches several candidates: c10-teranga-droits-formation, c11-atlantique-securite-conseil',
    );
  });

  it('refuses an unknown id with a hint', () => {
    expect(() => resolveCandidateId('themis', KNOWN)).toThrow(
      'unknown candidate "themis" (did you mean c09-themis-afrique?)',
    );
    expect(() => resolveCandidateId('zzz', KNOWN)).toThrow(
      /unknown candidate "zzz" \(known: c09-themis-afrique, /,
    );
    expect(() => resolveCandidateId('', KNOWN)).toThrow(/unknown candidate ""/);
  });
});
