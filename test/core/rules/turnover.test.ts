import { describe, expect, it } from 'vitest';
import type { Financials } from '../../../src/core/types.js';
import { evaluateOne, gate, makeDossier, makeMember, makeTender, score } from '../factory.js';

const SEL1 = gate('SEL-1', { type: 'turnover', years: 3, average_at_least: 300000 });
const eur = (turnover: Record<string, number>): Financials => ({ currency: 'EUR', turnover });

describe('turnover rule (deadline 2025: years 2022–2024)', () => {
  it.each([
    [{ 2022: 300000, 2023: 300000, 2024: 300000 }, true, 300000],
    [{ 2022: 300000, 2023: 300000, 2024: 299999.97 }, false, 299999.99],
    [{ 2022: 900000, 2024: 0 }, true, 300000],
    [{ 2021: 5000000, 2022: 300000, 2023: 300000, 2024: 300000, 2025: 9000000 }, true, 300000],
    [{ 2023: 450000, 2024: 450000 }, true, 300000],
    [{ 2023: 449999.97, 2024: 450000 }, false, 299999.99],
  ])('%j → passed %s, average %s', (turnover, passed, average) => {
    const result = evaluateOne(SEL1, makeDossier({ financials: eur(turnover) }));
    expect(result.passed).toBe(passed);
    expect(result.metrics.average).toBe(average);
  });

  it('averages over the years asked for, counting a missing year as 0 and naming it', () => {
    const result = evaluateOne(SEL1, makeDossier({ financials: eur({ 2023: 450000, 2024: 450000 }) }));
    expect(result.metrics.average).toBe(300000);
    expect(result.metrics.missing_years).toEqual(['2022 (Institut Droits & Sécurité SARL)']);
    expect(result.explanation[0]?.en).toBe(
      'average turnover 2022–2024: 300,000.00 EUR, threshold 300,000.00 EUR: met',
    );
    expect(result.explanation[0]?.fr).toBe(
      "chiffre d'affaires moyen 2022–2024 : 300\u00a0000,00 EUR, seuil 300\u00a0000,00 EUR : atteint",
    );
    expect(result.explanation[1]?.en).toContain('2022: 0.00 EUR (none reported, counted as 0)');
  });

  it('shows a threshold with more than two decimals as written, never as the average it rejects', () => {
    const odd = gate('SEL-1', { type: 'turnover', years: 3, average_at_least: 300000.004 });
    const result = evaluateOne(
      odd,
      makeDossier({ financials: eur({ 2022: 300000, 2023: 300000, 2024: 300000 }) }),
    );
    expect(result.passed).toBe(false);
    expect(result.explanation[0]?.en).toBe(
      'average turnover 2022–2024: 300,000.00 EUR, threshold 300,000.004 EUR: not met',
    );
    const scored = score('SCO-1', 10, { type: 'turnover', years: 3, from: 100000.125, to: 500000 });
    const line = evaluateOne(scored, makeDossier({ financials: eur({ 2024: 900000 }) })).explanation;
    expect(line.map((l) => l.fr).join('\n')).toContain('0 point à 100\u00a0000,125 EUR');
  });

  it('converts XOF at 655.957', () => {
    const financials: Financials = {
      currency: 'XOF',
      turnover: { 2022: 196787100, 2023: 196787100, 2024: 196787100 },
    };
    const result = evaluateOne(SEL1, makeDossier({ financials }));
    expect(result.metrics.average).toBe(300000);
    expect(result.passed).toBe(true);
  });

  it('pools the lead, members and capacity providers, each in its own currency', () => {
    const dossier = makeDossier({
      financials: eur({ 2022: 100000, 2023: 100000, 2024: 100000 }),
      members: [
        makeMember({
          financials: { currency: 'XOF', turnover: { 2022: 65595700, 2023: 65595700, 2024: 65595700 } },
        }),
        makeMember({
          name: 'Helper',
          role: 'capacity_provider',
          financials: eur({ 2022: 100000, 2023: 100000 }),
        }),
      ],
    });
    const result = evaluateOne(SEL1, dossier);
    expect(result.metrics.average).toBe(266666.67);
    expect(result.passed).toBe(false);
    expect(result.metrics.missing_years).toEqual(['2024 (Helper)']);
  });

  it('with each_member, every entity must reach the threshold alone', () => {
    const rule = gate('SEL-1', {
      type: 'turnover',
      years: 3,
      average_at_least: 300000,
      applies_to: 'each_member',
    });
    const dossier = makeDossier({
      financials: eur({ 2022: 900000, 2023: 900000, 2024: 900000 }),
      members: [makeMember({ financials: eur({ 2022: 100000, 2023: 100000, 2024: 100000 }) })],
    });
    const result = evaluateOne(rule, dossier);
    expect(result.passed).toBe(false);
    expect(result.metrics.average).toBe(100000);
    expect(result.explanation[0]?.en).toBe(
      'average turnover 2022–2024 of each member (lowest: Human Rights Academy GmbH (member), 100,000.00 EUR), threshold 300,000.00 EUR: not met',
    );
    const pooled = evaluateOne(SEL1, dossier);
    expect(pooled.passed).toBe(true);
  });

  it('uses the UTC year of the deadline', () => {
    const tender = makeTender({
      submission: { opens: '2025-12-01T00:00:00Z', closes: '2026-01-01T00:30:00+01:00' },
    });
    const result = evaluateOne(
      SEL1,
      makeDossier({ financials: eur({ 2022: 300000, 2023: 300000, 2024: 300000 }) }),
      {
        tender,
      },
    );
    expect(result.passed).toBe(true);
  });

  it('scores linearly from `from` to `to`, clamped and rounded once', () => {
    const rule = score('FIN-S', 20, { type: 'turnover', years: 3, from: 100000, to: 1000000 });
    const at = (avg: number) =>
      evaluateOne(rule, makeDossier({ financials: eur({ 2022: avg, 2023: avg, 2024: avg }) }));
    expect(at(100000).points).toBe(0);
    expect(at(50000).points).toBe(0);
    expect(at(1000000).points).toBe(20);
    expect(at(2000000).points).toBe(20);
    expect(at(400000).points).toBe(6.67);
    expect(at(400000).passed).toBeNull();
    expect(at(400000).explanation[0]?.en).toBe(
      'average turnover 2022–2024: 400,000.00 EUR: 6.67 points out of 20.00',
    );
  });
});
