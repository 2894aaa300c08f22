import { describe, expect, it } from 'vitest';
import { evaluateOne, gate, makeDossier, makeMember } from '../factory.js';

const ELI2 = gate('ELI-2', {
  type: 'declarations',
  required: ['no_exclusion_situation', 'no_conflict_of_interest'],
});

describe('declarations rule: every entity makes every declaration', () => {
  it('passes when all entities declare true', () => {
    const result = evaluateOne(ELI2, makeDossier({ members: [makeMember()] }));
    expect(result.passed).toBe(true);
    expect(result.metrics.missing).toEqual([]);
  });

  it('agrees its summary with one entity or several', () => {
    const single = evaluateOne(ELI2, makeDossier()).explanation[0];
    expect(single?.fr).toBe(
      "déclarations (no_exclusion_situation, no_conflict_of_interest) : faites par l'entité : satisfait",
    );
    expect(single?.en).toBe(
      'declarations (no_exclusion_situation, no_conflict_of_interest): made by the entity: met',
    );
    const two = evaluateOne(ELI2, makeDossier({ members: [makeMember()] })).explanation[0];
    expect(two?.fr).toContain('faites par les 2 entités : satisfait');
  });

  it('names the missing or negative declarations with their entity', () => {
    const dossier = makeDossier({
      declarations: { no_exclusion_situation: true, no_conflict_of_interest: false },
      members: [makeMember({ declarations: { no_exclusion_situation: true } })],
    });
    const result = evaluateOne(ELI2, dossier);
    expect(result.passed).toBe(false);
    expect(result.metrics.missing).toEqual([
      'no_conflict_of_interest (Institut Droits & Sécurité SARL)',
      'no_conflict_of_interest (Human Rights Academy GmbH)',
    ]);
    // The summary is the reason a letter gives: declaring a conflict is not forgetting to declare.
    expect(result.explanation[0]?.fr).toBe(
      'déclarations manquantes ou négatives : no_conflict_of_interest (Institut Droits & Sécurité SARL, déclaré faux), no_conflict_of_interest (Human Rights Academy GmbH, non fourni) : non satisfait',
    );
    expect(result.explanation[0]?.en).toBe(
      'declarations missing or negative: no_conflict_of_interest (Institut Droits & Sécurité SARL, declared false), no_conflict_of_interest (Human Rights Academy GmbH, not given): not met',
    );
    const lines = result.explanation.map((l) => l.en);
    expect(lines).toContain('Institut Droits & Sécurité SARL (lead): no_conflict_of_interest declared false');
    expect(lines).toContain('Human Rights Academy GmbH (member): no_conflict_of_interest not given');
  });

  it('requires the capacity provider to declare as well', () => {
    const dossier = makeDossier({ members: [makeMember({ role: 'capacity_provider', declarations: {} })] });
    expect(evaluateOne(ELI2, dossier).passed).toBe(false);
  });
});
