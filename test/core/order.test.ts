import { describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../src/core/evaluate.js';
import { rankCandidates } from '../../src/core/rank.js';
import type { Financials } from '../../src/core/types.js';
import { gate, makeCriteria, makeDossier, makeTender } from './factory.js';

const criteria = makeCriteria([gate('FIN-2', { type: 'current_ratio', at_least: 1.2 })], {
  tie_breakers: [{ criterion: 'FIN-2', metric: 'lowest' }],
});
const tender = makeTender();
const sheet = (assets: number, liabilities: number): Financials => ({
  currency: 'EUR',
  current_assets: { '2024': assets },
  current_liabilities: { '2024': liabilities },
});

function evaluate(id: string, financials: Financials) {
  const dossier = makeDossier({ financials });
  return evaluateDossier({ id, hash: id, dossier, attachments: [], warnings: [] }, criteria, tender);
}

describe('tie-breaking on the current ratio', () => {
  it('ranks a firm with no current liabilities (lowest null) above any finite ratio', () => {
    const evaluations = [evaluate('a-ratio', sheet(300, 100)), evaluate('b-no-debt', sheet(50, 0))];
    expect(evaluations[1]?.criteria['FIN-2']?.metrics.lowest).toBeNull();
    const s = rankCandidates({ evaluations, invalid: [], decisions: [] }, criteria, tender);
    expect(s.candidates.map((c) => [c.id, c.status, c.rank])).toEqual([
      ['b-no-debt', 'shortlisted', 1],
      ['a-ratio', 'shortlisted', 2],
    ]);
  });
});
