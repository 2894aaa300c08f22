import { describe, expect, it } from 'vitest';
import { evaluateOne, gate, makeDossier, makeMember, score } from '../factory.js';

const SEL2 = gate('SEL-2', { type: 'staff', field: 'relevant', at_least: 5 });

describe('staff rule', () => {
  it.each([
    [5, true],
    [4, false],
    [9, true],
  ])('%s relevant staff → %s', (relevant, passed) => {
    const result = evaluateOne(SEL2, makeDossier({ staff: { total: 40, relevant } }));
    expect(result.passed).toBe(passed);
    expect(result.metrics.count).toBe(relevant);
  });

  it('pools every entity, a missing figure counting as 0', () => {
    const dossier = makeDossier({
      staff: { total: 40, relevant: 2 },
      members: [
        makeMember({ staff: { relevant: 2 } }),
        makeMember({ name: 'Helper', role: 'capacity_provider', staff: { relevant: 1 } }),
        makeMember({ name: 'Silent' }),
      ],
    });
    const result = evaluateOne(SEL2, dossier);
    expect(result.passed).toBe(true);
    expect(result.metrics.count).toBe(5);
    expect(result.explanation[0]?.en).toBe('relevant staff: 5, threshold 5: met');
    expect(result.explanation.map((l) => l.en)).toContain('Silent (member): not given, counted as 0');
  });

  it('with each_member, each entity must have enough staff', () => {
    const rule = gate('SEL-2', { type: 'staff', field: 'total', at_least: 5, applies_to: 'each_member' });
    const dossier = makeDossier({ staff: { total: 40 }, members: [makeMember({ staff: { total: 4 } })] });
    const result = evaluateOne(rule, dossier);
    expect(result.passed).toBe(false);
    expect(result.metrics.count).toBe(4);
  });

  it('scores from/to, and with each_member takes the lowest entity', () => {
    const rule = score('STF', 10, { type: 'staff', field: 'relevant', from: 0, to: 20 });
    expect(evaluateOne(rule, makeDossier({ staff: { relevant: 5 } })).points).toBe(2.5);
    const each = score('STF', 10, {
      type: 'staff',
      field: 'relevant',
      from: 0,
      to: 20,
      applies_to: 'each_member',
    });
    const dossier = makeDossier({
      staff: { relevant: 20 },
      members: [makeMember({ staff: { relevant: 3 } })],
    });
    expect(evaluateOne(each, dossier).points).toBe(1.5);
    expect(evaluateOne(rule, dossier).points).toBe(10);
  });
});
