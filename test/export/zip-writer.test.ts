import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertZip32, deflatedEntry, dosDateTime, writeZip } from '../../src/export/zip-writer.js';
import { readZipEntries } from './zip-entries.js';

const entry = (name: string, text: string) => deflatedEntry(name, text, 6);

describe('writeZip', () => {
  it('writes entries a strict reader accepts, stamped with the given time', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prequal-zip-'));
    try {
      const file = path.join(dir, 'a.zip');
      await writeZip(
        file,
        [entry('a.xml', '<a/>'), entry('b/c.xml', 'c'.repeat(10_000)), entry('e', '')],
        new Date('2025-12-05T14:00:00Z'),
      );
      const entries = readZipEntries(await fs.readFile(file));
      expect([...entries.keys()]).toEqual(['a.xml', 'b/c.xml', 'e']);
      expect(entries.get('b/c.xml')?.toString()).toBe('c'.repeat(10_000));
      expect(entries.get('e')?.length).toBe(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses, naming the part, what only ZIP64 could hold', () => {
    const sized = (name: string, size: number, compressedSize: number) => ({
      name,
      crc: 0,
      size,
      compressedSize,
    });
    expect(() => assertZip32([sized('xl/worksheets/sheet3.xml', 2 ** 32, 2 ** 28)])).toThrow(
      /xl\/worksheets\/sheet3\.xml would reach beyond 4 GiB/,
    );
    // Each part fits, but the last one starts beyond 4 GiB.
    const large = sized('xl/worksheets/sheet1.xml', 2 ** 32 - 2, 2 ** 32 - 10);
    expect(() => assertZip32([large, sized('xl/worksheets/sheet2.xml', 10, 10)])).toThrow(/sheet2\.xml/);
    expect(() => assertZip32([sized('a', 2 ** 31, 2 ** 30)])).not.toThrow();
  });

  it('stamps MS-DOS time in UTC, within the range the format has', () => {
    expect(dosDateTime(new Date('2025-12-05T14:00:59Z'))).toEqual({
      date: (45 << 9) | (12 << 5) | 5,
      time: (14 << 11) | (0 << 5) | 29,
    });
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ date: (1 << 5) | 1, time: 0 });
  });
});
