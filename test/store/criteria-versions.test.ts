import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../src/core/types.js';
import {
  getCriteriaVersion,
  importCriteria,
  listAudit,
  listCriteriaVersions,
} from '../../src/store/index.js';
import { AT, LATER, openTempStore } from './helpers.js';

function criteriaSet(threshold: number): CriteriaSet {
  return {
    name: 'S29 grid',
    criteria: [
      { id: 'ADM-1', label: { fr: 'Délai', en: 'Deadline' }, kind: 'gate', rule: { type: 'deadline' } },
    ],
    shortlist_threshold: threshold,
    tie_breakers: [],
  };
}

function input(threshold: number, at = AT) {
  return {
    name: 'S29 grid',
    criteria: criteriaSet(threshold),
    hash: `h${threshold}`,
    text: `t: ${threshold}`,
    at,
  };
}

describe('criteria versions', () => {
  it('returns null before the first import', () => {
    expect(getCriteriaVersion(openTempStore())).toBeNull();
  });

  it('creates version 1, then nothing for the same content', () => {
    const store = openTempStore();
    expect(importCriteria(store, input(40))).toEqual({ version: 1, created: true });
    expect(importCriteria(store, input(40, LATER))).toEqual({ version: 1, created: false });
    expect(listCriteriaVersions(store)).toHaveLength(1);
    expect(getCriteriaVersion(store)?.importedAt).toBe(AT);
  });

  it('creates version N+1 for a changed file and keeps the earlier one', () => {
    const store = openTempStore();
    importCriteria(store, input(40));
    expect(importCriteria(store, input(50, LATER))).toEqual({ version: 2, created: true });
    expect(getCriteriaVersion(store)).toEqual({
      version: 2,
      name: 'S29 grid',
      hash: 'h50',
      text: 't: 50',
      criteria: criteriaSet(50),
      importedAt: LATER,
    });
    expect(getCriteriaVersion(store, 1)?.criteria.shortlist_threshold).toBe(40);
    expect(getCriteriaVersion(store, 9)).toBeNull();
  });

  it('makes a new version when the committee goes back to an older file', () => {
    const store = openTempStore();
    importCriteria(store, input(40));
    importCriteria(store, input(50));
    expect(importCriteria(store, input(40))).toEqual({ version: 3, created: true });
    expect(listCriteriaVersions(store).map((v) => v.hash)).toEqual(['h40', 'h50', 'h40']);
  });

  it('audits each new version and refuses deleting one', () => {
    const store = openTempStore();
    importCriteria(store, { ...input(40), by: 'secretary' });
    importCriteria(store, input(40));
    expect(listAudit(store).map((e) => [e.action, e.who, e.subject])).toEqual([
      ['criteria.import', 'secretary', 'criteria version 1'],
    ]);
    expect(() => store.db.exec('DELETE FROM criteria_versions')).toThrow(/never deleted/);
  });
});
