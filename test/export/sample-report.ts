/**
 * A hand-built EvaluationReport covering every status (shortlisted, tied at the cut,
 * reserve, pending, rejected on two gates, invalid), a hostile candidate name, an
 * override, a consensus flag, manual scores and audit entries. Exporters only format,
 * so these tests need no core.
 */
import type {
  Bilingual,
  CriteriaSet,
  CriterionResult,
  Dossier,
  EvaluationReport,
  ItemVerdict,
  RankedCandidate,
  Tender,
} from '../../src/core/types.js';
import { criteria, evaluateScores, gatesPassed, scores } from './sample-criteria.js';

export const HOSTILE_NAME = '=HYPERLINK("http://evil","x") | pipe <b>html</b>\nnewline \u001b[31mred';
/** What a workbook cell must show: the name minus the terminal escape sequence. */
export const HOSTILE_NAME_CLEAN = '=HYPERLINK("http://evil","x") | pipe <b>html</b>\nnewline red';

const bi = (fr: string, en: string): Bilingual => ({ fr, en });

export const tender: Tender = {
  reference: 'POC2-S29',
  title: bi(
    'Mission de supervision et de formation au respect des droits humains',
    'Human rights supervision and training mission',
  ),
  contracting_authority: 'POC II',
  currency: 'EUR',
  exchange_rates: { XOF: 655.957, USD: 1.0823 },
  submission: { opens: '2025-11-13T00:00:00Z', closes: '2025-11-28T16:00:00Z' },
  shortlist: { min: 2, max: 3 },
  languages: ['fr', 'en'],
  country_groups: {},
  committee: [],
};

function candidate(
  id: string,
  name: string,
  country: string,
  status: RankedCandidate['status'],
  rank: number | null,
  results: Record<string, CriterionResult>,
  extra: Partial<RankedCandidate> = {},
): RankedCandidate {
  const points = Object.values(results).map((result) => result.points);
  const total =
    status === 'invalid' || status === 'pending'
      ? null
      : points.reduce<number>((sum, p) => sum + (p ?? 0), 0);
  return {
    id,
    name,
    country,
    status,
    rank,
    total,
    criteria: results,
    reasons: [],
    warnings: [],
    errors: [],
    consensus: [],
    ...extra,
  };
}

const c01Items: ItemVerdict[] = [
  {
    entity: 0,
    entityName: 'Institut Droits & Sécurité SARL',
    item: 0,
    counted: true,
    value: 270000,
    why: bi('compte : droits humains, 2022-12-31', 'counted: human rights, 2022-12-31'),
  },
  {
    entity: 0,
    entityName: 'Institut Droits & Sécurité SARL',
    item: 1,
    counted: false,
    value: 90000,
    why: bi(
      'non comptée : achevée le 2019-06-30, avant le 2020-11-28',
      'not counted: ended 2019-06-30, before 2020-11-28',
    ),
  },
  {
    entity: 1,
    entityName: 'Human Rights Academy GmbH',
    item: 0,
    counted: true,
    value: 200000,
    why: bi('compte : droits humains, 2024-05-31', 'counted: human rights, 2024-05-31'),
  },
];

