import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalText, canonicalStringMap } from '../../src/store/canonical-json.js';
import { canonicalJson } from '../../src/store/index.js';

describe('canonicalJson', () => {
  it('sorts keys, integer-like ones included, and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { '10': 'x', '9': 'y', z: undefined }, c: [undefined, 2] })).toBe(
      '{"a":{"10":"x","9":"y"},"b":1,"c":[null,2]}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('é"')).toBe('"é\\""');
  });

  it('is what JSON.parse reads back, and stable through a round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('does not depend on the order keys were inserted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('writes a CanonicalText as it stands, as if its value were there', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (inner, other) => {
        const made = canonicalJson({ z: other, a: new CanonicalText(canonicalJson(inner)) });
        expect(made).toBe(canonicalJson({ z: other, a: inner }));
      }),
    );
  });
});

describe('canonicalStringMap', () => {
  it('gives the text canonicalJson gives the object of its sorted pairs, whatever the keys', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', '2022', '10', '9', 'constructor', ''));
    fc.assert(
      fc.property(fc.dictionary(key, fc.string()), (record) => {
        const pairs = Object.keys(record)
          .sort()
          .map((k) => [k, record[k] as string] as const);
        const map = Object.fromEntries(pairs);
        expect(canonicalStringMap(pairs).text).toBe(canonicalJson(map));
        expect(JSON.parse(canonicalStringMap(pairs).text)).toEqual(map);
      }),
      { numRuns: 300 },
    );
    expect(canonicalStringMap([]).text).toBe('{}');
    expect(canonicalStringMap([['__proto__', 'a']]).text).toBe('{"__proto__":"a"}');
  });
});
