import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatInstant,
  formatPlain,
  formatPoints,
  parseCalendarDate,
} from '../../src/export/format.js';
import { summarizeRule } from '../../src/export/rule-summary.js';

describe('formatPoints', () => {
  it('writes points with two decimals, rounded half away from zero as core rounds them, and missing points', () => {
    expect(formatPoints(35.5, 'fr')).toBe('35,50');
    // Stored as 10.07499…: toFixed gave 10.07 where every explanation of the same score says 10.08.
    expect(formatPoints(10.075, 'en')).toBe('10.08');
    expect(formatPoints(null, 'en')).toBe('—');
  });
});

describe('figures of the criteria grid', () => {
  it('are shown as written, never rounded to a figure they are not', () => {
    expect(formatPlain(5, 'en')).toBe('5');
    expect(formatPlain(2.5, 'en')).toBe('2.50');
    expect(formatPlain(1.195, 'en')).toBe('1.195');
    expect(formatPlain(3.333, 'fr')).toBe('3,333');
  });

  it('publish the threshold and points of the grid, not rounded ones', () => {
    const ratio = { id: 'SEL-2', kind: 'gate', rule: { type: 'current_ratio', at_least: 1.195 } } as const;
    expect(summarizeRule({ ...ratio, label: { fr: 'r', en: 'r' } }, 'EUR', 'en')).toBe(
      'current ratio ≥ 1.195 (each member)',
    );
    const refs = {
      id: 'EXP-1',
      kind: 'score',
      max: 10,
      label: { fr: 'e', en: 'e' },
      rule: { type: 'references', points_each: 3.333, filter: {} },
    } as const;
    expect(summarizeRule(refs, 'EUR', 'en')).toBe('3.333 points per reference');
    const turnover = {
      id: 'SEL-1',
      kind: 'gate',
      label: { fr: 't', en: 't' },
      rule: { type: 'turnover', years: 3, average_at_least: 300000.004 },
    } as const;
    expect(summarizeRule(turnover, 'EUR', 'en')).toContain('≥ 300,000.004 EUR');
    // French groups thousands with a no-break space, as every other figure of the report.
    expect(summarizeRule(turnover, 'EUR', 'fr')).toContain('≥ 300\u00a0000,004 EUR');
    const valued = {
      ...refs,
      rule: { type: 'references', at_least: 2, filter: { min_value: 150000.5 } },
    } as const;
    expect(summarizeRule(valued, 'EUR', 'en')).toContain('value ≥ 150,000.50 EUR');
  });

  it('group thousands in French with the no-break space of every other figure of the report', () => {
    const turnover = {
      id: 'SEL-1',
      kind: 'gate',
      label: { fr: 't', en: 't' },
      rule: { type: 'turnover', years: 3, average_at_least: 300000 },
    } as const;
    // A plain space let a renderer break 300 | 000 across two lines, and the grid's bytes changed.
    expect(summarizeRule(turnover, 'EUR', 'fr')).toBe(
      'chiffre d’affaires moyen des 3 derniers exercices ≥ 300\u00a0000,00 EUR',
    );
    const valued = {
      id: 'SEL-3',
      kind: 'gate',
      label: { fr: 'r', en: 'r' },
      rule: { type: 'references', at_least: 2, filter: { min_value: 150000.004 } },
    } as const;
    expect(summarizeRule(valued, 'EUR', 'fr')).toContain('valeur ≥ 150\u00a0000,004 EUR');
  });
});

describe('counts in the criteria grid', () => {
  const grid = (rule: object) =>
    ({ id: 'SEL-4', kind: 'gate', label: { fr: 's', en: 's' }, rule }) as Parameters<typeof summarizeRule>[0];

  it('agree their noun with the count (French keeps 1 singular, and so does English)', () => {
    const one = grid({ type: 'references', at_least: 1, filter: {} });
    expect(summarizeRule(one, 'EUR', 'fr')).toBe('au moins 1 référence');
    expect(summarizeRule(one, 'EUR', 'en')).toBe('at least 1 reference');
    const two = grid({ type: 'experts', at_least: 2, filter: {} });
    expect(summarizeRule(two, 'EUR', 'fr')).toBe('au moins 2 experts');
    const point = grid({ type: 'references', points_each: 1, filter: {} });
    expect(summarizeRule(point, 'EUR', 'fr')).toBe('1 point par référence');
    expect(summarizeRule(point, 'EUR', 'en')).toBe('1 point per reference');
    const half = grid({ type: 'experts', points_each: 2.5, filter: {} });
    expect(summarizeRule(half, 'EUR', 'fr')).toBe('2,50 points par expert');
    const recent = grid({ type: 'references', at_least: 2, filter: { within_years: 1 } });
    expect(summarizeRule(recent, 'EUR', 'fr')).toBe('au moins 2 références ; achevées dans l’année');
    expect(summarizeRule(recent, 'EUR', 'en')).toBe('at least 2 references; completed within 1 year');
    const senior = grid({ type: 'experts', at_least: 1, filter: { min_years: 1 } });
    expect(summarizeRule(senior, 'EUR', 'fr')).toBe("au moins 1 expert ; au moins 1 an d'expérience");
    expect(summarizeRule(senior, 'EUR', 'en')).toBe("at least 1 expert; at least 1 year's experience");
  });
});

describe('dates', () => {
  it('writes calendar dates and instants in words, in UTC', () => {
    expect(formatCalendarDate('2025-08-01', 'fr')).toBe('1er août 2025');
    expect(formatCalendarDate('not a date', 'fr')).toBe('not a date');
    expect(formatInstant('2025-11-28T17:00:00+01:00', 'fr')).toBe('28 novembre 2025 à 16:00 UTC');
    expect(formatInstant('2025-11-28T16:00:00Z', 'en')).toBe('28 November 2025, 16:00 UTC');
    expect(formatInstant('2025-12-01', 'en')).toBe('1 December 2025');
  });

  it('parses calendar dates to UTC midnight', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(parseCalendarDate(undefined)).toBeNull();
    expect(parseCalendarDate('29/02/2024')).toBeNull();
  });
});
