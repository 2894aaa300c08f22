import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deflatedEntry, writeZip, type ZipEntry } from '../../src/export/zip-writer.js';
import { workbookContentProblem } from '../../src/forms/zip-bounds.js';

/** The bytes of a ZIP of `entries`, as writeZip lays them out. */
async function zipBytes(entries: ZipEntry[]): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'prequal-zip-'));
  try {
    await writeZip(join(dir, 'z.zip'), entries, new Date(0));
    return readFileSync(join(dir, 'z.zip'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('workbookContentProblem', () => {
  it('accepts entries under the limit and counts what they inflate to, across entries', async () => {
    const bytes = await zipBytes([
      deflatedEntry('a.xml', 'x'.repeat(600), 1),
      deflatedEntry('b.xml', 'y'.repeat(600), 1),
    ]);
    expect(workbookContentProblem(bytes, 1200)).toBeNull();
    expect(workbookContentProblem(bytes, 1199)).toBe(
      'the workbook holds more than 1199 bytes once uncompressed: refused unread',
    );
  });

  it('counts the bytes actually inflated, whatever size the directory declares', async () => {
    const bytes = await zipBytes([deflatedEntry('a.xml', 'x'.repeat(10_000), 1)]);
    // Declare 10 bytes uncompressed in the central directory (offset 24 of its entry).
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(10, central + 24);
    expect(workbookContentProblem(bytes, 5_000)).toBe(
      'the workbook holds more than 5000 bytes once uncompressed: refused unread',
    );
  });

  it('reports what is not a ZIP, or a truncated one, as unreadable', async () => {
    expect(workbookContentProblem(Buffer.from('not a zip at all, just text'))).toBe(
      'not a readable .xlsx workbook: no ZIP directory found',
    );
    const bytes = await zipBytes([deflatedEntry('a.xml', 'x'.repeat(10_000), 1)]);
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(bytes.length, central + 20);
    expect(workbookContentProblem(bytes)).toBe('not a readable .xlsx workbook: truncated ZIP entry a.xml');
  });
});
