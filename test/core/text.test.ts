import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExact, formatExactMoney, formatMoney, formatNumber } from '../../src/core/text.js';

describe('formatNumber', () => {
  it.each([
    [1234567.5, 'fr', 2, '1\u00a0234\u00a0567,50'],
    [1234567.5, 'en', 2, '1,234,567.50'],
    [-0.001, 'en', 2, '0.00'],
    [-12.5, 'fr', 1, '-12,5'],
    [999, 'en', 0, '999'],
    // Halves a double stores just below: rounded away from zero, as points are (toFixed gives 2.67, 1.00).
    [2.675, 'en', 2, '2.68'],
    [1.005, 'fr', 2, '1,01'],
    [-2.675, 'en', 2, '-2.68'],
  ] as const)('formats %d in %s with %d decimals', (value, lang, decimals, expected) => {
    expect(formatNumber(value, lang, decimals)).toBe(expected);
  });
});

describe('formatExactMoney', () => {
  it.each([
    [300000.004, 'en', '300,000.004 EUR'],
    [10000000.00001, 'en', '10,000,000.00001 EUR'],
    [123456789.123456, 'en', '123,456,789.123456 EUR'],
    [999999999999.99, 'en', '999,999,999,999.99 EUR'],
    [5000000000.01, 'fr', '5\u00a0000\u00a0000\u00a0000,01 EUR'],
    [150000, 'fr', '150\u00a0000,00 EUR'],
  ] as const)('shows the grid amount %d as written (%s)', (value, lang, expected) => {
    expect(formatExactMoney(value, 'EUR', lang)).toBe(expected);
  });

  it('never shows an amount of up to 6 decimals as another one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 15 }),
        fc.integer({ min: 0, max: 6 }),
        (units, decimals) => {
          const value = units / 10 ** decimals;
          // Only the amounts a double holds exactly as written (15 significant digits).
          fc.pre(String(units).length <= 15);
          expect(Number(formatExact(value, 'en').replaceAll(',', ''))).toBe(value);
        },
      ),
    );
  });

  it('still rounds what it cannot show in 8 decimals, and money half away from zero', () => {
    expect(formatExact(1 / 3, 'en')).toBe('0.33333333');
    expect(formatMoney(2.675, 'EUR', 'en')).toBe('2.68 EUR');
    expect(formatExact(-1.5, 'fr')).toBe('-1,50');
  });
});
