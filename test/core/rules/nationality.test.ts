import { describe, expect, it } from 'vitest';
import { evaluateOne, gate, makeDossier, makeMember, makeTender } from '../factory.js';

const ELI1 = gate('ELI-1', { type: 'nationality', allowed: ['EU', 'ACP'] });

describe('nationality rule: every entity must be from an allowed country', () => {
  it.each([
    ['SN', 'DE', true],
    ['GR', 'FJ', true],
    ['SN', 'US', false],
    ['MA', 'DE', false],
    ['SN', 'GB', false],
  ])('lead %s with member %s → %s', (lead, member, passed) => {
    const dossier = makeDossier({
      candidate: { name: 'Lead', country: lead },
      members: [makeMember({ name: 'Partner', country: member })],
    });
    const result = evaluateOne(ELI1, dossier);
    expect(result.passed).toBe(passed);
    expect(result.metrics.members_checked).toBe(2);
  });

  it('checks capacity providers too and names every failing entity', () => {
    const dossier = makeDossier({
      candidate: { name: 'Lead', country: 'US' },
      members: [makeMember({ name: 'Helper', country: 'CA', role: 'capacity_provider' })],
    });
    const result = evaluateOne(ELI1, dossier);
    expect(result.passed).toBe(false);
    expect(result.explanation[0]?.en).toBe(
      'nationality: not allowed for Lead (lead) (US), Helper (capacity provider) (CA) (allowed: EU, ACP): not met',
    );
  });

  it('says in French that the criterion is « non satisfait », not a threshold « non atteint »', () => {
    const dossier = makeDossier({ candidate: { name: 'Lead', country: 'US' } });
    const [summary] = evaluateOne(ELI1, dossier).explanation;
    expect(summary?.fr).toBe(
      'nationalité : non admise pour Lead (chef de file) (US) (pays admis : EU, ACP) : non satisfait',
    );
    expect(evaluateOne(ELI1, makeDossier()).explanation[0]?.fr).toBe(
      'nationalité : 1 entité vérifiée, de pays admis (EU, ACP) : satisfait',
    );
    expect(evaluateOne(ELI1, makeDossier()).explanation[0]?.en).toBe(
      'nationality: 1 entity checked, from an allowed country (EU, ACP): met',
    );
    const two = makeDossier({ members: [makeMember({ name: 'Partner', country: 'DE' })] });
    expect(evaluateOne(ELI1, two).explanation[0]?.fr).toBe(
      'nationalité : 2 entités vérifiées, toutes de pays admis (EU, ACP) : satisfait',
    );
  });

  it('accepts the tender country groups', () => {
    const rule = gate('ELI-1', { type: 'nationality', allowed: ['ECOWAS'] });
    expect(evaluateOne(rule, makeDossier(), { tender: makeTender() }).passed).toBe(true);
    expect(evaluateOne(rule, makeDossier({ candidate: { name: 'X', country: 'CM' } })).passed).toBe(false);
  });
});
