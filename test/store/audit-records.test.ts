/**
 * `verifyAudit` holds the committee's records — overrides, tie decisions, manual scores — to the
 * audit entries that recorded them. Each forgery below is raw SQL on an intact hash chain, the
 * append-only triggers dropped first as an insider would: only the row check can catch it.
 */
import { describe, expect, it } from 'vitest';
import type { ManualScore } from '../../src/core/types.js';
import {
  addMember,
  listAudit,
  listOverrides,
  listScores,
  recordDecision,
  recordDeclaration,
  recordOverride,
  recordScores,
  type Store,
  verifyAudit,
} from '../../src/store/index.js';
import { forge, seqOf } from './forge.js';
import { AT, LATER, openTempStore } from './helpers.js';

const META = { by: 'secretary', at: AT };

function score(evaluator: string, points: number, comment = 'solid', recordedAt = AT): ManualScore {
  const source = 'scores/jean.csv:2';
  return { evaluator, candidate: 'c01', criterion: 'EXP-3', points, comment, source, recordedAt };
}

/**
 * A committee's work, its acts interleaved in the log: three overrides (one replacing another),
 * two decisions on one tie, three scores of which Jean's first is superseded by his revision.
 */
function committeeStore(): Store {
  const store = openTempStore();
  for (const name of ['Jean', 'Fatou']) {
    addMember(store, { name, role: 'evaluator' }, META);
    recordDeclaration(store, name, AT, 'declared');
  }
  recordScores(store, [score('Jean', 12), score('Fatou', 14)], META);
  const annex = { candidate: 'c01', criterion: 'ADM-2', by: 'sec', at: AT };
  recordOverride(store, { ...annex, passed: true, reason: 'form filed as annex' });
  const tie = { chosen: ['c10'], tied: ['c10', 'c11'], reason: 'more projects in SN', by: 'chair', at: AT };
  recordDecision(store, tie);
  recordScores(store, [score('Jean', 15, 'revised', LATER)], { ...META, at: LATER });
  recordOverride(store, { ...annex, passed: false, reason: 'annex unsigned', at: LATER });
  recordOverride(store, { ...annex, criterion: 'EXP-1', points: 20, reason: 'ref 4 counts' });
  recordDecision(store, { ...tie, chosen: ['c11'], reason: 'corrected count', at: LATER });
  return store;
}

