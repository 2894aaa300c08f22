import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDossierEntries } from '../../src/dossier/index.js';
import { signatureOf } from '../../src/pipeline/dossier-signature.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { closeSession, openSession } from '../../src/pipeline/session.js';
import { copyFixture, quietContext } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const dir = copyFixture();
  dirs.push(dir);
  return dir;
}

const signatureOfId = (ws: string, id: string) => {
  const entry = listDossierEntries(ws).find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return signatureOf(ws, entry);
};

describe('signatureOf', () => {
  it('sums the sizes of every file of a folder, subfolders included, and takes the latest mtime', () => {
    const ws = workspace();
    const folder = path.join(ws, 'dossiers', 'c01-institut-droits-securite');
    fs.mkdirSync(path.join(folder, 'annexes'));
    fs.writeFileSync(path.join(folder, 'annexes', 'cv.pdf'), 'x'.repeat(1234));
    const late = new Date('2030-01-01T00:00:00Z');
    fs.utimesSync(path.join(folder, 'annexes', 'cv.pdf'), late, late);
    const expected = fs
      .readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((item) => item.isFile())
      .reduce((sum, item) => sum + fs.statSync(path.join(item.parentPath, item.name)).size, 0);
    expect(signatureOfId(ws, 'c01-institut-droits-securite')).toEqual({
      size: expected,
      mtimeMs: late.getTime(),
    });
  });

  it('changes when an attachment is rewritten in place with another size', () => {
    const ws = workspace();
    const before = signatureOfId(ws, 'c02-cabinet-ndiaye-associes');
    const folder = path.join(ws, 'dossiers', 'c02-cabinet-ndiaye-associes');
    const pdf = fs.readdirSync(folder).find((name) => name.endsWith('.pdf')) as string;
    fs.appendFileSync(path.join(folder, pdf), 'more');
    expect(signatureOfId(ws, 'c02-cabinet-ndiaye-associes')?.size).toBe((before?.size ?? 0) + 4);
  });

  it('stats a bare dossier file alone, relative to the workspace whatever the current folder', () => {
    const ws = workspace();
    const stat = fs.statSync(path.join(ws, 'dossiers', 'c15-nord-sud-expertise.yaml'));
    expect(signatureOfId(ws, 'c15-nord-sud-expertise')).toEqual({ size: stat.size, mtimeMs: stat.mtimeMs });
  });

  it('lets ingest see content replaced with the old size and mtime restored (cp -p, touch -r)', async () => {
    const ws = workspace();
    const session = openSession(quietContext(ws));
    try {
      const file = path.join(ws, 'dossiers', 'c01-institut-droits-securite', 'dossier.yaml');
      const old = new Date('2025-11-20T08:00:00Z');
      fs.utimesSync(file, old, old);
      await ingestDossiers(session);
      const before = fs.statSync(file);
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace('Abdou Diallo', 'Abdou Diallu'));
      fs.utimesSync(file, old, old);
      expect(fs.statSync(file).size).toBe(before.size);
      expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
      const again = await ingestDossiers(session);
      expect(again.summary.updated).toEqual(['c01-institut-droits-securite']);
    } finally {
      closeSession(session);
    }
  });
});
