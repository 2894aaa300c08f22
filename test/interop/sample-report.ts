/** Hand-built inputs for the interop tests: a dossier using every field, and a small evaluation report. */
import type {
  CriterionResult,
  Dossier,
  EvaluationReport,
  RankedCandidate,
  Status,
} from '../../src/core/types.js';

export function sampleDossier(): Dossier {
  return {
    candidate: { name: 'Institut Droits & Sécurité SARL', country: 'SN', legal_form: 'SARL' },
    submitted_at: '2025-11-27T10:15:00Z',
    members: [
      {
        name: 'Human Rights Academy GmbH',
        country: 'DE',
        role: 'member',
        declarations: { no_exclusion_situation: true, no_conflict_of_interest: false },
        financials: { currency: 'EUR', turnover: { '2023': 1_200_000, '2024': 1_350_000.5 } },
        staff: { total: 12 },
        references: [
          {
            title: 'Training of trainers, "human rights" module',
            countries: ['DE'],
            value: 90_000,
            currency: 'EUR',
            share: 1,
            tags: [],
          },
        ],
        experts: [],
      },
      {
        name: 'Sahel Capacités',
        country: 'ML',
        role: 'capacity_provider',
        declarations: {},
        financials: { currency: 'XOF' },
        references: [],
        experts: [{ name: 'B. Traoré', years: 8, domains: [] }],
      },
    ],
    declarations: { no_exclusion_situation: true, no_conflict_of_interest: true },
    financials: {
      currency: 'XOF',
      turnover: { '2022': 310_000_000, '2023': 335_000_000, '2024': 402_000_000 },
      current_assets: { '2024': 120_000_000 },
      current_liabilities: { '2024': 80_000_000 },
    },
    staff: { total: 42, relevant: 9 },
    references: [
      {
        title: 'Formation des unités de police aux droits humains',
        client: 'UNODC',
        countries: ['SN', 'ML'],
        start: '2021-03-01',
        end: '2022-12-31',
        value: 450_000,
        currency: 'EUR',
        share: 0.6,
        tags: ['human_rights', 'training', 'security_forces'],
      },
      {
        title: 'Appui à la gendarmerie, phase 2',
        countries: ['SN'],
        start: '2024-01-15',
        value: 120_000,
        currency: 'XOF',
        share: 1,
        tags: ['police'],
      },
    ],
    experts: [
      { name: 'A. Diallo', role: 'Team leader', years: 15, domains: ['human_rights', 'police'] },
      { name: 'C. Ndiaye', years: 6, domains: ['training'] },
    ],
    documents: {
      application_form: 'formulaire.pdf',
      declaration_on_honour: 'declaration.pdf',
      registration_certificate: 'rccm.pdf',
    },
  };
}

function gate(criterion: string, passed: boolean): CriterionResult {
  return { criterion, kind: 'gate', passed, points: null, metrics: {}, explanation: [] };
}

function candidate(
  id: string,
  name: string,
  status: Status,
  rank: number | null,
  total: number | null,
): RankedCandidate {
  return {
    id,
    name,
    country: 'SN',
    status,
    rank,
    total,
    criteria: { 'ADM-1': gate('ADM-1', status !== 'rejected') },
    reasons: [],
    warnings: [],
    errors: [],
    consensus: [],
  };
}

export function sampleReport(): EvaluationReport {
  const candidates = [
    candidate('c01-ids', 'Institut Droits & Sécurité SARL', 'shortlisted', 1, 72.5),
    candidate('c02-eurohr', 'EuroHR Consulting SAS', 'reserve', 2, 40),
    candidate('c04-pending', 'Attente Conseil', 'pending', null, null),
    candidate('c03-late', 'Retard Conseil', 'rejected', null, 35),
    candidate('c05-broken', 'Illisible', 'invalid', null, null),
  ];
  const dossier = sampleDossier();
  const dossierData: Record<string, Dossier | null> = {
    'c01-ids': dossier,
    'c02-eurohr': { ...dossier, candidate: { name: 'EuroHR Consulting SAS', country: 'FR' }, members: [] },
    'c04-pending': { ...dossier, members: [] },
    'c03-late': { ...dossier, submitted_at: '2025-11-28T16:30:00Z', members: [] },
    'c05-broken': null,
  };
  return {
    toolVersion: '0.1.0',
    runAt: '2025-12-09T10:00:00Z',
    tender: {
      reference: 'POC2-S29',
      title: {
        fr: 'Mission de supervision et de formation au respect des droits humains',
        en: 'Human rights supervision and training mission',
      },
      contracting_authority: 'POC II',
      currency: 'EUR',
      exchange_rates: { XOF: 655.957 },
      submission: { opens: '2025-11-13T00:00:00Z', closes: '2025-11-28T16:00:00Z' },
      shortlist: { min: 4, max: 8 },
      languages: ['fr', 'en'],
      country_groups: {},
      committee: [],
    },
    tenderHash: 'a'.repeat(64),
    criteria: {
      name: 'S29 prequalification grid',
      criteria: [
        {
          id: 'ADM-1',
          label: { fr: 'Dossier reçu dans les délais', en: 'Received before the deadline' },
          kind: 'gate',
          rule: { type: 'deadline' },
        },
        {
          id: 'SEL-1',
          label: { fr: "Chiffre d'affaires", en: 'Turnover' },
          kind: 'gate',
          rule: { type: 'turnover', years: 3, average_at_least: 300_000 },
        },
        {
          id: 'EXP-1',
          label: { fr: 'Références', en: 'References' },
          kind: 'score',
          max: 40,
          rule: { type: 'references', points_each: 10, filter: { tags_all: ['human_rights'] } },
        },
      ],
      tie_breakers: [],
    },
    criteriaVersion: 3,
    criteriaHash: 'b'.repeat(64),
    shortlist: { min: 4, max: 8, filled: 1, below_min: true, candidates, ties: [], awaitingCommittee: true },
    dossiers: candidates.map((c) => ({
      id: c.id,
      sourcePath: `dossiers/${c.id}/dossier.yaml`,
      hash: 'c'.repeat(64),
    })),
    resultsOf: (candidate) => candidate.criteria,
    dossierOf: (id) => dossierData[id] ?? null,
    scores: [],
    overrides: [],
    decisions: [],
    audit: [],
    committee: [],
    sanctionsListVersion: null,
  };
}
