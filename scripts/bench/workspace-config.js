/**
 * tender.yaml and criteria.yaml of a synthetic workspace (SPEC §2, §3). Only keys the
 * SPEC defines: an unknown key there is an error by contract.
 */

/** Units of each currency for 1 EUR, as in the S29 tender. */
export const EXCHANGE_RATES = { XOF: 655.957, USD: 1.0823 };
/** Submission window, UTC milliseconds. */
export const OPENS_MS = Date.UTC(2025, 10, 13, 0, 0, 0);
export const CLOSES_MS = Date.UTC(2025, 10, 28, 16, 0, 0);
/** The exact threshold line the benchmark edits to force a re-score. */
export const TURNOVER_THRESHOLD_LINE = 'average_at_least: 300000';

/**
 * @param {number} n number of dossiers, part of the reference so workspaces are told apart
 * @returns {string}
 */
export function renderTenderYaml(n) {
  return `reference: BENCH-${n}
title:
  fr: Mission de supervision et de formation au respect des droits humains (banc d'essai)
  en: Human rights supervision and training mission (benchmark)
contracting_authority: POC II
currency: EUR
exchange_rates:
  XOF: ${EXCHANGE_RATES.XOF}
  USD: ${EXCHANGE_RATES.USD}
submission:
  opens: 2025-11-13T00:00:00Z
  closes: 2025-11-28T16:00:00Z
shortlist: { min: 4, max: 8 }
languages: [fr, en]
country_groups:
  ECOWAS: [BJ, BF, CV, CI, GM, GH, GN, GW, LR, ML, NE, NG, SN, SL, TG]
committee:
  - { name: Awa Ndiaye, role: chair }
  - { name: Jean Dupont, role: evaluator, declaration_signed: 2025-12-01 }
  - { name: Fatou Sarr, role: evaluator, declaration_signed: 2025-12-02 }
`;
}

/**
 * A realistic grid with no manual criterion, so a run completes without scores.
 * @returns {string}
 */
export function renderCriteriaYaml() {
  return `name: Synthetic benchmark prequalification grid
criteria:
  - id: ADM-1
    label: { fr: Dossier reçu dans les délais, en: Received before the deadline }
    kind: gate
    rule: { type: deadline }
  - id: ADM-2
    label: { fr: Pièces obligatoires, en: Mandatory documents }
    kind: gate
    rule: { type: documents, required: [application_form, declaration_on_honour, registration_certificate] }
  - id: ELI-1
    label: { fr: Nationalité, en: Nationality }
    kind: gate
    rule: { type: nationality, allowed: [EU, ACP] }
  - id: ELI-2
    label: { fr: Déclarations sur l'honneur, en: Declarations on honour }
    kind: gate
    rule: { type: declarations, required: [no_exclusion_situation, no_conflict_of_interest] }
  - id: SEL-1
    label: { fr: Chiffre d'affaires moyen, en: Average annual turnover }
    kind: gate
    rule: { type: turnover, years: 3, ${TURNOVER_THRESHOLD_LINE} }
  - id: SEL-2
    label: { fr: Ratio de liquidité générale, en: Current ratio }
    kind: gate
    rule: { type: current_ratio, at_least: 1 }
  - id: SEL-3
    label: { fr: Personnel dans le domaine, en: Staff in the field }
    kind: gate
    rule: { type: staff, field: relevant, at_least: 5 }
  - id: SEL-4
    label: { fr: Références en droits humains, en: Human rights references }
    kind: gate
    rule:
      type: references
      at_least: 2
      filter: { tags_any: [human_rights], within_years: 5, min_value: 150000 }
  - id: EXP-1
    label: { fr: Formation aux droits humains, en: Human rights training }
    kind: score
    max: 40
    rule:
      type: references
      points_each: 10
      filter: { tags_all: [human_rights, training], within_years: 5 }
  - id: EXP-2
    label: { fr: Expérience en Afrique de l'Ouest, en: West African experience }
    kind: score
    max: 20
    rule: { type: references, points_each: 5, filter: { countries_any: [ECOWAS], within_years: 5 } }
  - id: EXP-3
    label: { fr: Forces de sécurité, en: Security forces }
    kind: score
    max: 15
    rule:
      type: references
      points_each: 5
      filter: { tags_any: [security_forces, police, border_management], within_years: 8, min_value: 100000 }
  - id: EXP-4
    label: { fr: Experts clés, en: Key experts }
    kind: score
    max: 20
    rule: { type: experts, points_each: 5, filter: { min_years: 10, domains_any: [human_rights, training] } }
shortlist_threshold: 30
tie_breakers:
  - { criterion: SEL-4, metric: count }
  - { criterion: SEL-4, metric: total_value }
`;
}
