import { describe, expect, it } from 'vitest';
import { didYouMean, otherSpelling, personNameKey } from '../../src/core/person-names.js';

describe('personNameKey', () => {
  it('folds case, accents, spacing, punctuation and invisible characters', () => {
    const key = personNameKey('Hélène Marchand');
    for (const variant of [
      'Helene Marchand',
      'hélène  MARCHAND',
      ' Hélène-Marchand ',
      'He\u0301le\u0300ne Marchand',
      'Hé\u00adlène Marchand',
      // A Cyrillic а and е, drawn like the Latin letters.
      'H\u00e9l\u00e8ne M\u0430rch\u0430nd',
      'H\u0435l\u0435ne Marchand',
    ])
      expect(personNameKey(variant)).toBe(key);
    expect(personNameKey('Hélène Marchant')).not.toBe(key);
    expect(personNameKey('Mamadou Lamine Sow')).not.toBe(personNameKey('Mamadou Sow'));
  });
});

describe('otherSpelling and didYouMean', () => {
  const members = ['Awa Ndiaye', 'Hélène Marchand'];

  it('finds the member a name is another spelling of, never the name itself', () => {
    expect(otherSpelling('Helene Marchand', members)).toBe('Hélène Marchand');
    expect(otherSpelling('Hélène Marchand', members)).toBeUndefined();
    expect(otherSpelling('Fatou Sarr', members)).toBeUndefined();
    expect(otherSpelling('  ', members)).toBeUndefined();
  });

  it('suggests that member, or nothing', () => {
    expect(didYouMean('awa ndiaye', members)).toBe(' (did you mean "Awa Ndiaye"?)');
    expect(didYouMean('Fatou Sarr', members)).toBe('');
  });
});
