import { describe, expect, it } from 'vitest';
import { readCriteria } from '../../src/dossier/read-tender.js';
import { issuesOf, makeWorkspace, positionOfToken, specTender } from './helpers.js';
import { CRITERIA_YAML } from './spec-examples.js';

const tender = specTender();

function read(text: string) {
  return readCriteria('criteria.yaml', makeWorkspace({ 'criteria.yaml': text }), tender);
}

/** A one-criterion set; `criterion` is the YAML of its mapping (flow style). */
function single(criterion: string, extra = ''): string {
  return `name: grid\ncriteria:\n  - ${criterion}\n${extra}`;
}

describe('readCriteria', () => {
  it('reads the SPEC §3 example with defaults', () => {
    const { criteria, hash } = read(CRITERIA_YAML);
    expect(criteria.criteria.map((criterion) => criterion.id)).toEqual([
      'ADM-1',
      'ADM-2',
      'ELI-1',
      'ELI-2',
      'SEL-1',
      'SEL-2',
      'SEL-3',
      'EXP-1',
      'EXP-2',
      'EXP-3',
    ]);
    expect(criteria.criteria[2]?.label).toEqual({ fr: 'ELI-1', en: 'ELI-1' });
    expect(criteria.criteria[8]?.rule).toEqual({
      type: 'references',
      points_each: 5,
      filter: { countries_any: ['ECOWAS'], within_years: 5 },
    });
    expect(criteria.shortlist_threshold).toBe(40);
    expect(criteria.tie_breakers).toEqual([
      { criterion: 'SEL-3', metric: 'count' },
      { criterion: 'SEL-3', metric: 'total_value' },
    ]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same bytes', () => {
    expect(read(CRITERIA_YAML).hash).toBe(read(CRITERIA_YAML).hash);
    expect(read(CRITERIA_YAML).hash).not.toBe(read(`${CRITERIA_YAML}\n`).hash);
  });

  it('defaults tie_breakers to none', () => {
    expect(read(single('{ id: A, kind: gate, rule: { type: deadline } }')).criteria.tie_breakers).toEqual([]);
  });

  const gate = '{ id: A, kind: gate, rule: { type: deadline } }';
  const cases: {
    name: string;
    text: string;
    issue: { path: string; message: string };
    at: [number, string];
  }[] = [
    {
      name: 'duplicate id',
      text: `name: grid\ncriteria:\n  - ${gate}\n  - ${gate}\n`,
      issue: { path: 'criteria.1.id', message: 'duplicate criterion id "A" (also criteria.0)' },
      at: [4, 'id: A'],
    },
    {
      name: 'tie-breaker naming an unknown criterion',
      text: single(gate, 'tie_breakers:\n  - { criterion: B, metric: points }\n'),
      issue: { path: 'tie_breakers.0.criterion', message: 'unknown criterion "B" (did you mean "A"?)' },
      at: [5, 'criterion: B'],
    },
    {
      name: 'tie-breaker metric the rule does not produce',
      text: single(
        '{ id: R, kind: score, max: 10, rule: { type: references, points_each: 5 } }',
        'tie_breakers:\n  - { criterion: R, metric: average }\n',
      ),
      issue: {
        path: 'tie_breakers.0.metric',
        message: 'criterion R has no metric "average"; use one of count, total_value, points',
      },
      at: [5, 'metric: average'],
    },
    {
      name: 'tie-breaker on a date metric',
      text: single(gate, 'tie_breakers:\n  - { criterion: A, metric: submitted_at }\n'),
      issue: {
        path: 'tie_breakers.0.metric',
        message:
          'metric "submitted_at" of criterion A is not a number and cannot rank candidates; criterion A has no numeric metric; break ties on another criterion',
      },
      at: [5, 'metric: submitted_at'],
    },
    {
      name: 'tie-breaker on a list metric',
      text: single(
        '{ id: D, kind: gate, rule: { type: documents, required: [form] } }',
        'tie_breakers:\n  - { criterion: D, metric: missing }\n',
      ),
      issue: {
        path: 'tie_breakers.0.metric',
        message:
          'metric "missing" of criterion D is not a number and cannot rank candidates; criterion D has no numeric metric; break ties on another criterion',
      },
      at: [5, 'metric: missing'],
    },
    {
      name: 'score without max',
      text: single('{ id: A, kind: score, rule: { type: references, points_each: 5 } }'),
      issue: { path: 'criteria.0.max', message: 'a score criterion needs "max", its highest points' },
      at: [3, '{ id'],
    },
    {
      name: 'gate with points_each',
      text: single('{ id: A, kind: gate, rule: { type: references, at_least: 2, points_each: 5 } }'),
      issue: {
        path: 'criteria.0.rule.points_each',
        message: '"points_each" is for score criteria; this one is a gate',
      },
      at: [3, 'points_each'],
    },
    {
      name: 'gate without its threshold',
      text: single('{ id: A, kind: gate, rule: { type: turnover, years: 3 } }'),
      issue: {
        path: 'criteria.0.rule.average_at_least',
        message: 'a gate with a turnover rule needs "average_at_least"',
      },
      at: [3, 'rule:'],
    },
    {
      name: 'gate with max',
      text: single('{ id: A, kind: gate, max: 10, rule: { type: deadline } }'),
      issue: { path: 'criteria.0.max', message: 'a gate is pass/fail and has no points; remove "max"' },
      at: [3, 'max:'],
    },
    {
      name: 'gate-only rule used as a score',
      text: single('{ id: A, kind: score, max: 5, rule: { type: documents, required: [form] } }'),
      issue: { path: 'criteria.0.kind', message: 'rule type "documents" is pass/fail only; use kind: gate' },
      at: [3, 'kind:'],
    },
    {
      name: 'manual as a gate',
      text: single('{ id: A, kind: gate, rule: { type: manual, guidance: { en: x } } }'),
      issue: { path: 'criteria.0.kind', message: 'a manual criterion gives points; use kind: score' },
      at: [3, 'kind:'],
    },
    {
      name: 'manual scale above max',
      text: single(
        '{ id: A, kind: score, max: 10, rule: { type: manual, guidance: { en: x }, scale: [0, 5, 20] } }',
      ),
      issue: { path: 'criteria.0.rule.scale.2', message: 'scale value 20 is above max 10' },
      at: [3, '20'],
    },
    {
      name: 'score with from equal to to',
      text: single('{ id: A, kind: score, max: 10, rule: { type: staff, field: total, from: 5, to: 5 } }'),
      issue: { path: 'criteria.0.rule.to', message: '"from" and "to" must differ (both are 5)' },
      at: [3, 'to:'],
    },
    {
      name: 'consensus spread above 1',
      text: single(
        '{ id: A, kind: score, max: 10, rule: { type: manual, guidance: { en: x }, consensus_spread: 2 } }',
      ),
      issue: { path: 'criteria.0.rule.consensus_spread', message: 'must be 1 or less, got the number 2' },
      at: [3, 'consensus_spread'],
    },
    {
      name: 'unknown group',
      text: single('{ id: A, kind: gate, rule: { type: nationality, allowed: [EU, ECOWA] } }'),
      issue: {
        path: 'criteria.0.rule.allowed.1',
        message:
          '"ECOWA" is neither a country code, EU, ACP nor a country group of tender.yaml (did you mean "ECOWAS"?)',
      },
      at: [3, 'ECOWA'],
    },
    {
      name: 'unknown rule type',
      text: single('{ id: A, kind: gate, rule: { type: deadlin } }'),
      issue: {
        path: 'criteria.0.rule.type',
        message:
          'unknown type "deadlin" (did you mean "deadline"?); expected one of deadline, documents, nationality, declarations, turnover, current_ratio, staff, references, experts, manual',
      },
      at: [3, 'type:'],
    },
    {
      name: 'misspelt threshold',
      text: single('{ id: A, kind: gate, rule: { type: turnover, years: 3, average_atleast: 5 } }'),
      issue: {
        path: 'criteria.0.rule.average_atleast',
        message: 'unknown key "average_atleast" (did you mean "average_at_least"?)',
      },
      at: [3, 'average_atleast'],
    },
    {
      name: 'kind outside gate/score',
      text: single('{ id: A, kind: gat, rule: { type: deadline } }'),
      issue: {
        path: 'criteria.0.kind',
        message: 'expected one of "gate", "score", got the text "gat" (did you mean "gate"?)',
      },
      at: [3, 'kind:'],
    },
    {
      name: 'negative threshold',
      text: single(gate, 'shortlist_threshold: -1\n'),
      issue: { path: 'shortlist_threshold', message: 'must be 0 or more, got the number -1' },
      at: [4, 'shortlist_threshold'],
    },
    {
      name: 'unreachable threshold',
      text: single(
        '{ id: A, kind: score, max: 10, rule: { type: experts, points_each: 5 } }',
        'shortlist_threshold: 11\n',
      ),
      issue: {
        path: 'shortlist_threshold',
        message: 'shortlist_threshold 11 is above the highest possible total 10',
      },
      at: [4, 'shortlist_threshold'],
    },
    {
      name: 'empty criteria list',
      text: 'name: grid\ncriteria: []\n',
      issue: { path: 'criteria', message: 'must list at least one item' },
      at: [2, 'criteria'],
    },
    {
      name: 'reserved id',
      text: single('{ id: threshold, kind: gate, rule: { type: deadline } }'),
      issue: { path: 'criteria.0.id', message: 'criterion id "threshold" is reserved; choose another' },
      at: [3, 'id:'],
    },
  ];

  it.each(cases)('reports $name with its line and column', ({ text, issue, at }) => {
    const position = positionOfToken(text, ...at);
    expect(issuesOf(() => read(text))).toContainEqual({ file: 'criteria.yaml', ...issue, ...position });
  });

  it('reports a duplicate id even when another criterion is broken', () => {
    const text = `name: grid\ncriteria:\n  - ${gate}\n  - ${gate}\n  - { id: C, kind: nope, rule: { type: deadline } }\n`;
    const paths = issuesOf(() => read(text)).map((issue) => issue.path);
    expect(paths).toEqual(['criteria.1.id', 'criteria.2.kind']);
  });
});
