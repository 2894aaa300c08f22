import { describe, expect, it } from 'vitest';
import { didYouMean, otherSpelling, personNameKey, sameName } from '../../src/core/person-names.js';

describe('personNameKey', () => {
  it('folds case, accents, spacing, punctuation and invisible characters', () => {
    const key = personNameKey('Hélène Marchand');
    for (const variant of [
      'Helene Marchand',
      'hélène  MARCHAND',
      ' Hélène-Marchand ',
      'He\u0301le\u0300ne Marchand',
      'Hé\u00adlène Marchand',
    ])
      expect(personNameKey(variant)).toBe(key);
    expect(personNameKey('Hélène Marchant')).not.toBe(key);
    expect(personNameKey('Mamadou Lamine Sow')).not.toBe(personNameKey('Mamadou Sow'));
  });
});

describe('sameName', () => {
  it('reads look-alike letters of another script as Latin in a name that mixes scripts', () => {
    // A Cyrillic а and е, drawn like the Latin letters.
    expect(sameName('H\u00e9l\u00e8ne M\u0430rch\u0430nd', 'Hélène Marchand')).toBe(true);
    expect(sameName('Hélène Marchand', 'H\u0435l\u0435ne Marchand')).toBe(true);
    // And the other way round: a Latin a typed in a Cyrillic name.
    expect(sameName('\u0410\u043d\u043d\u0430 \u041a\u0440a\u0432\u0435\u0446', 'Анна Кравец')).toBe(true);
    expect(sameName('Hélène Marchant', 'Hélène Marchand')).toBe(false);
  });

  it('keeps apart two people whose names, each in one script, merely look alike', () => {
    // Ү and У are two letters of the Kazakh alphabet: Üsenova and Usenova.
    expect(sameName('Асель Үсенова', 'Асель Усенова')).toBe(false);
    expect(otherSpelling('Асель Үсенова', ['Асель Усенова'])).toBeUndefined();
    // Greek Τιμο reads as Latin Timo, yet a Greek and a Finnish Timo may sit on one committee.
    expect(sameName('Τιμο Ρ', 'Timo P')).toBe(false);
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
