import { describe, expect, it } from 'vitest';
import type { Financials } from '../../../src/core/types.js';
import { evaluateOne, gate, makeDossier, makeMember } from '../factory.js';

const FIN2 = gate('FIN-2', { type: 'current_ratio', at_least: 1.2 });
const sheet = (assets?: number, liabilities?: number, year = '2024'): Financials => ({
  currency: 'XOF',
  current_assets: assets === undefined ? {} : { [year]: assets },
  current_liabilities: liabilities === undefined ? {} : { [year]: liabilities },
});

describe('current ratio rule (year before the deadline: 2024), each entity alone', () => {
  it.each([
    [120, 100, true, 1.2],
    [119, 100, false, 1.19],
    [150, 100, true, 1.5],
  ])('assets %s / liabilities %s → %s', (assets, liabilities, passed, lowest) => {
    const result = evaluateOne(FIN2, makeDossier({ financials: sheet(assets, liabilities) }));
    expect(result.passed).toBe(passed);
    expect(result.metrics.lowest).toBe(lowest);
  });

  it.each([
    [sheet(120, undefined), 'no current liabilities for 2024'],
    [sheet(undefined, 100), 'no current assets for 2024'],
    [sheet(0, 0), 'current assets and liabilities for 2024 are both zero: no ratio'],
    [sheet(120, 100, '2023'), 'no current assets or liabilities for 2024'],
  ])('fails with the reason when a figure is missing (%#)', (financials, reason) => {
    const result = evaluateOne(FIN2, makeDossier({ financials }));
    expect(result.passed).toBe(false);
    expect(result.explanation[1]?.en).toBe(`Institut Droits & Sécurité SARL (lead): ${reason}`);
  });

  it('never pools: a weak member fails the candidate', () => {
    const dossier = makeDossier({
      financials: sheet(1000, 100),
      members: [makeMember({ financials: sheet(100, 100) })],
    });
    const result = evaluateOne(FIN2, dossier);
    expect(result.passed).toBe(false);
    expect(result.metrics.lowest).toBe(1);
    expect(result.explanation[0]?.en).toBe(
      'current ratio 2024, lowest of the members: 1.00, threshold 1.2: not met',
    );
  });

  it('names the member with no figures in the summary, not only the lowest ratio of the others', () => {
    const dossier = makeDossier({
      financials: sheet(165, 100),
      members: [makeMember({ financials: sheet(undefined, undefined) })],
    });
    const result = evaluateOne(FIN2, dossier);
    expect(result.passed).toBe(false);
    expect(result.metrics.lowest).toBe(1.65);
    const summary = result.explanation[0];
    expect(summary?.en).toMatch(
      /^current ratio 2024 not computable for .+ \(no current assets or liabilities for 2024\)/,
    );
    expect(summary?.en).toMatch(/, lowest of the other members: 1\.65, threshold 1\.2: not met$/);
    expect(summary?.fr).toContain('(actif et passif courants 2024 non déclarés)');
    expect(summary?.fr).toMatch(/le plus faible des autres membres : 1,65, seuil 1,2 : non atteint$/);
  });

  it('names the missing figure in the summary of a single entity', () => {
    const result = evaluateOne(FIN2, makeDossier({ financials: sheet(120, undefined) }));
    expect(result.explanation[0]?.en).toBe(
      'current ratio 2024 not computable for Institut Droits & Sécurité SARL (lead) (no current liabilities for 2024), threshold 1.2: not met',
    );
  });

  it.each([
    // Unrounded comparison: 1.195 is below 1.2 even though it rounds to 1.20, and says so with 4 decimals.
    [119.5, 100, 1.2, false, 1.195, '1.1950, threshold 1.2: not met'],
    [1199999, 1000000, 1.2, false, 1.199999, '1.199999, threshold 1.2: not met'],
    [120, 100, 1.2, true, 1.2, '1.20, threshold 1.2: met'],
    [12, 10, 1.2, true, 1.2, '1.20, threshold 1.2: met'],
    // A threshold with 3 decimals is shown as written, and a ratio above it that rounds below shows more.
    [1196, 1000, 1.195, true, 1.2, '1.20, threshold 1.195: met'],
    [11912, 10000, 1.191, true, 1.1912, '1.1912, threshold 1.191: met'],
    [1194, 1000, 1.195, false, 1.19, '1.19, threshold 1.195: not met'],
  ])(
    'assets %s / liabilities %s against %s → %s (lowest %s)',
    (assets, liabilities, atLeast, passed, lowest, tail) => {
      const rule = gate('FIN-2', { type: 'current_ratio', at_least: atLeast });
      const result = evaluateOne(rule, makeDossier({ financials: sheet(assets, liabilities) }));
      expect(result.passed).toBe(passed);
      expect(result.metrics.lowest).toBe(lowest);
      expect(result.explanation[0]?.en).toBe(`current ratio 2024: ${tail}`);
    },
  );

  it('shows a failing ratio with more decimals in French too', () => {
    const result = evaluateOne(FIN2, makeDossier({ financials: sheet(119.5, 100) }));
    expect(result.explanation[0]?.fr).toBe(
      'ratio de liquidité générale 2024 : 1,1950, seuil 1,2 : non atteint',
    );
    expect(result.explanation[1]?.en).toBe('Institut Droits & Sécurité SARL (lead): 1.1950 (not met)');
  });

  it('passes a firm with current assets and no current liabilities, leaving lowest null', () => {
    const result = evaluateOne(FIN2, makeDossier({ financials: sheet(120, 0) }));
    expect(result.passed).toBe(true);
    expect(result.metrics.lowest).toBeNull();
    expect(result.explanation.map((line) => line.en)).toEqual([
      'current ratio 2024: no current liabilities, ratio not bounded, threshold 1.2: met',
      'Institut Droits & Sécurité SARL (lead): no current liabilities for 2024: ratio not bounded (met)',
    ]);
  });

  it('leaves a member with no current liabilities out of lowest, which the others set', () => {
    const dossier = makeDossier({
      financials: sheet(5000, 0),
      members: [makeMember({ financials: sheet(130, 100) })],
    });
    const result = evaluateOne(FIN2, dossier);
    expect(result.passed).toBe(true);
    expect(result.metrics.lowest).toBe(1.3);
    expect(result.explanation[0]?.en).toBe(
      'current ratio 2024, lowest of the members: 1.30, threshold 1.2: met',
    );
  });
});
