import { describe, expect, it } from 'vitest';
import { checkScoreRows, parsePoints, type ScoreRow } from '../../src/committee/score-rows.js';
import type { CriteriaSet } from '../../src/core/types.js';

const CRITERIA = {
  name: 'grid',
  criteria: [{ id: 'EXP-4', label: { en: 'Method' }, kind: 'score', max: 20, rule: { type: 'manual' } }],
} as unknown as CriteriaSet;

const row = (points: string): ScoreRow => ({
  evaluator: 'Jean',
  candidate: 'c01',
  criterion: 'EXP-4',
  points,
  comment: 'fine',
  file: 'scores/jean.csv',
  line: 2,
});

describe('parsePoints', () => {
  it('reads plain decimals, with a point or a decimal comma', () => {
    expect(parsePoints(' 14 ')).toBe(14);
    expect(parsePoints('14.5')).toBe(14.5);
    expect(parsePoints('14,5')).toBe(14.5);
    expect(parsePoints('-1')).toBe(-1);
  });

  it('refuses what Number() would accept but no evaluator writes', () => {
    for (const text of ['', '  ', '0x10', '1e1', 'Infinity', '+3', '.5', '5.', '1,2,3', '0b1'])
      expect(parsePoints(text)).toBeNull();
  });
});

describe('checkScoreRows points', () => {
  it('reports hexadecimal, exponent and empty points as not a number', () => {
    const view = { members: new Map(), candidates: new Set(['c01']) };
    for (const points of ['0x10', '1e1', '']) {
      const { scores, issues } = checkScoreRows([row(points)], CRITERIA, view, '2025-12-05T10:00:00Z');
      expect(scores).toEqual([]);
      expect(issues.map((i) => i.message)).toEqual([`points "${points}" is not a number`]);
    }
    const ok = checkScoreRows([row('12,5')], CRITERIA, view, '2025-12-05T10:00:00Z');
    expect(ok.issues).toEqual([]);
    expect(ok.scores[0]?.points).toBe(12.5);
  });
});

describe('checkScoreRows declarations', () => {
  const AT = '2025-12-05T10:00:00Z';
  const viewWith = (declaredAt: string | null) => ({
    members: new Map([['Jean', { role: 'evaluator', declaredAt }]]),
    candidates: new Set(['c01']),
  });
  const messages = (declaredAt: string | null) =>
    checkScoreRows([row('12')], CRITERIA, viewWith(declaredAt), AT).issues.map((i) => i.message);

  it('accepts a declaration made before the score, or on its day', () => {
    expect(messages('2025-11-20')).toEqual([]);
    expect(messages('2025-12-05')).toEqual([]);
    expect(messages('2025-12-05T09:59:59Z')).toEqual([]);
  });

  it('refuses a score made before the declaration it relies on, or without one', () => {
    expect(messages('2030-01-15')).toEqual([
      '"Jean" declared impartiality and confidentiality on 2030-01-15, after this score (2025-12-05T10:00:00Z): the declaration must come first',
    ]);
    expect(messages('2025-12-05T10:00:01Z')).toHaveLength(1);
    expect(messages(null)).toEqual([
      '"Jean" has not recorded a declaration of impartiality and confidentiality',
    ]);
  });
});

describe('checkScoreRows evaluator names', () => {
  it('names the member an unknown evaluator is another spelling of', () => {
    const view = {
      members: new Map([['Hélène Marchand', { role: 'evaluator', declaredAt: '2025-12-01' }]]),
      candidates: new Set(['c01']),
    };
    const check = (evaluator: string) =>
      checkScoreRows([{ ...row('12'), evaluator }], CRITERIA, view, '2025-12-05T10:00:00Z').issues.map(
        (i) => i.message,
      );
    expect(check('Helene Marchand')).toEqual([
      'unknown evaluator "Helene Marchand" (not registered in the committee) (did you mean "Hélène Marchand"?)',
    ]);
    expect(check('Jean')).toEqual(['unknown evaluator "Jean" (not registered in the committee)']);
    expect(check('Hélène Marchand')).toEqual([]);
  });
});
