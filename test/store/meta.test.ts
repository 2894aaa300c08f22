import { describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../../src/store/index.js';
import { openTempStore, totalChanges } from './helpers.js';

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
