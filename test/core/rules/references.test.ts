import { describe, expect, it } from 'vitest';
import type { Reference, ReferenceFilter } from '../../../src/core/types.js';
import { evaluateOne, gate, makeDossier, makeMember, makeReference, makeTender, score } from '../factory.js';

/** Gate with at_least 1 over a single reference: does this reference count? */
function counts(ref: Partial<Reference>, filter: ReferenceFilter, closes?: string): boolean {
  const tender = closes
    ? makeTender({ submission: { opens: '2025-11-01T00:00:00Z', closes } })
    : makeTender();
  const result = evaluateOne(
    gate('R', { type: 'references', at_least: 1, filter }),
    makeDossier({ references: [makeReference(ref)] }),
    {
      tender,
    },
  );
  return result.passed === true;
}

describe('references filter: within_years window [D - N years, D], D = 2025-11-28', () => {
  it.each([
    ['2020-11-28', true],
    ['2020-11-27', false],
    ['2025-11-28', true],
    ['2025-11-29', false],
    ['2023-06-30', true],
  ])('ended %s → counted %s', (end, expected) => {
    expect(counts({ end }, { within_years: 5 })).toBe(expected);
  });

  it('takes D as the UTC date of a deadline written with an offset', () => {
    expect(counts({ end: '2025-11-28' }, { within_years: 5 }, '2025-11-29T00:30:00+01:00')).toBe(true);
    expect(counts({ end: '2025-11-29' }, { within_years: 5 }, '2025-11-29T00:30:00+01:00')).toBe(false);
    expect(counts({ end: '2020-11-28' }, { within_years: 5 }, '2025-11-28T23:30:00-01:00')).toBe(false);
  });

  it('handles a deadline on 29 February', () => {
    expect(counts({ end: '2023-02-28' }, { within_years: 1 }, '2024-02-29T12:00:00Z')).toBe(true);
    expect(counts({ end: '2023-02-27' }, { within_years: 1 }, '2024-02-29T12:00:00Z')).toBe(false);
  });

  it.each([
    [{ end: undefined }, { within_years: 5 }, false],
    [{ end: undefined }, { within_years: 5, include_ongoing: true }, true],
    [{ end: '2026-06-30' }, { within_years: 5 }, false],
    [{ end: '2026-06-30' }, { within_years: 5, include_ongoing: true }, true],
    [{ end: '2026-06-30' }, { include_ongoing: true }, true],
    [{ end: '2026-06-30' }, {}, false],
    [{ end: '2001-01-01' }, {}, true],
    [{ end: '2025-11-28' }, {}, true],
    [{ end: '2001-01-01' }, { within_years: 5, include_ongoing: true }, false],
  ])('ongoing and unbounded cases: %j with %j → %s', (ref, filter, expected) => {
    expect(counts(ref, filter)).toBe(expected);
  });
});

describe('references filter: tags, countries, value', () => {
  it.each([
    [{ tags: ['training'] }, { tags_any: ['human_rights', 'training'] }, true],
    [{ tags: ['policing'] }, { tags_any: ['human_rights', 'training'] }, false],
    [{ tags: ['human_rights', 'training'] }, { tags_all: ['human_rights', 'training'] }, true],
    [{ tags: ['human_rights'] }, { tags_all: ['human_rights', 'training'] }, false],
    [{ countries: ['ML', 'FR'] }, { countries_any: ['ECOWAS'] }, true],
    [{ countries: ['CM'] }, { countries_any: ['ECOWAS'] }, false],
    [{ countries: ['CM'] }, { countries_any: ['ACP'] }, true],
    [{ countries: ['sn'] }, { countries_any: ['SN'] }, true],
    [{ value: 150000 }, { min_value: 150000 }, true],
    [{ value: 149999.99 }, { min_value: 150000 }, false],
    [{ value: 450000, share: 0.6 }, { min_value: 270000 }, true],
    [{ value: 450000, share: 0.6 }, { min_value: 270000.01 }, false],
    [{ value: 98393550, currency: 'XOF' }, { min_value: 150000 }, true],
    [{ value: 98393549, currency: 'XOF' }, { min_value: 150000 }, true], // 149,999.998 EUR: 150,000.00 to the cent
    [{ value: 98393540, currency: 'XOF' }, { min_value: 150000 }, false],
  ])('%j with %j → %s', (ref, filter, expected) => {
    expect(counts(ref, filter)).toBe(expected);
  });
});

