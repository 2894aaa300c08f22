import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previousExport, writeExportState } from '../../src/pipeline/export-state.js';
import { openTempStore } from '../store/helpers.js';

describe('previousExport', () => {
  const outDir = path.resolve('/work/ws/out');
  const letter = { size: 120, mtimeMs: 1.5, sha256: 'abc' };
  const report = { size: 4000, mtimeMs: 2.5, sha256: 'def' };
  const state = {
    key: 'k1',
    files: { letters: { 'letters/letter-c01.fr.md': letter }, md: { 'report.fr.md': report } },
  };

  it('gives the state as current under the same key, and every file by absolute path', () => {
    const store = openTempStore();
    writeExportState(store, 'export.state:fr:out', state);
    const { current, known } = previousExport(store, 'export.state:fr:out', 'k1', outDir);
    expect(current).toEqual(state);
    expect(known.get(path.join(outDir, 'letters', 'letter-c01.fr.md'))).toEqual(letter);
    expect(known.get(path.join(outDir, 'report.fr.md'))).toEqual(report);
    expect(known.get(path.join(outDir, 'report.en.md'))).toBeUndefined();
    // A file outside the folder is never taken for one inside it.
    expect(known.get(path.resolve('/work/ws/report.fr.md'))).toBeUndefined();
  });

  it('under another key, gives no current state but still the records to recognise unchanged files', () => {
    const store = openTempStore();
    writeExportState(store, 'export.state:fr:out', state);
    const { current, known } = previousExport(store, 'export.state:fr:out', 'k2', outDir);
    expect(current).toBeNull();
    expect(known.get(path.join(outDir, 'letters', 'letter-c01.fr.md'))).toEqual(letter);
  });

  it('knows nothing when nothing was exported', () => {
    const { current, known } = previousExport(openTempStore(), 'export.state:fr:out', 'k1', outDir);
    expect(current).toBeNull();
    expect(known.get(path.join(outDir, 'report.fr.md'))).toBeUndefined();
  });
});
