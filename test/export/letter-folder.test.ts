import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LetterFolderWriter } from '../../src/export/letter-folder.js';
import type { LetterFile } from '../../src/export/letters.js';
import { type ExportedFile, type FileRecord, isIntact } from '../../src/export/write-outputs.js';

let dir = '';
let folder = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-letter-folder-'));
  folder = path.join(dir, 'letters');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const letter = (id: string, content: string): LetterFile => ({ file: `letter-${id}.fr.md`, content });

/** Writes `letters` as an export does; returns the files reported and the records to pass next time. */
async function exportLetters(letters: LetterFile[], known?: Map<string, FileRecord>) {
  const writer = await LetterFolderWriter.open(folder, known);
  for (const next of letters) writer.add(next);
  const files = await writer.finish('fr');
  const records = new Map(files.flatMap((f) => (f.record ? [[f.file, f.record] as const] : [])));
  return { files, records };
}

const byName = (files: ExportedFile[]) =>
  Object.fromEntries(files.map((f) => [path.basename(f.file), f.removed ? 'removed' : f.written]));
const inode = (name: string) => fs.statSync(path.join(folder, name)).ino;

describe('LetterFolderWriter', () => {
  it('leaves the folder untouched when every letter is unchanged', async () => {
    const { records } = await exportLetters([letter('a', 'A\n'), letter('b', 'B\n')]);
    const before = { folder: fs.statSync(folder).ino, a: fs.statSync(path.join(folder, 'letter-a.fr.md')) };
    const again = await exportLetters([letter('a', 'A\n'), letter('b', 'B\n')], records);
    expect(byName(again.files)).toEqual({ 'letter-a.fr.md': false, 'letter-b.fr.md': false });
    expect(fs.statSync(folder).ino).toBe(before.folder);
    expect(fs.statSync(path.join(folder, 'letter-a.fr.md')).ctimeMs).toBe(before.a.ctimeMs);
    expect(fs.readdirSync(dir)).toEqual(['letters']);
  });

  it('replaces the whole folder when one letter changes, and records every letter as it is once in place', async () => {
    const first = await exportLetters([letter('a', 'A\n'), letter('b', 'B\n'), letter('c', 'C\n')]);
    fs.writeFileSync(path.join(folder, 'letter-x.en.md'), 'X en\n');
    fs.writeFileSync(path.join(folder, 'envoi.txt'), 'sent on Monday\n');
    const kept = inode('letter-a.fr.md');
    const second = await exportLetters([letter('a', 'A\n'), letter('b', 'B2\n')], first.records);
    expect(byName(second.files)).toEqual({
      'letter-a.fr.md': false,
      'letter-b.fr.md': true,
      'letter-c.fr.md': 'removed',
    });
    expect(fs.readdirSync(folder).sort()).toEqual([
      'envoi.txt',
      'letter-a.fr.md',
      'letter-b.fr.md',
      'letter-x.en.md',
    ]);
    expect(inode('letter-a.fr.md')).toBe(kept);
    expect(fs.readFileSync(path.join(folder, 'letter-b.fr.md'), 'utf8')).toBe('B2\n');
    expect(fs.readFileSync(path.join(folder, 'letter-x.en.md'), 'utf8')).toBe('X en\n');
    // Linking and unlinking changed the kept letters' ctime: taken after, so the next run skips them.
    for (const file of second.files.filter((f) => !f.removed))
      expect(isIntact(file.file, file.record)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['letters']);
  });

  it('writes again a letter a crash left empty, recognising it by its size', async () => {
    const first = await exportLetters([letter('a', 'Madame, Monsieur,\n')]);
    fs.writeFileSync(path.join(folder, 'letter-a.fr.md'), '');
    const again = await exportLetters([letter('a', 'Madame, Monsieur,\n')], first.records);
    expect(byName(again.files)).toEqual({ 'letter-a.fr.md': true });
    expect(fs.readFileSync(path.join(folder, 'letter-a.fr.md'), 'utf8')).toBe('Madame, Monsieur,\n');
  });

  it('swaps the folder a letters link points to, keeping the link', async () => {
    const shared = path.join(dir, 'shared', 'lettres');
    fs.mkdirSync(shared, { recursive: true });
    fs.writeFileSync(path.join(shared, 'letter-old.fr.md'), 'stale\n');
    fs.symlinkSync(shared, folder);
    await exportLetters([letter('a', 'A\n')]);
    expect(fs.lstatSync(folder).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(shared)).toEqual(['letter-a.fr.md']);
    expect(fs.readdirSync(path.dirname(shared))).toEqual(['lettres']);
  });

  it('refuses a file where the folder should be, and leaves it alone', async () => {
    fs.writeFileSync(folder, 'notes');
    await expect(exportLetters([letter('a', 'A\n')])).rejects.toThrow(
      `Cannot write ${folder}: a file already exists where this folder should be (EEXIST)`,
    );
    expect(fs.readFileSync(folder, 'utf8')).toBe('notes');
    expect(fs.readdirSync(dir)).toEqual(['letters']);
  });
});
