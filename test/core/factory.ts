import { evaluateDossier } from '../../src/core/evaluate.js';
import type {
  AttachmentFact,
  CandidateEvaluation,
  CriteriaSet,
  Criterion,
  CriterionResult,
  Dossier,
  Expert,
  MemberData,
  Reference,
  Rule,
  Tender,
} from '../../src/core/types.js';

/** The S29 tender: deadline 2025-11-28T16:00:00Z, XOF at 655.957, shortlist 4–8. */
export function makeTender(overrides: Partial<Tender> = {}): Tender {
  return {
    reference: 'POC2-S29',
    title: { fr: 'Mission droits humains', en: 'Human rights mission' },
    contracting_authority: 'POC II',
    currency: 'EUR',
    exchange_rates: { XOF: 655.957, USD: 1.0823 },
    submission: { opens: '2025-11-13T00:00:00Z', closes: '2025-11-28T16:00:00Z' },
    shortlist: { min: 4, max: 8 },
    languages: ['fr', 'en'],
    country_groups: {
      ECOWAS: ['BJ', 'BF', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'ML', 'NE', 'NG', 'SN', 'SL', 'TG'],
    },
    committee: [],
    ...overrides,
  };
}

export function makeReference(overrides: Partial<Reference> = {}): Reference {
  return {
    title: 'Training of police units',
    countries: ['SN'],
    start: '2021-03-01',
    end: '2022-12-31',
    value: 200000,
    currency: 'EUR',
    share: 1,
    tags: ['human_rights', 'training'],
    ...overrides,
  };
}

export function makeExpert(overrides: Partial<Expert> = {}): Expert {
  return { name: 'A. Diallo', years: 15, domains: ['human_rights'], ...overrides };
}

export function makeMember(overrides: Partial<MemberData> = {}): MemberData {
  return {
    name: 'Human Rights Academy GmbH',
    country: 'DE',
    role: 'member',
    declarations: { no_exclusion_situation: true, no_conflict_of_interest: true },
    references: [],
    experts: [],
    ...overrides,
  };
}

/** A single-entity dossier from Senegal, in time, with every default of a validated dossier. */
export function makeDossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    candidate: { name: 'Institut Droits & Sécurité SARL', country: 'SN' },
    submitted_at: '2025-11-27T10:15:00Z',
    members: [],
    declarations: { no_exclusion_situation: true, no_conflict_of_interest: true },
    references: [],
    experts: [],
    documents: {},
    ...overrides,
  };
}

export function gate(id: string, rule: Rule): Criterion {
  return { id, label: { fr: id, en: id }, kind: 'gate', rule };
}

export function score(id: string, max: number, rule: Rule): Criterion {
  return { id, label: { fr: id, en: id }, kind: 'score', max, rule };
}

export function makeCriteria(criteria: Criterion[], extra: Partial<CriteriaSet> = {}): CriteriaSet {
  return { name: 'test grid', criteria, tie_breakers: [], ...extra };
}

/** Evaluates one criterion for one dossier and returns its result. */
export function evaluateOne(
  criterion: Criterion,
  dossier: Dossier,
  options: { tender?: Tender; attachments?: AttachmentFact[] } = {},
): CriterionResult {
  const ev = evaluateDossier(
    { id: 'c01', hash: 'h', dossier, attachments: options.attachments ?? [], warnings: [] },
    makeCriteria([criterion]),
    options.tender ?? makeTender(),
  );
  const result = ev.criteria[criterion.id];
  if (!result) throw new Error(`no result for ${criterion.id}`);
  return result;
}

/** A hand-made evaluation for ranking tests: gate verdicts and score points by criterion id. */
export function makeEvaluation(
  id: string,
  spec: {
    gates?: Record<string, boolean>;
    points?: Record<string, number | null>;
    metrics?: Record<string, Record<string, number>>;
  } = {},
): CandidateEvaluation {
  const criteria: Record<string, CriterionResult> = {};
  for (const [cid, passed] of Object.entries(spec.gates ?? {})) {
    criteria[cid] = {
      criterion: cid,
      kind: 'gate',
      passed,
      points: null,
      metrics: spec.metrics?.[cid] ?? {},
      explanation: [
        { fr: `${cid} ${passed ? 'atteint' : 'non atteint'}`, en: `${cid} ${passed ? 'met' : 'not met'}` },
      ],
    };
  }
  for (const [cid, points] of Object.entries(spec.points ?? {})) {
    criteria[cid] = {
      criterion: cid,
      kind: 'score',
      passed: null,
      points,
      metrics: spec.metrics?.[cid] ?? {},
      explanation: [{ fr: `${cid}`, en: `${cid}` }],
      ...(points === null ? { pending: true } : {}),
    };
  }
  return { id, name: `Candidate ${id}`, country: 'SN', dossierHash: `hash-${id}`, criteria, warnings: [] };
}