describe('references rule: counting, items and explanations', () => {
  const SEL3 = gate('SEL-3', {
    type: 'references',
    at_least: 2,
    filter: { tags_any: ['human_rights'], within_years: 5, min_value: 150000 },
  });

  it('names a minimum value as written in the filter and in the reason a reference is not counted', () => {
    const odd = gate('SEL-3', { type: 'references', at_least: 1, filter: { min_value: 150000.004 } });
    const result = evaluateOne(odd, makeDossier({ references: [makeReference({ value: 150000 })] }));
    expect(result.passed).toBe(false);
    const text = result.explanation.map((l) => l.en).join('\n');
    expect(text).toContain('effective value 150,000.00 EUR, below 150,000.004 EUR');
    expect(text).toContain('effective value at least 150,000.004 EUR');
  });

  it('reports one item per reference, counted or not, with every reason', () => {
    const dossier = makeDossier({
      references: [
        makeReference({ value: 450000, share: 0.6 }),
        makeReference({ end: '2019-06-30', tags: ['policing'] }),
        makeReference({ end: undefined }),
      ],
    });
    const result = evaluateOne(SEL3, dossier);
    expect(result.passed).toBe(false);
    expect(result.metrics).toEqual({ count: 1, total_value: 270000 });
    expect(result.items?.map((i) => [i.entity, i.item, i.counted, i.value])).toEqual([
      [0, 0, true, 270000],
      [0, 1, false, 200000],
      [0, 2, false, 200000],
    ]);
    expect(result.items?.[1]?.why).toEqual({
      en: 'reference 2 not counted: ended 2019-06-30, before 2020-11-28; no tag among human_rights',
      fr: 'référence 2 non retenue : terminée le 2019-06-30, avant le 2020-11-28 ; aucun thème parmi human_rights',
    });
    expect(result.items?.[0]?.why.en).toBe(
      'reference 1 counted: ended 2022-12-31; effective value 270,000.00 EUR',
    );
    expect(result.items?.[2]?.why.en).toBe('reference 3 not counted: ongoing (no end date)');
    expect(result.explanation[0]?.en).toBe(
      'references counted: 1 (total effective value 270,000.00 EUR), threshold 2: not met',
    );
    expect(result.explanation[1]?.en).toBe(
      'filter: a tag among human_rights; ended between 2020-11-28 and 2025-11-28; effective value at least 150,000.00 EUR',
    );
  });

  it('pools the lead, members and capacity providers, naming the entity of each item', () => {
    const dossier = makeDossier({
      references: [makeReference()],
      members: [
        makeMember({
          name: 'Helper',
          role: 'capacity_provider',
          references: [makeReference({ value: 300000.555 })],
        }),
      ],
    });
    const result = evaluateOne(SEL3, dossier);
    expect(result.passed).toBe(true);
    expect(result.metrics).toEqual({ count: 2, total_value: 500000.56 });
    expect(result.items?.[1]?.entity).toBe(1);
    expect(result.items?.[1]?.entityName).toBe('Helper');
    expect(result.items?.[1]?.why.en).toBe(
      'Helper (capacity provider), reference 1 counted: ended 2022-12-31; effective value 300,000.56 EUR',
    );
  });

  it('explains a value below min_value with the share applied', () => {
    const dossier = makeDossier({ references: [makeReference({ value: 450000, share: 0.2 })] });
    const result = evaluateOne(SEL3, dossier);
    expect(result.items?.[0]?.why).toEqual({
      en: 'reference 1 not counted: effective value 90,000.00 EUR, below 150,000.00 EUR',
      fr: 'référence 1 non retenue : valeur effective 90\u00a0000,00 EUR, inférieure à 150\u00a0000,00 EUR',
    });
  });

  it('with each_member, every entity must have enough references alone', () => {
    const rule = gate('SEL-3', { type: 'references', at_least: 1, filter: {}, applies_to: 'each_member' });
    const dossier = makeDossier({ references: [makeReference(), makeReference()], members: [makeMember()] });
    const result = evaluateOne(rule, dossier);
    expect(result.passed).toBe(false);
    expect(result.metrics.count).toBe(0);
    const pooled = evaluateOne(gate('SEL-3', { type: 'references', at_least: 1, filter: {} }), dossier);
    expect(pooled.passed).toBe(true);
  });

  it('scores points_each per reference, clamped to max', () => {
    const rule = score('EXP-1', 40, {
      type: 'references',
      points_each: 10,
      filter: { tags_all: ['human_rights', 'training'] },
    });
    const withRefs = (n: number) =>
      makeDossier({ references: Array.from({ length: n }, () => makeReference()) });
    expect(evaluateOne(rule, withRefs(0)).points).toBe(0);
    expect(evaluateOne(rule, withRefs(3)).points).toBe(30);
    expect(evaluateOne(rule, withRefs(4)).points).toBe(40);
    expect(evaluateOne(rule, withRefs(6)).points).toBe(40);
    expect(evaluateOne(rule, withRefs(3)).explanation[0]?.en).toBe(
      'references counted: 3 (total effective value 600,000.00 EUR): 30.00 points out of 40.00',
    );
    expect(evaluateOne(rule, withRefs(3)).explanation[2]?.en).toBe('10.00 points per reference counted');
  });

  it('shows points_each as written, so the line per reference agrees with the points', () => {
    const rule = score('EXP-1', 10, { type: 'references', points_each: 3.333, filter: {} });
    const result = evaluateOne(rule, makeDossier({ references: [1, 2, 3].map(() => makeReference()) }));
    expect(result.points).toBe(10);
    expect(result.explanation[2]).toEqual({
      en: '3.333 points per reference counted',
      fr: '3,333 points par référence retenue',
    });
  });
});
