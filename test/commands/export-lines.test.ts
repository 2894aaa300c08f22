import { describe, expect, it } from 'vitest';
import { exportedFileLines } from '../../src/commands/export.js';
import type { ExportedFile } from '../../src/export/registry.js';

const OUT = '/ws/out';
const letter = (n: number, change: Partial<ExportedFile> = { written: true }): ExportedFile => ({
  file: `${OUT}/letters/letter-c${String(n).padStart(5, '0')}.fr.md`,
  written: false,
  ...change,
});
const lines = (files: ExportedFile[], unchanged = 0) => [...exportedFileLines('/ws', OUT, files, unchanged)];

describe('exportedFileLines', () => {
  it('names each file written or removed, and counts the unchanged ones', () => {
    const files = [
      { file: `${OUT}/report.fr.md`, written: true },
      letter(1),
      letter(2, { written: false, removed: true }),
      letter(3, { written: false }),
    ];
    expect(lines(files, 2)).toEqual([
      'written: out/report.fr.md\n',
      'written: out/letters/letter-c00001.fr.md\n',
      'removed: out/letters/letter-c00002.fr.md\n',
      'unchanged: 3 files in out/\n',
    ]);
  });

  it('counts the letters instead of naming each once more than 20 were written or removed', () => {
    const written = Array.from({ length: 10_000 }, (_, i) => letter(i));
    const removed = Array.from({ length: 3 }, (_, i) =>
      letter(20_000 + i, { written: false, removed: true }),
    );
    const files = [{ file: `${OUT}/report.fr.md`, written: true }, ...written, ...removed];
    expect(lines(files)).toEqual([
      'written: out/report.fr.md\n',
      'removed: out/letters/letter-c20000.fr.md\n',
      'removed: out/letters/letter-c20001.fr.md\n',
      'removed: out/letters/letter-c20002.fr.md\n',
      'written: 10,000 letters in out/letters/\n',
    ]);
    expect(lines(written.slice(0, 20))).toHaveLength(20);
    expect(lines(written.slice(0, 21))).toEqual(['written: 21 letters in out/letters/\n']);
  });
});