describe('verifyAudit on the committee records', () => {
  it('passes an untouched store, its superseded score included, and fails once that score is not', () => {
    const store = committeeStore();
    const history = store.db.prepare('SELECT id, superseded FROM manual_scores ORDER BY id').all();
    expect(history).toEqual([
      { id: 1, superseded: 1 },
      { id: 2, superseded: 0 },
      { id: 3, superseded: 0 },
    ]);
    expect(verifyAudit(store)).toEqual({ ok: true, count: listAudit(store).length });
    // The superseded row was judged, not skipped: the same store with its points changed fails.
    forge(store, 'UPDATE manual_scores SET points = 13 WHERE id = 1');
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^manual_scores row 1 .*points is 13, the entry says 12$/),
    });
  });

  it.each([
    [
      "an override's justification",
      "UPDATE overrides SET reason = 'forged' WHERE id = 2",
      ['override.record', 2, 'overrides row 2 (c01 ADM-2)'],
      'reason is "forged", the entry says "annex unsigned"',
    ],
    [
      "an override's verdict",
      'UPDATE overrides SET passed = 1, points = 3 WHERE id = 2',
      ['override.record', 2, 'overrides row 2 (c01 ADM-2)'],
      'passed is true, the entry says false; points is 3, the entry says null',
    ],
    [
      'an override moved to another candidate',
      "UPDATE overrides SET candidate = 'c09' WHERE id = 3",
      ['override.record', 3, 'overrides row 3 (c09 EXP-1)'],
      'candidate and criterion is "c09 EXP-1", the entry says "c01 EXP-1"',
    ],
    [
      "a tie decision's chosen candidate",
      `UPDATE tie_decisions SET chosen = '["c10"]' WHERE id = 2`,
      ['decision.record', 2, 'tie_decisions row 2 (tie c10, c11)'],
      'chosen is ["c10"], the entry says ["c11"]',
    ],
    [
      "a manual score's points",
      'UPDATE manual_scores SET points = 20 WHERE id = 3',
      ['score.record', 3, 'manual_scores row 3 (c01 EXP-3 by Jean)'],
      'points is 20, the entry says 15',
    ],
    [
      'a superseded score moved to another evaluator',
      "UPDATE manual_scores SET evaluator = 'Fatou', comment = 'weak' WHERE id = 1",
      ['score.record', 1, 'manual_scores row 1 (c01 EXP-3 by Fatou)'],
      'candidate, criterion and evaluator is "c01 EXP-3 Fatou", the entry says "c01 EXP-3 Jean"; ' +
        'comment is "weak", the entry says "solid"',
    ],
    [
      "a manual score's time, which decides whether it follows the evaluator's declaration",
      "UPDATE manual_scores SET recorded_at = '2025-11-30T09:00:00Z' WHERE id = 3",
      ['score.record', 3, 'manual_scores row 3 (c01 EXP-3 by Jean)'],
      `recorded at is "2025-11-30T09:00:00Z", the entry says "${LATER}"`,
    ],
    [
      'the times of two scores swapped',
      `UPDATE manual_scores SET recorded_at = CASE id WHEN 1 THEN '${LATER}' ELSE '${AT}' END WHERE id IN (1, 3)`,
      ['score.record', 1, 'manual_scores row 1 (c01 EXP-3 by Jean)'],
      `recorded at is "${LATER}", the entry says "${AT}"`,
    ],
  ] as const)('names %s changed with SQL, and what differs', (_, sql, [action, n, row], what) => {
    const store = committeeStore();
    forge(store, sql);
    const seq = seqOf(store, action, n);
    const reason = `${row} differs from audit entry ${seq} that recorded it: ${what}`;
    expect(verifyAudit(store)).toEqual({ ok: false, seq, reason });
  });

  it.each([
    ['an override', 'overrides', 'override.record', 2, 'override', 'c01 ADM-2'],
    ['a tie decision', 'tie_decisions', 'decision.record', 2, 'tie decision', 'tie c10, c11'],
    ['a manual score', 'manual_scores', 'score.record', 2, 'manual score', 'c01 EXP-3 Fatou'],
  ] as const)('names %s, deleted with SQL', (_, table, action, n, noun, subject) => {
    const store = committeeStore();
    forge(store, `DELETE FROM ${table} WHERE id = ${n}`);
    const seq = seqOf(store, action, n);
    const reason = `the ${noun} recorded by audit entry ${seq} (${subject}) has no row in ${table}: it was deleted`;
    expect(verifyAudit(store)).toEqual({ ok: false, seq, reason });
  });

  it.each([
    [
      "INSERT INTO overrides (candidate, criterion, passed, reason, by, at) VALUES ('c05', 'SEL-1', 1, 'x', 'sec', 'now')",
      'overrides row 4 (c05 SEL-1)',
    ],
    [
      `INSERT INTO tie_decisions (chosen, tied, reason, by, at) VALUES ('["c11"]', '["c10","c11"]', 'x', 'chair', 'now')`,
      'tie_decisions row 3 (tie c10, c11)',
    ],
    [
      `INSERT INTO manual_scores (evaluator, candidate, criterion, points, comment, source, recorded_at)
       VALUES ('Awa', 'c02', 'EXP-3', 19, 'mine', 'typed', 'now')`,
      'manual_scores row 4 (c02 EXP-3 by Awa)',
    ],
  ])('names a row inserted without an audit entry, no trigger dropped: %s', (sql, row) => {
    const store = committeeStore();
    store.db.exec(sql);
    const reason = `${row} has no audit entry: it was added outside prequal`;
    expect(verifyAudit(store)).toEqual({ ok: false, seq: null, reason });
  });

  it('holds a score dated apart from its act to the date its entry gives', () => {
    const store = openTempStore();
    recordScores(store, [score('Jean', 12, 'solid', LATER)], META);
    expect(listAudit(store)[0]?.after).toMatchObject({ recordedAt: LATER });
    expect(verifyAudit(store)).toEqual({ ok: true, count: 1 });
    forge(store, `UPDATE manual_scores SET recorded_at = '${AT}'`);
    expect(verifyAudit(store)).toEqual({
      ok: false,
      seq: 1,
      reason: `manual_scores row 1 (c01 EXP-3 by Jean) differs from audit entry 1 that recorded it: recorded at is "${AT}", the entry says "${LATER}"`,
    });
  });

  it('names two overrides whose rows were swapped, which changes the one in force', () => {
    const store = committeeStore();
    forge(store, 'UPDATE overrides SET id = 9 WHERE id = 1; UPDATE overrides SET id = 1 WHERE id = 2;');
    forge(store, 'UPDATE overrides SET id = 2 WHERE id = 9');
    expect(listOverrides(store)[0]).toMatchObject({ reason: 'form filed as annex' });
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      seq: seqOf(store, 'override.record', 1),
      reason: expect.stringMatching(/^overrides row 1 \(c01 ADM-2\) differs .*passed is false/),
    });
  });

  it('names a revision undone by flipping the superseded flags, which no trigger forbids', () => {
    const store = committeeStore();
    store.db.exec('UPDATE manual_scores SET superseded = 1 WHERE id = 3');
    store.db.exec('UPDATE manual_scores SET superseded = 0 WHERE id = 1');
    expect(listScores(store).find((s) => s.evaluator === 'Jean')?.points).toBe(12);
    expect(verifyAudit(store)).toEqual({
      ok: false,
      seq: seqOf(store, 'score.record', 1),
      reason: 'manual_scores row 1 (c01 EXP-3 by Jean) is marked current, but row 3 replaced it',
    });
    store.db.exec('UPDATE manual_scores SET superseded = 1 WHERE id = 1');
    expect(verifyAudit(store)).toEqual({
      ok: false,
      seq: seqOf(store, 'score.record', 3),
      reason: 'manual_scores row 3 (c01 EXP-3 by Jean) is marked superseded, but no later score replaces it',
    });
  });

  it('reports a broken chain before any record: the entries are not to be trusted then', () => {
    const store = committeeStore();
    forge(store, "UPDATE overrides SET reason = 'forged' WHERE id = 1");
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^overrides row 1/),
    });
    const seq = seqOf(store, 'score.record', 1);
    store.db.exec('DROP TRIGGER audit_log_no_update');
    store.db.prepare("UPDATE audit_log SET why = 'forged' WHERE seq = ?").run(seq);
    expect(verifyAudit(store)).toMatchObject({ ok: false, seq, reason: expect.stringMatching(/altered/) });
  });
});
