/**
 * The inputs every security test builds on: the tender and criteria of a small test procedure
 * (no manual criterion, so every valid dossier gets a final result) and an honest dossier that
 * cases copy and break.
 */
import yaml from 'js-yaml';

export const TENDER_YAML = `reference: SEC-TEST
title: { fr: Essai de sécurité, en: Security test }
contracting_authority: Security test authority
currency: EUR
exchange_rates: { XOF: 655.957, USD: 1.0823 }
submission: { opens: 2025-11-13T00:00:00Z, closes: 2025-11-28T16:00:00Z }
shortlist: { min: 2, max: 40 }
languages: [fr, en]
country_groups:
  ECOWAS: [BJ, BF, CV, CI, GM, GH, GN, GW, LR, ML, NE, NG, SN, SL, TG]
committee:
  - { name: Awa Ndiaye, role: chair }
`;

export const CRITERIA_YAML = `name: Security test grid
criteria:
  - { id: ADM-1, label: { en: Deadline }, kind: gate, rule: { type: deadline } }
  - id: ADM-2
    label: { en: Documents }
    kind: gate
    rule: { type: documents, required: [application_form, declaration_on_honour, registration_certificate] }
  - { id: ELI-1, label: { en: Nationality }, kind: gate, rule: { type: nationality, allowed: [EU, ACP] } }
  - id: ELI-2
    label: { en: Declarations }
    kind: gate
    rule: { type: declarations, required: [no_exclusion_situation, no_conflict_of_interest] }
  - { id: SEL-1, label: { en: Turnover }, kind: gate, rule: { type: turnover, years: 3, average_at_least: 300000 } }
  - { id: SEL-2, label: { en: Current ratio }, kind: gate, rule: { type: current_ratio, at_least: 1 } }
  - { id: SEL-3, label: { en: Staff }, kind: gate, rule: { type: staff, field: relevant, at_least: 5 } }
  - id: SEL-4
    label: { en: References }
    kind: gate
    rule: { type: references, at_least: 2, filter: { tags_any: [human_rights], within_years: 5, min_value: 150000 } }
  - id: EXP-1
    label: { en: Training references }
    kind: score
    max: 40
    rule: { type: references, points_each: 10, filter: { tags_all: [human_rights, training], within_years: 5 } }
  - id: EXP-2
    label: { en: ECOWAS references }
    kind: score
    max: 20
    rule: { type: references, points_each: 5, filter: { countries_any: [ECOWAS], within_years: 5 } }
  - id: EXP-3
    label: { en: Experts }
    kind: score
    max: 10
    rule: { type: experts, points_each: 2.5, filter: { min_years: 10, domains_any: [human_rights] } }
shortlist_threshold: 20
tie_breakers:
  - { criterion: SEL-4, metric: count }
  - { criterion: SEL-4, metric: total_value }
`;

/** A dossier as a plain value, loosely typed so cases can break any part of it. */
export interface DossierValue {
  candidate: Record<string, unknown>;
  financials: Record<string, unknown>;
  staff: Record<string, unknown>;
  references: Record<string, unknown>[];
  experts: Record<string, unknown>[];
  [key: string]: unknown;
}

/**
 * A valid single-entity dossier that passes every gate but ADM-2 (a bare file has no
 * attachments): it is evaluated, rejected, and so appears in every export, letters included.
 * Totals 27.5 points (EXP-1 20, EXP-2 5, EXP-3 2.5). Cases mutate a fresh copy.
 */
export function baseDossier(name: string): DossierValue {
  return {
    candidate: { name, country: 'SN' },
    submitted_at: '2025-11-27T10:15:00Z',
    declarations: { no_exclusion_situation: true, no_conflict_of_interest: true },
    financials: {
      currency: 'EUR',
      turnover: { 2022: 400000, 2023: 420000, 2024: 450000 },
      current_assets: { 2024: 200000 },
      current_liabilities: { 2024: 100000 },
    },
    staff: { total: 12, relevant: 6 },
    references: [
      {
        title: 'Police training',
        client: 'UNODC',
        countries: ['SN'],
        start: '2021-01-01',
        end: '2022-12-31',
        value: 200000,
        currency: 'EUR',
        tags: ['human_rights', 'training'],
      },
      {
        title: 'Prison monitoring',
        client: 'OHCHR',
        countries: ['FR'],
        start: '2022-01-01',
        end: '2023-06-30',
        value: 300000,
        currency: 'EUR',
        share: 0.5,
        tags: ['human_rights', 'training'],
      },
    ],
    experts: [{ name: 'Awa Diop', role: 'Team leader', years: 12, domains: ['human_rights'] }],
  };
}

/** The three mandatory documents of the criteria, for folder dossiers. */
export const DOCUMENTS = {
  application_form: 'formulaire.pdf',
  declaration_on_honour: 'declaration.pdf',
  registration_certificate: 'rccm.pdf',
};

/** A dossier value as YAML text (js-yaml, so control characters come out escaped). */
export function toYaml(value: unknown): string {
  return yaml.dump(value, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });
}

/** `baseDossier(name)` as YAML text. */
export const baseDossierYaml = (name: string): string => toYaml(baseDossier(name));
