import { describe, expect, it } from 'vitest';
import {
  compareInstants,
  isDateWithin,
  subtractYears,
  toUtcInstant,
  utcDateOf,
} from '../../src/core/dates.js';

describe('calendar and instant helpers', () => {
  it('normalises instants to UTC', () => {
    expect(toUtcInstant('2025-11-28T17:30:00+01:00')).toBe('2025-11-28T16:30:00Z');
    expect(toUtcInstant('2025-11-28T16:00:00.250Z')).toBe('2025-11-28T16:00:00.250Z');
  });
  it('keeps every digit of a fraction of a second (Date.parse keeps milliseconds, and misreads some)', () => {
    expect(toUtcInstant('2025-11-28T16:00:00.000123Z')).toBe('2025-11-28T16:00:00.000123Z');
    expect(toUtcInstant('2025-11-28T16:00:00.0009999999Z')).toBe('2025-11-28T16:00:00.0009999999Z');
    expect(toUtcInstant('2025-11-28T17:00:00.5+01:00')).toBe('2025-11-28T16:00:00.500Z');
    expect(toUtcInstant('0050-01-01T00:30:00+01:00')).toBe('0049-12-31T23:30:00Z');
  });
  it('compares instants to the last digit written, offsets honoured', () => {
    expect(compareInstants('2025-11-28T16:00:00.0001Z', '2025-11-28T16:00:00Z')).toBeGreaterThan(0);
    expect(compareInstants('2025-11-28T16:00:00.000Z', '2025-11-28T16:00:00Z')).toBe(0);
    expect(compareInstants('2025-11-28T17:00:00.10+01:00', '2025-11-28T16:00:00.1Z')).toBe(0);
    expect(compareInstants('2025-11-28T15:59:59.9999999Z', '2025-11-28T16:00:00Z')).toBeLessThan(0);
    expect(compareInstants('2025-11-28T16:00:00.0009999999Z', '2025-11-28T16:00:00.001Z')).toBeLessThan(0);
  });
  it('takes the deadline date in UTC', () => {
    expect(utcDateOf('2025-11-28T23:30:00-01:00')).toBe('2025-11-29');
    expect(utcDateOf('2025-11-29T00:30:00+01:00')).toBe('2025-11-28');
  });
  it('subtracts calendar years, 29 February becoming 28 February', () => {
    expect(subtractYears('2025-11-28', 5)).toBe('2020-11-28');
    expect(subtractYears('2024-02-29', 1)).toBe('2023-02-28');
    expect(subtractYears('2024-02-29', 4)).toBe('2020-02-29');
  });
  it('includes both ends of a window', () => {
    expect(isDateWithin('2020-11-28', '2020-11-28', '2025-11-28')).toBe(true);
    expect(isDateWithin('2025-11-28', '2020-11-28', '2025-11-28')).toBe(true);
    expect(isDateWithin('2020-11-27', '2020-11-28', '2025-11-28')).toBe(false);
    expect(isDateWithin('2025-11-29', '2020-11-28', '2025-11-28')).toBe(false);
  });
});
