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
    [sheet(120, 0), 'current liabilities for 2024 are zero: no ratio'],
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
});
