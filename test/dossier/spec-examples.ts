/** The example files of SPEC §2–§4, verbatim. */

export const TENDER_YAML = `reference: POC2-S29
title:
  fr: Mission de supervision et de formation au respect des droits humains
  en: Human rights supervision and training mission
contracting_authority: POC II
currency: EUR                       # ISO 4217; all thresholds use it
exchange_rates:                     # units of each currency for 1 unit of \`currency\`
  XOF: 655.957
  USD: 1.0823
submission:
  opens:  2025-11-13T00:00:00Z
  closes: 2025-11-28T16:00:00Z      # RFC 3339 with offset, required
shortlist: { min: 4, max: 8 }
languages: [fr, en]                 # first = default report language
country_groups:                     # named sets usable wherever a country list is
  ECOWAS: [BJ, BF, CV, CI, GM, GH, GN, GW, LR, ML, NE, NG, SN, SL, TG]
committee:                          # optional; also managed with \`prequal committee\`
  - { name: Awa Ndiaye, role: chair }                 # chair and secretary do not vote
  - { name: Jean Dupont, role: evaluator, declaration_signed: 2025-12-01 }
`;

export const CRITERIA_YAML = `name: S29 prequalification grid
criteria:
  - id: ADM-1
    label: { fr: Dossier reçu dans les délais, en: Received before the deadline }
    kind: gate                    # gate = pass/fail; score = points
    rule: { type: deadline }
  - id: ADM-2
    label: { fr: Pièces obligatoires, en: Mandatory documents }
    kind: gate
    rule: { type: documents, required: [application_form, declaration_on_honour, registration_certificate] }
  - id: ELI-1
    kind: gate
    rule: { type: nationality, allowed: [EU, ACP] }   # codes or country_groups
  - id: ELI-2
    kind: gate
    rule: { type: declarations, required: [no_exclusion_situation, no_conflict_of_interest] }
  - id: SEL-1
    kind: gate
    rule: { type: turnover, years: 3, average_at_least: 300000 }
  - id: SEL-2
    kind: gate
    rule: { type: staff, field: relevant, at_least: 5 }
  - id: SEL-3
    kind: gate
    rule:
      type: references
      at_least: 2
      filter: { tags_any: [human_rights], within_years: 5, min_value: 150000 }
  - id: EXP-1
    kind: score
    max: 40
    rule:
      type: references
      points_each: 10
      filter: { tags_all: [human_rights, training], within_years: 5 }
  - id: EXP-2
    kind: score
    max: 20
    rule: { type: references, points_each: 5, filter: { countries_any: [ECOWAS], within_years: 5 } }
  - id: EXP-3
    kind: score
    max: 20
    rule: { type: manual, guidance: { fr: "...", en: "..." } }
shortlist_threshold: 40           # optional: minimum total score to qualify
tie_breakers:                     # in order; each compares a criterion's metric, higher first
  - { criterion: SEL-3, metric: count }
  - { criterion: SEL-3, metric: total_value }
`;

export const DOSSIER_YAML = `candidate:
  name: Institut Droits & Sécurité SARL
  country: SN
  legal_form: SARL
submitted_at: 2025-11-27T10:15:00Z
members:                         # optional: consortium partners besides the lead
  - name: Human Rights Academy GmbH
    country: DE
    role: member                 # member | capacity_provider
declarations:                    # per member: lead's at top level, partners' under members[i]
  no_exclusion_situation: true
  no_conflict_of_interest: true
financials:
  currency: XOF
  turnover: { 2022: 310000000, 2023: 335000000, 2024: 402000000 }
  current_assets: { 2024: 120000000 }
  current_liabilities: { 2024: 80000000 }
staff: { total: 42, relevant: 9 }
references:
  - title: Formation des unités de police aux droits humains
    client: UNODC
    countries: [SN, ML]
    start: 2021-03-01
    end: 2022-12-31
    value: 450000
    currency: EUR
    share: 0.6
    tags: [human_rights, training, security_forces]
experts:
  - { name: A. Diallo, role: Team leader, years: 15, domains: [human_rights, police] }
documents:
  application_form: formulaire.pdf
  declaration_on_honour: declaration.pdf
  registration_certificate: rccm.pdf
`;
