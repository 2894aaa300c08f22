import { describe, expect, it } from 'vitest';
import { getMeta, importCriteria, lastRun, recordRun, setMeta } from '../../src/store/index.js';
import { AT, LATER, openTempStore, totalChanges } from './helpers.js';

describe('runs', () => {
  it('records runs and returns the last one', () => {
    const store = openTempStore();
    expect(lastRun(store)).toBeNull();
    importCriteria(store, {
      name: 'g',
      criteria: { name: 'g', criteria: [], tie_breakers: [] },
      hash: 'h',
      text: '',
      at: AT,
    });
    recordRun(store, { at: AT, criteriaVersion: 1, tenderHash: 't1', manifest: { dossiers: 3 } });
    const id = recordRun(store, {
      at: LATER,
      criteriaVersion: 1,
      tenderHash: 't2',
      tenderText: 'reference: X',
      manifest: [],
    });
    expect(lastRun(store)).toEqual({
      id,
      at: LATER,
      criteriaVersion: 1,
      tenderHash: 't2',
      tenderText: 'reference: X',
      manifest: [],
    });
  });

  it('refuses a run under an unknown criteria version', () => {
    const store = openTempStore();
    expect(() => recordRun(store, { at: AT, criteriaVersion: 7, tenderHash: 't', manifest: {} })).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('meta', () => {
  it('stores values and writes nothing when a value is unchanged', () => {
    const store = openTempStore();
    expect(getMeta(store, 'export-hash:out/report.md')).toBeNull();
    setMeta(store, 'export-hash:out/report.md', 'abc');
    const before = totalChanges(store);
    setMeta(store, 'export-hash:out/report.md', 'abc');
    expect(totalChanges(store)).toBe(before);
    setMeta(store, 'export-hash:out/report.md', 'def');
    expect(getMeta(store, 'export-hash:out/report.md')).toBe('def');
  });
});