function buildCandidates(): RankedCandidate[] {
  const c01 = candidate('c01-idsec', 'Institut Droits & Sécurité SARL', 'SN', 'shortlisted', 1, {
    ...gatesPassed({ 'SEL-3': c01Items }),
    ...evaluateScores('c01-idsec', 20, c01Items),
  });
  const adm2 = c01.criteria['ADM-2'];
  if (adm2) {
    adm2.automatic = { passed: false, points: null };
    adm2.override = overrideAdm2;
  }
  const c02 = candidate(
    'c02-hostile',
    HOSTILE_NAME,
    'FR',
    'shortlisted',
    2,
    { ...gatesPassed(), ...evaluateScores('c02-hostile', 20) },
    { consensus: ['EXP-3'] },
  );
  const exp3 = c02.criteria['EXP-3'];
  if (exp3) exp3.flags = ['consensus'];
  const c06 = candidate('c06-delta', 'Delta Partners', 'SN', 'pending', null, {
    ...gatesPassed(),
    ...evaluateScores('c06-delta', 10),
  });
  c06.reasons = [
    { criterion: 'EXP-3', message: bi('note manquante : Marie Sow', 'missing score: Marie Sow') },
  ];
  const c07 = candidate('c07-late', 'Retard Conseil LLC', 'US', 'rejected', null, {
    ...gatesPassed(),
    ...evaluateScores('c07-late', 0),
  });
  c07.criteria['ADM-1'] = gateResult('ADM-1', false, [
    bi(
      'reçu le 2025-11-28T16:30:00Z, après la date limite du 2025-11-28T16:00:00Z',
      'received 2025-11-28T16:30:00Z, after the deadline 2025-11-28T16:00:00Z',
    ),
  ]);
  c07.criteria['ELI-1'] = gateResult('ELI-1', false, [
    bi(
      'Retard Conseil LLC : US n’est pas admis (EU, ACP)',
      'Retard Conseil LLC: US is not allowed (EU, ACP)',
    ),
  ]);
  c07.reasons = [
    {
      criterion: 'ADM-1',
      message: bi(
        'reçu le 2025-11-28T16:30:00Z, après la date limite du 2025-11-28T16:00:00Z',
        'received 2025-11-28T16:30:00Z, after the deadline 2025-11-28T16:00:00Z',
      ),
    },
    {
      criterion: 'ELI-1',
      message: bi('US n’est pas un pays admis (EU, ACP)', 'US is not an eligible country (EU, ACP)'),
    },
  ];
  const c08 = candidate(
    'c08-broken',
    'c08-broken',
    '',
    'invalid',
    null,
    {},
    {
      errors: [
        {
          file: 'dossiers/c08-broken/dossier.yaml',
          line: 3,
          path: 'candidate.name',
          message: 'required field is missing',
        },
        {
          file: 'dossiers/c08-broken/dossier.yaml',
          line: 14,
          column: 5,
          path: 'references.0.currency',
          message: 'unknown currency GBP (no exchange rate)',
        },
      ],
      reasons: [{ criterion: 'invalid', message: bi('dossier illisible', 'unreadable dossier') }],
    },
  );
  return [
    c01,
    c02,
    candidate('c03-alpha', 'Alpha Conseil', 'BJ', 'tied', 3, {
      ...gatesPassed(),
      ...evaluateScores('c03-alpha', 20),
    }),
    candidate('c04-beta', 'Beta Consulting GmbH', 'DE', 'tied', 3, {
      ...gatesPassed(),
      ...evaluateScores('c04-beta', 20),
    }),
    candidate('c05-gamma', 'Gamma Expertise', 'CI', 'reserve', 5, {
      ...gatesPassed(),
      ...evaluateScores('c05-gamma', 10),
    }),
    c06,
    c07,
    c08,
  ];
}

function gateResult(id: string, passed: boolean, explanation: Bilingual[]): CriterionResult {
  return { criterion: id, kind: 'gate', passed, points: null, metrics: {}, explanation };
}

const overrideAdm2 = {
  candidate: 'c01-idsec',
  criterion: 'ADM-2',
  passed: true,
  reason: 'Certificat fourni sous le nom rccm-2025.pdf',
  by: 'Paul Martin',
  at: '2025-12-03T09:30:00Z',
};

const dossierC01: Dossier = {
  candidate: { name: 'Institut Droits & Sécurité SARL', country: 'SN', legal_form: 'SARL' },
  submitted_at: '2025-11-27T10:15:00Z',
  declarations: { no_exclusion_situation: true, no_conflict_of_interest: true },
  references: [
    {
      title: 'Formation des unités de police aux droits humains',
      client: 'UNODC',
      countries: ['SN', 'ML'],
      start: '2021-03-01',
      end: '2022-12-31',
      value: 450000,
      currency: 'EUR',
      share: 0.6,
      tags: ['human_rights', 'training'],
    },
    {
      title: 'Audit des lieux de détention',
      client: 'HCDH',
      countries: ['SN'],
      start: '2018-01-01',
      end: '2019-06-30',
      value: 90000,
      currency: 'EUR',
      share: 1,
      tags: ['human_rights'],
    },
  ],
  experts: [],
  documents: { application_form: 'formulaire.pdf' },
  members: [
    {
      name: 'Human Rights Academy GmbH',
      role: 'member',
      country: 'DE',
      declarations: { no_exclusion_situation: true, no_conflict_of_interest: true },
      references: [
        {
          title: 'Human rights training for border police',
          client: 'GIZ',
          countries: ['NE'],
          start: '2023-01-15',
          end: '2024-05-31',
          value: 131191400,
          currency: 'XOF',
          share: 1,
          tags: ['human_rights', 'training'],
        },
      ],
      experts: [],
    },
  ],
};

/** A dossier with one reference in USD and no rule verdicts: the sheet computes its value. */
function simpleDossier(name: string, country: string): Dossier {
  return {
    candidate: { name, country },
    submitted_at: '2025-11-26T09:00:00Z',
    declarations: {},
    references: [
      {
        title: 'Appui institutionnel',
        countries: [country],
        start: '2022-01-01',
        end: '2023-06-30',
        value: 216460,
        currency: 'USD',
        share: 0.5,
        tags: ['governance'],
      },
    ],
    experts: [],
    documents: {},
    members: [],
  };
}

