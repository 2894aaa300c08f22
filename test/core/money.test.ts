import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearPoints, roundHalfAway, roundPoints, toTenderCurrency } from '../../src/core/money.js';
import { formatNumber, formatQuantity } from '../../src/core/text.js';
import { makeTender } from './factory.js';

describe('roundPoints: half away from zero, 2 decimals', () => {
  it.each([
    [2.675, 2.68],
    [0.125, 0.13],
    [-1.005, -1.01],
    [1.005, 1.01],
    [2.674999, 2.67],
    [10, 10],
    [-0.004, 0],
    [0.1 + 0.2, 0.3],
    [1234567.005, 1234567.01],
    [33.333333, 33.33],
    // Amounts in XOF reach billions: the nudge must stay far below a cent there too.
    [5_000_000_000, 5_000_000_000],
    [2_000_000_000.0045, 2_000_000_000],
    [987_654_321_098.004, 987_654_321_098],
    [5_000_000_000.005, 5_000_000_000.01],
  ])('%s → %s', (input, expected) => {
    expect(roundPoints(input)).toBe(expected);
  });

  it('shows billions to the cent as they are', () => {
    expect(formatNumber(5_000_000_000, 'en')).toBe('5,000,000,000.00');
    expect(formatNumber(2_000_000_000.0045, 'fr')).toBe('2\u00a0000\u00a0000\u00a0000,00');
  });

  it('never returns -0', () => {
    expect(Object.is(roundPoints(-0.001), 0)).toBe(true);
  });
});

describe('toTenderCurrency', () => {
  const tender = makeTender();
  it('divides by the rate of the foreign currency', () => {
    expect(toTenderCurrency(655957, 'XOF', tender)).toBeCloseTo(1000, 9);
    expect(roundPoints(toTenderCurrency(310000000, 'XOF', tender))).toBe(472591.95);
  });
  it('keeps amounts in the tender currency', () => {
    expect(toTenderCurrency(123.45, 'EUR', tender)).toBe(123.45);
  });
  it('throws on a currency without a rate instead of returning zero', () => {
    expect(() => toTenderCurrency(1, 'GBP', tender)).toThrow(/GBP/);
  });
});

describe('linearPoints', () => {
  it.each([
    [100, 100, 200, 20, 0],
    [150, 100, 200, 20, 10],
    [200, 100, 200, 20, 20],
    [50, 100, 200, 20, 0],
    [500, 100, 200, 20, 20],
    [150, 200, 100, 20, 10],
    [90, 200, 100, 20, 20],
    [100, 100, 100, 20, 20],
    [99, 100, 100, 20, 0],
  ])('value %s on %s→%s (max %s) gives %s', (value, from, to, max, expected) => {
    expect(linearPoints(value, from, to, max)).toBeCloseTo(expected, 10);
  });
});

describe('number formatting does not depend on the locale', () => {
  it.each([
    [1234567.891, 'en', '1,234,567.89'],
    // French groups with a no-break space, as the export does: an amount never breaks across lines.
    [1234567.891, 'fr', '1\u00a0234\u00a0567,89'],
    [0, 'en', '0.00'],
    [999.995, 'en', '1,000.00'],
    [-1500, 'fr', '-1\u00a0500,00'],
    [100, 'en', '100.00'],
    [2.675, 'en', '2.68'],
    [-1.005, 'fr', '-1,01'],
  ] as const)('%s in %s → %s', (value, lang, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });
  it('shows quantities with the decimals they have', () => {
    expect(formatQuantity(5, 'en')).toBe('5');
    expect(formatQuantity(2.5, 'fr')).toBe('2,5');
    expect(formatQuantity(1.25, 'en')).toBe('1.25');
  });
});

describe('roundHalfAway decides halves as reading to 15 digits does, without reading every value', () => {
  /** The rounding as it was before the fast path: every value read to 15 significant digits. */
  const alwaysRead = (value: number, decimals: number): number => {
    const factor = 10 ** decimals;
    const scaled = Math.abs(value) * factor;
    const rounded = Math.round(scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled) / factor;
    return rounded === 0 ? 0 : Math.sign(value) * rounded;
  };

  it('agrees on any double', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, decimals) => {
          expect(roundHalfAway(value, decimals)).toBe(alwaysRead(value, decimals));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('agrees on decimal halves and on values just either side of them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 13 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: -120, max: 120 }),
        (units, decimals, steps, drift) => {
          // units + 0.5 at `decimals + 1` places, written in decimal: 2.675, 1.005, 5000000000.125…
          // then moved by `drift` × 1e-16 of itself (up to where reading to 15 digits no longer
          // reaches the half) and by a few doubles more.
          const half = Number(`${units}5e-${decimals + 1}`);
          let value = half * (1 + drift * 1e-16);
          for (let step = 0; step < Math.abs(steps); step++) value = nextDouble(value, Math.sign(steps));
          expect(roundHalfAway(value, decimals)).toBe(alwaysRead(value, decimals));
          expect(roundHalfAway(-value, decimals)).toBe(alwaysRead(-value, decimals));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

/** The next double above (`direction` 1) or below (-1) a positive `value`. */
function nextDouble(value: number, direction: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(direction));
  return view.getFloat64(0);
}
