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

  it('names ten candidates at most, so the error stays one readable line at 3,000 candidates', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => `c${String(i + 1).padStart(4, '0')}-bureau`);
    expect(() => resolveCandidateId('zzz', many)).toThrow(
      'unknown candidate "zzz" (known: c0001-bureau, c0002-bureau, c0003-bureau, c0004-bureau, c0005-bureau, ' +
        'c0006-bureau, c0007-bureau, c0008-bureau, c0009-bureau, c0010-bureau … and 2990 more)',
    );
    expect(() => resolveCandidateId('c1', many)).toThrow(
      /^"c1" matches several candidates: c1000-bureau, (c\d{4}-bureau, ){8}c1009-bureau … and 990 more$/,
    );
  });
});
