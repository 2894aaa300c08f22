/** Criteria, manual scores and result builders shared by the sample report. */
import type { CriteriaSet, CriterionResult, ItemVerdict, ManualScore } from '../../src/core/types.js';

export const criteria: CriteriaSet = {
  name: 'S29 prequalification grid',
  criteria: [
    {
      id: 'ADM-1',
      label: { fr: 'Dossier reçu dans les délais', en: 'Received before the deadline' },
      kind: 'gate',
      rule: { type: 'deadline' },
    },
    {
      id: 'ADM-2',
      label: { fr: 'Pièces obligatoires', en: 'Mandatory documents' },
      kind: 'gate',
      rule: { type: 'documents', required: ['application_form', 'registration_certificate'] },
    },
    {
      id: 'ELI-1',
      label: { fr: 'Nationalité', en: 'Nationality' },
      kind: 'gate',
      rule: { type: 'nationality', allowed: ['EU', 'ACP'] },
    },
    {
      id: 'SEL-3',
      label: { fr: 'Références pertinentes', en: 'Relevant references' },
      kind: 'gate',
      rule: {
        type: 'references',
        at_least: 2,
        filter: { tags_any: ['human_rights'], within_years: 5, min_value: 150000 },
      },
    },
    {
      id: 'EXP-1',
      label: { fr: 'Expérience en formation aux droits humains', en: 'Human rights training experience' },
      kind: 'score',
      max: 40,
      rule: {
        type: 'references',
        points_each: 10,
        filter: { tags_all: ['human_rights', 'training'], within_years: 5 },
      },
    },
    {
      id: 'EXP-3',
      label: { fr: 'Qualité de la note méthodologique', en: 'Quality of the methodology note' },
      kind: 'score',
      max: 20,
      rule: { type: 'manual', guidance: { fr: 'Apprécier la méthode', en: 'Judge the method' } },
    },
  ],
  tie_breakers: [
    { criterion: 'SEL-3', metric: 'count' },
    { criterion: 'SEL-3', metric: 'total_value' },
  ],
};

function score(
  evaluator: string,
  candidate: string,
  points: number,
  comment: string,
  line: number,
): ManualScore {
  const file = evaluator === 'Jean Dupont' ? 'jean' : 'marie';
  return {
    evaluator,
    candidate,
    criterion: 'EXP-3',
    points,
    comment,
    source: `scores/${file}.csv:${line}`,
    recordedAt: '2025-12-04T10:00:00Z',
  };
}

export const scores: ManualScore[] = [
  score('Jean Dupont', 'c01-idsec', 17, 'Méthode solide', 2),
  score('Marie Sow', 'c01-idsec', 19, 'Très complète', 2),
  score('Jean Dupont', 'c02-hostile', 11, '=1+1 "quoted" <i>x</i>', 3),
  score('Marie Sow', 'c02-hostile', 20, 'Excellente', 3),
  score('Jean Dupont', 'c03-alpha', 10, 'Correcte', 4),
  score('Marie Sow', 'c03-alpha', 10, 'Correcte', 4),
  score('Jean Dupont', 'c04-beta', 9, 'Moyenne', 5),
  score('Marie Sow', 'c04-beta', 11, 'Assez bonne', 5),
  score('Jean Dupont', 'c05-gamma', 14, 'Bonne', 6),
  score('Marie Sow', 'c05-gamma', 16, 'Bonne', 6),
  score('Jean Dupont', 'c06-delta', 12, 'En attente de Marie', 7),
  score('Jean Dupont', 'c07-late', 5, 'Faible', 8),
  score('Marie Sow', 'c07-late', 5, 'Faible', 7),
];

/** What the gates measured, as their rules give it (the deadline rule's instant in UTC). */
const METRICS: Record<string, Record<string, number | string>> = {
  'ADM-1': { submitted_at: '2025-11-27T10:15:00Z' },
  'SEL-3': { count: 2, total_value: 470000 },
};

const pass = (id: string, fr: string, en: string, items?: ItemVerdict[]): CriterionResult => ({
  criterion: id,
  kind: 'gate',
  passed: true,
  points: null,
  metrics: METRICS[id] ?? {},
  explanation: [{ fr, en }],
  ...(items ? { items } : {}),
});

/** All four gates passed; `items` attaches item verdicts to a gate (SEL-3). */
export function gatesPassed(items: Record<string, ItemVerdict[]> = {}): Record<string, CriterionResult> {
  return {
    'ADM-1': pass(
      'ADM-1',
      'reçu le 2025-11-27T10:15:00Z, dans les délais',
      'received 2025-11-27T10:15:00Z, on time',
    ),
    'ADM-2': pass('ADM-2', 'toutes les pièces sont présentes', 'every document is present'),
    'ELI-1': pass('ELI-1', 'tous les membres sont admis', 'every member is eligible'),
    'SEL-3': pass('SEL-3', '2 références comptées', '2 references counted', items['SEL-3']),
  };
}

/** EXP-1 with `exp1` points, EXP-3 as the mean of the candidate's scores (pending below two evaluators). */
export function evaluateScores(
  candidate: string,
  exp1: number,
  items?: ItemVerdict[],
): Record<string, CriterionResult> {
  const own = scores.filter((entry) => entry.candidate === candidate).map((entry) => entry.points);
  const pending = own.length < 2;
  const mean = pending ? null : Math.round((own.reduce((a, b) => a + b, 0) / own.length) * 100) / 100;
  return {
    'EXP-1': {
      criterion: 'EXP-1',
      kind: 'score',
      passed: null,
      points: exp1,
      metrics: { count: exp1 / 10, total_value: exp1 * 10000 },
      explanation: [{ fr: `${exp1 / 10} référence(s) comptée(s)`, en: `${exp1 / 10} reference(s) counted` }],
      ...(items ? { items } : {}),
    },
    'EXP-3': {
      criterion: 'EXP-3',
      kind: 'score',
      passed: null,
      points: mean,
      metrics: { evaluators: own.length },
      explanation: [
        { fr: `moyenne de ${own.length} évaluateur(s)`, en: `mean of ${own.length} evaluator(s)` },
      ],
      ...(pending ? { pending: true } : {}),
    },
  };
}
