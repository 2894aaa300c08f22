import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  listAudit,
  listDecisions,
  listOverrides,
  recordDecision,
  recordOverride,
} from '../../src/store/index.js';
import { AT, LATER, openTempStore } from './helpers.js';

describe('overrides', () => {
  it('keeps every override, the latest per candidate and criterion in force', () => {
    const store = openTempStore();
    const first = {
      candidate: 'c01',
      criterion: 'ADM-2',
      passed: true,
      reason: 'form filed as annex',
      by: 'sec',
      at: AT,
    };
    recordOverride(store, first);
    recordOverride(store, {
      candidate: 'c02',
      criterion: 'EXP-1',
      points: 20,
      reason: 'ref 4 counts',
      by: 'sec',
      at: AT,
    });
    recordOverride(store, { ...first, passed: false, reason: 'annex unsigned', at: LATER });
    expect(listOverrides(store)).toEqual([
      { candidate: 'c01', criterion: 'ADM-2', passed: false, reason: 'annex unsigned', by: 'sec', at: LATER },
      { candidate: 'c02', criterion: 'EXP-1', points: 20, reason: 'ref 4 counts', by: 'sec', at: AT },
    ]);
    expect(store.db.prepare('SELECT count(*) AS n FROM overrides').get()).toEqual({ n: 3 });
    const last = listAudit(store).at(-1);
    expect(last).toMatchObject({
      action: 'override.record',
      why: 'annex unsigned',
      before: { passed: true },
    });
  });

  it('refuses an override without a justification or a verdict', () => {
    const store = openTempStore();
    const base = { candidate: 'c01', criterion: 'ADM-2', by: 'sec', at: AT };
    expect(() => recordOverride(store, { ...base, passed: true, reason: '  ' })).toThrow(UserError);
    expect(() => recordOverride(store, { ...base, reason: 'why' })).toThrow(UserError);
    expect(listOverrides(store)).toEqual([]);
    store.db.exec(
      "INSERT INTO overrides (candidate, criterion, passed, reason, by, at) VALUES ('c', 'k', 1, 'r', 'b', 'a')",
    );
    expect(() => store.db.exec('DELETE FROM overrides')).toThrow(/append-only/);
  });
});

describe('tie decisions', () => {
  it('appends decisions in order, with their audit entries', () => {
    const store = openTempStore();
    const decision = {
      chosen: ['c10'],
      tied: ['c10', 'c11'],
      reason: 'more projects in SN',
      by: 'chair',
      at: AT,
    };
    recordDecision(store, decision);
    recordDecision(store, { ...decision, chosen: ['c11'], reason: 'corrected count', at: LATER });
    expect(listDecisions(store)).toEqual([
      decision,
      { ...decision, chosen: ['c11'], reason: 'corrected count', at: LATER },
    ]);
    expect(listAudit(store).map((e) => [e.action, e.subject, e.why])).toEqual([
      ['decision.record', 'tie c10, c11', 'more projects in SN'],
      ['decision.record', 'tie c10, c11', 'corrected count'],
    ]);
  });

  it('refuses choosing a candidate that was not tied, or no reason', () => {
    const store = openTempStore();
    const decision = { chosen: ['c12'], tied: ['c10', 'c11'], reason: 'x', by: 'chair', at: AT };
    expect(() => recordDecision(store, decision)).toThrow(/not one of the tied/);
    expect(() => recordDecision(store, { ...decision, chosen: ['c10'], reason: '' })).toThrow(
      /justification/,
    );
    expect(listDecisions(store)).toEqual([]);
  });
});
