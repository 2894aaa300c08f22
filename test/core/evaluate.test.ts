import { describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../src/core/evaluate.js';
import { gate, makeCriteria, makeDossier, makeMember, makeReference, makeTender, score } from './factory.js';

/** The S29 grid of SPEC §3. */
const S29 = makeCriteria(
  [
    gate('ADM-1', { type: 'deadline' }),
    gate('ADM-2', { type: 'documents', required: ['application_form'] }),
    gate('ELI-1', { type: 'nationality', allowed: ['EU', 'ACP'] }),
    gate('ELI-2', { type: 'declarations', required: ['no_exclusion_situation', 'no_conflict_of_interest'] }),
    gate('SEL-1', { type: 'turnover', years: 3, average_at_least: 300000 }),
    gate('SEL-2', { type: 'staff', field: 'relevant', at_least: 5 }),
    gate('SEL-3', {
      type: 'references',
      at_least: 2,
      filter: { tags_any: ['human_rights'], within_years: 5, min_value: 150000 },
    }),
    score('EXP-1', 40, {
      type: 'references',
      points_each: 10,
      filter: { tags_all: ['human_rights', 'training'], within_years: 5 },
    }),
    score('EXP-2', 20, {
      type: 'references',
      points_each: 5,
      filter: { countries_any: ['ECOWAS'], within_years: 5 },
    }),
    score('EXP-3', 20, { type: 'manual', guidance: { fr: 'qualité', en: 'quality' } }),
  ],
  { shortlist_threshold: 40 },
);

describe('evaluateDossier', () => {
  const dossier = makeDossier({
    financials: { currency: 'XOF', turnover: { 2022: 310000000, 2023: 335000000, 2024: 402000000 } },
    staff: { total: 42, relevant: 9 },
    references: [
      makeReference({ value: 450000, share: 0.6, countries: ['SN', 'ML'] }),
      makeReference({ countries: ['FR'] }),
      makeReference({ end: '2019-12-31' }),
    ],
    members: [makeMember()],
    documents: { application_form: 'form.pdf' },
  });
  const ev = evaluateDossier(
    {
      id: 'c01-ids',
      hash: 'abc',
      dossier,
      attachments: [{ kind: 'application_form', path: 'form.pdf', status: 'ok', size: 1200 }],
      warnings: [{ file: 'dossiers/c01-ids/dossier.yaml', path: 'colour', message: 'unknown key' }],
    },
    S29,
    makeTender(),
  );

  it('evaluates every criterion in order, with identity and warnings', () => {
    expect(Object.keys(ev.criteria)).toEqual(S29.criteria.map((c) => c.id));
    expect(ev).toMatchObject({
      id: 'c01-ids',
      name: 'Institut Droits & Sécurité SARL',
      country: 'SN',
      dossierHash: 'abc',
    });
    expect(ev.warnings).toHaveLength(1);
  });

  it('gives gates a verdict and scores points', () => {
    for (const id of ['ADM-1', 'ADM-2', 'ELI-1', 'ELI-2', 'SEL-1', 'SEL-2', 'SEL-3']) {
      expect([id, ev.criteria[id]?.passed, ev.criteria[id]?.points]).toEqual([id, true, null]);
    }
    expect(ev.criteria['SEL-1']?.metrics.average).toBe(532047.07);
    expect(ev.criteria['EXP-1']).toMatchObject({ passed: null, points: 20 });
    expect(ev.criteria['EXP-2']).toMatchObject({ passed: null, points: 5 });
  });

  it('leaves manual criteria pending for the committee', () => {
    expect(ev.criteria['EXP-3']).toMatchObject({ points: null, passed: null, pending: true });
    expect(ev.criteria['EXP-3']?.explanation[0]?.en).toBe("awaiting the committee's scores");
  });

  it('writes every explanation in both languages', () => {
    for (const result of Object.values(ev.criteria)) {
      expect(result.explanation.length).toBeGreaterThan(0);
      for (const line of result.explanation) {
        expect(line.fr.length).toBeGreaterThan(0);
        expect(line.en.length).toBeGreaterThan(0);
      }
    }
  });
});
