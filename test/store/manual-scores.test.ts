import { describe, expect, it } from 'vitest';
import type { ManualScore } from '../../src/core/types.js';
import { UserError } from '../../src/errors.js';
import {
  addMember,
  listAudit,
  listScores,
  recordDeclaration,
  recordScores,
  type Store,
} from '../../src/store/index.js';
import { AT, LATER, openTempStore } from './helpers.js';

const META = { by: 'secretary', at: AT };

function score(evaluator: string, candidate: string, points: number, comment = 'solid'): ManualScore {
  return {
    evaluator,
    candidate,
    criterion: 'EXP-3',
    points,
    comment,
    source: 'scores/jean.csv:2',
    recordedAt: AT,
  };
}

function committeeStore(): Store {
  const store = openTempStore();
  addMember(store, { name: 'Jean', role: 'evaluator' }, META);
  addMember(store, { name: 'Fatou', role: 'evaluator' }, META);
  addMember(store, { name: 'Awa', role: 'chair' }, META);
  recordDeclaration(store, 'Jean', AT, 'declared');
  recordDeclaration(store, 'Fatou', AT, 'declared');
  recordDeclaration(store, 'Awa', AT, 'declared');
  return store;
}

describe('manual scores', () => {
  it('keeps the latest score current and the earlier one in history', () => {
    const store = committeeStore();
    expect(recordScores(store, [score('Jean', 'c01', 12), score('Fatou', 'c01', 14)], META)).toEqual({
      recorded: 2,
      unchanged: 0,
    });
    recordScores(store, [{ ...score('Jean', 'c01', 15, 'revised'), recordedAt: LATER }], META);
    expect(listScores(store).map((s) => [s.evaluator, s.points, s.comment])).toEqual([
      ['Fatou', 14, 'solid'],
      ['Jean', 15, 'revised'],
    ]);
    const history = store.db
      .prepare("SELECT points, superseded FROM manual_scores WHERE evaluator = 'Jean'")
      .all();
    expect(history).toEqual([
      { points: 12, superseded: 1 },
      { points: 15, superseded: 0 },
    ]);
    const last = listAudit(store).at(-1);
    expect(last).toMatchObject({ action: 'score.record', subject: 'c01 EXP-3 Jean', why: 'revised' });
    expect(last?.before).toMatchObject({ points: 12 });
  });

  it('records nothing again for the same scores', () => {
    const store = committeeStore();
    recordScores(store, [score('Jean', 'c01', 12)], META);
    const audited = listAudit(store).length;
    expect(recordScores(store, [score('Jean', 'c01', 12)], META)).toEqual({ recorded: 0, unchanged: 1 });
    expect(listAudit(store)).toHaveLength(audited);
  });

  it('stores nothing of a batch when one row fails', () => {
    const store = committeeStore();
    const audited = listAudit(store).length;
    const bad = [score('Jean', 'c01', 12), score('Fatou', 'c02', 9), score('Jean', 'c03', Number.NaN)];
    expect(() => recordScores(store, bad, META)).toThrow(UserError);
    expect(listScores(store)).toEqual([]);
    expect(listAudit(store)).toHaveLength(audited);
  });

  it('lets the database refuse a bad row too, leaving nothing', () => {
    const store = committeeStore();
    store.db.exec('DROP INDEX manual_scores_current');
    store.db.exec(
      "CREATE TRIGGER refuse_c03 BEFORE INSERT ON manual_scores WHEN NEW.candidate = 'c03' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    expect(() => recordScores(store, [score('Jean', 'c01', 12), score('Jean', 'c03', 1)], META)).toThrow(
      /refused/,
    );
    expect(listScores(store)).toEqual([]);
  });

  it('accepts scores only from declared voting evaluators', () => {
    const store = committeeStore();
    addMember(store, { name: 'Late', role: 'evaluator' }, META);
    expect(() => recordScores(store, [score('Nobody', 'c01', 1)], META)).toThrow(
      /not a registered committee member\.$/,
    );
    expect(() => recordScores(store, [score('jean', 'c01', 1)], META)).toThrow(
      /not a registered committee member \(did you mean "Jean"\?\)/,
    );
    expect(() => recordScores(store, [score('Awa', 'c01', 1)], META)).toThrow(/chair of the committee/);
    expect(() => recordScores(store, [score('Late', 'c01', 1)], META)).toThrow(/declaration of impartiality/);
    expect(() => recordScores(store, [score('Jean', 'c01', -1)], META)).toThrow(/scores\/jean.csv:2/);
    expect(listScores(store)).toEqual([]);
  });

  it('accepts any named evaluator when no committee is registered (voters are everyone who scored)', () => {
    const store = openTempStore();
    expect(recordScores(store, [score('Jean', 'c01', 3), score('Anyone', 'c01', 2)], META)).toEqual({
      recorded: 2,
      unchanged: 0,
    });
    expect(listScores(store).map((s) => s.evaluator)).toEqual(['Anyone', 'Jean']);
    expect(() => recordScores(store, [score(' ', 'c02', 1)], META)).toThrow(/evaluator's name is empty/);
  });
});
