import { describe, expect, it } from 'vitest';
import { evaluateOne, gate, makeDossier, makeExpert, makeMember, score } from '../factory.js';

describe('experts rule', () => {
  const rule = gate('EXP-K', {
    type: 'experts',
    at_least: 2,
    filter: { min_years: 10, domains_any: ['human_rights'] },
  });

  it.each([
    [10, ['human_rights'], true],
    [9, ['human_rights'], false],
    [20, ['police'], false],
  ])('an expert with %s years in %j counts: %s', (years, domains, counted) => {
    const result = evaluateOne(rule, makeDossier({ experts: [makeExpert({ years, domains })] }));
    expect(result.items?.[0]?.counted).toBe(counted);
  });

  it('pools the experts of every entity and explains each', () => {
    const dossier = makeDossier({
      experts: [makeExpert(), makeExpert({ name: 'B. Sow', years: 4, domains: ['finance'] })],
      members: [makeMember({ experts: [makeExpert({ name: 'C. Weber' })] })],
    });
    const result = evaluateOne(rule, dossier);
    expect(result.passed).toBe(true);
    expect(result.metrics.count).toBe(2);
    expect(result.items?.[1]?.why.en).toBe(
      'Institut Droits & Sécurité SARL (lead), expert 2 (B. Sow) not counted: 4 years of experience, fewer than 10; no domain among human_rights',
    );
    expect(result.explanation[0]?.en).toBe('key experts counted: 2, threshold 2: met');
  });

  it('scores points_each per expert, clamped to max', () => {
    const rule = score('EXP-S', 10, { type: 'experts', points_each: 4, filter: {} });
    const dossier = makeDossier({ experts: [makeExpert(), makeExpert(), makeExpert()] });
    expect(evaluateOne(rule, dossier).points).toBe(10);
  });
});
