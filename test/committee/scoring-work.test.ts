import { describe, expect, it } from 'vitest';
import {
  findScoringRefusal,
  listManualCriteria,
  listScoringItems,
} from '../../src/committee/scoring-work.js';
import { requireCriteriaVersion } from '../../src/pipeline/import-criteria.js';
import { addMember, recordScores } from '../../src/store/index.js';
import { AT, copyWorkspace, openReadySession } from './helpers.js';

describe('findScoringRefusal', () => {
  it('lets a declared evaluator score and refuses everyone else with the reason', async () => {
    const session = await openReadySession(copyWorkspace());
    addMember(session.store, { name: 'Sans Déclaration', role: 'evaluator' }, { by: 'test', at: AT });
    expect(findScoringRefusal(session, 'Ibrahima Fall')).toBeNull();
    expect(findScoringRefusal(session, 'Awa Ndiaye')).toEqual({
      reason: '"Awa Ndiaye" is the chair of the committee and does not vote',
      undeclared: false,
    });
    expect(findScoringRefusal(session, 'Olivier Lemaire')?.reason).toContain('secretary');
    expect(findScoringRefusal(session, 'Inconnu')?.reason).toBe(
      '"Inconnu" is not a registered committee member (prequal committee add)',
    );
    expect(findScoringRefusal(session, 'Helene MARCHAND')?.reason).toBe(
      '"Helene MARCHAND" is not a registered committee member (did you mean "Hélène Marchand"?) (prequal committee add)',
    );
    expect(findScoringRefusal(session, 'Sans Déclaration')).toEqual({
      reason:
        '"Sans Déclaration" has not recorded a declaration of impartiality and confidentiality (prequal committee declare "Sans Déclaration")',
      undeclared: true,
    });
  });
});

describe('listScoringItems', () => {
  it('lists every valid candidate × manual criterion with the evaluator’s own current score', async () => {
    const session = await openReadySession(copyWorkspace());
    const { criteria } = requireCriteriaVersion(session);
    expect(listManualCriteria(criteria).map((c) => c.id)).toEqual(['EXP-4']);
    const score = (evaluator: string, candidate: string, points: number) => ({
      evaluator,
      candidate,
      criterion: 'EXP-4',
      points,
      comment: 'ok',
      source: 'test',
      recordedAt: AT,
    });
    recordScores(
      session.store,
      [
        score('Ibrahima Fall', 'c02-cabinet-ndiaye-associes', 14),
        score('Hélène Marchand', 'c01-institut-droits-securite', 18),
      ],
      { by: 'test', at: AT },
    );
    const items = listScoringItems(session, 'Ibrahima Fall', criteria);
    // 19 dossiers, of which c15 and c19 are invalid.
    expect(items).toHaveLength(17);
    expect(items.map((i) => i.candidate.id)).not.toContain('c15-nord-sud-expertise');
    expect(items.filter((i) => i.current !== null).map((i) => [i.candidate.id, i.current])).toEqual([
      ['c02-cabinet-ndiaye-associes', { points: 14, comment: 'ok' }],
    ]);
  });
});