/** The report before the committee broke the tie at the cut (c03 and c04 tied at rank 3). */
export function buildSampleReport(): EvaluationReport {
  const candidates = buildCandidates();
  const dossierData: Record<string, Dossier | null> = { 'c08-broken': null, 'c01-idsec': dossierC01 };
  for (const entry of candidates.slice(1, 7))
    dossierData[entry.id] = simpleDossier(entry.name, entry.country);
  return {
    toolVersion: '0.1.0',
    runAt: '2025-12-05T14:00:00Z',
    tender,
    tenderHash: 'a'.repeat(64),
    criteria: criteria as CriteriaSet,
    criteriaVersion: 3,
    criteriaHash: 'c'.repeat(64),
    shortlist: {
      min: 2,
      max: 3,
      filled: 2,
      below_min: false,
      candidates,
      ties: [{ rank: 3, candidates: ['c03-alpha', 'c04-beta'], at_cut: true, seats: 1 }],
      awaitingCommittee: true,
    },
    dossiers: candidates.map((entry, i) => ({
      id: entry.id,
      sourcePath: `dossiers/${entry.id}/dossier.yaml`,
      hash: String(i + 1).repeat(64),
    })),
    // Sample candidates carry their full results; a stored report reads them from the cache.
    resultsOf: (candidate) => candidate.criteria,
    dossierOf: (id) => dossierData[id] ?? null,
    scores,
    overrides: [overrideAdm2],
    decisions: [],
    audit: [
      {
        seq: 1,
        at: '2025-12-02T08:00:00Z',
        who: 'Paul Martin',
        action: 'ingest',
        subject: 'dossiers',
        before: '',
        after: '{"dossiers":8}',
        why: '',
        hash: 'h1',
      },
      {
        seq: 2,
        at: '2025-12-03T09:30:00Z',
        who: 'Paul Martin',
        action: 'override',
        subject: 'c01-idsec/ADM-2',
        before: '{"passed":false}',
        after: '{"passed":true}',
        why: overrideAdm2.reason,
        hash: 'h2',
      },
    ],
    committee: [
      { name: 'Awa Ndiaye', role: 'chair', declaredAt: '2025-12-01T09:00:00Z' },
      { name: 'Paul Martin', role: 'secretary', declaredAt: '2025-12-01T09:05:00Z' },
      { name: 'Jean Dupont', role: 'evaluator', declaredAt: '2025-12-01T09:10:00Z' },
      { name: 'Marie Sow', role: 'evaluator', declaredAt: null },
    ],
    sanctionsListVersion: 'EU-FSF 2025-11-30',
  };
}

/** The same report after the committee chose c03: c03 shortlisted, c04 on the reserve list. */
export function buildDecidedReport(): EvaluationReport {
  const report = buildSampleReport();
  const decision = {
    chosen: ['c03-alpha'],
    tied: ['c03-alpha', 'c04-beta'],
    reason: 'Expérience régionale plus récente',
    by: 'Awa Ndiaye',
    at: '2025-12-06T10:00:00Z',
  };
  for (const entry of report.shortlist.candidates) {
    if (entry.id === 'c03-alpha') entry.status = 'shortlisted';
    if (entry.id === 'c04-beta') entry.status = 'reserve';
  }
  const tie = report.shortlist.ties[0];
  if (tie) tie.decision = decision;
  report.decisions = [decision];
  report.shortlist.filled = 3;
  report.shortlist.awaitingCommittee = true;
  return report;
}

/**
 * The report where the tie-breakers settled the cut: c03 and c04 both total 30, but SEL-3
 * counted 3 references for c03 and 2 for c04, so c03 is shortlisted at rank 3 and c04 is
 * first on the reserve list at rank 4. No tie is left for the committee.
 */
export function buildTieBrokenReport(): EvaluationReport {
  const report = buildSampleReport();
  const metrics: Record<string, { count: number; total_value: number }> = {
    'c03-alpha': { count: 3, total_value: 500000 },
    'c04-beta': { count: 2, total_value: 900000 },
  };
  for (const entry of report.shortlist.candidates) {
    const sel3 = entry.criteria['SEL-3'];
    const own = metrics[entry.id];
    if (sel3 && own) sel3.metrics = own;
    if (entry.id === 'c03-alpha') entry.status = 'shortlisted';
    if (entry.id === 'c04-beta') {
      entry.status = 'reserve';
      entry.rank = 4;
    }
  }
  report.shortlist.ties = [];
  report.shortlist.filled = 3;
  report.shortlist.awaitingCommittee = false;
  return report;
}
