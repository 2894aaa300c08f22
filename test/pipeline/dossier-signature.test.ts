import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listDossierEntries } from '../../src/dossier/index.js';
import { DossierScanner } from '../../src/pipeline/dossier-signature.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { closeSession, openSession, type Session } from '../../src/pipeline/session.js';
import { copyFixture, quietContext } from './helpers.js';

const dirs: string[] = [];
const sessions: Session[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const session of sessions.splice(0)) closeSession(session);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const dir = copyFixture();
  dirs.push(dir);
  return dir;
}

const C01 = 'c01-institut-droits-securite';
const C02 = 'c02-cabinet-ndiaye-associes';
const OLD = new Date('2025-11-20T08:00:00Z');
const FUTURE = new Date('2031-01-01T00:00:00Z');

/** Sets a file's or folder's times to whole seconds, which a Date then restores exactly (`touch -r`). */
const wholeSeconds = (file: string, at = OLD) => fs.utimesSync(file, at, at);

/** The file state of one candidate, taken as the ingester takes it. */
function stateOf(ws: string, id: string, recorded: (id: string) => string | null = () => null): unknown {
  const scanner = new DossierScanner(ws, recorded);
  const entry = listDossierEntries(ws, scanner.listFolder).find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  const state = scanner.stateOf(entry);
  return state === null ? null : JSON.parse(state);
}

const stamp = (file: string) => {
  const stat = fs.statSync(file);
  return [path.basename(file), stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino];
};

describe('DossierScanner', () => {
  it('records each file of a folder, subfolders included, and each folder, by its exact stamps', () => {
    const ws = workspace();
    const folder = path.join(ws, 'dossiers', C02);
    fs.mkdirSync(path.join(folder, 'annexes'));
    fs.writeFileSync(path.join(folder, 'annexes', 'cv.pdf'), 'cv');
    const sub = fs.statSync(path.join(folder, 'annexes'));
    const top = fs.statSync(folder);
    const file = (name: string) => stamp(path.join(folder, name));
    expect(stateOf(ws, C02)).toEqual([
      C02,
      top.mtimeMs,
      top.ctimeMs,
      top.ino,
      [
        ['annexes', sub.mtimeMs, sub.ctimeMs, sub.ino, [file('annexes/cv.pdf')]],
        file('declaration.pdf'),
        file('dossier.yaml'),
        file('formulaire.pdf'),
        file('rccm.pdf'),
      ],
    ]);
  });

  it('stamps a bare dossier file alone, relative to the workspace whatever the current folder', () => {
    const ws = workspace();
    const file = path.join(ws, 'dossiers', 'c15-nord-sud-expertise.yaml');
    expect(stateOf(ws, 'c15-nord-sud-expertise')).toEqual(stamp(file));
  });

  it('reuses the recorded listing of a folder whose stamps are unchanged: one stat, no readdir', () => {
    const ws = workspace();
    const recorded = JSON.stringify(stateOf(ws, C02));
    const folder = path.join(ws, 'dossiers', C02);
    const readdir = vi.spyOn(fs, 'readdirSync');
    expect(JSON.stringify(stateOf(ws, C02, () => recorded))).toBe(recorded);
    const listed = readdir.mock.calls.map(([dir]) => String(dir));
    expect(listed).toContain(path.join(ws, 'dossiers'));
    expect(listed).not.toContain(folder);
    // Every file is still stat'ed: an edit in place leaves the folder untouched.
    fs.appendFileSync(path.join(folder, 'rccm.pdf'), 'x');
    expect(JSON.stringify(stateOf(ws, C02, () => recorded))).not.toBe(recorded);
    expect(readdir.mock.calls.map(([dir]) => String(dir))).not.toContain(folder);
  });

  it('reads the folder again when a file was added, even with its mtime put back', () => {
    const ws = workspace();
    const folder = path.join(ws, 'dossiers', C02);
    wholeSeconds(folder);
    const recorded = JSON.stringify(stateOf(ws, C02));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'n');
    wholeSeconds(folder);
    const readdir = vi.spyOn(fs, 'readdirSync');
    const state = stateOf(ws, C02, () => recorded) as [string, number, number, number, unknown[][]];
    expect(readdir.mock.calls.map(([dir]) => String(dir))).toContain(folder);
    expect(state[4].map((item) => item[0])).toContain('notes.txt');
  });

  it('ignores a recorded state it cannot read, and lists the folder', () => {
    const ws = workspace();
    const fresh = JSON.stringify(stateOf(ws, C02));
    expect(JSON.stringify(stateOf(ws, C02, () => '{not json'))).toBe(fresh);
    expect(JSON.stringify(stateOf(ws, C02, () => '{"a":1}'))).toBe(fresh);
  });
});

/** A session on a fresh copy of the fixture, its dossiers ingested once. */
async function ingestedWorkspace(prepare?: (ws: string) => void): Promise<{ ws: string; session: Session }> {
  const ws = workspace();
  prepare?.(ws);
  const session = await openSession(quietContext(ws));
  sessions.push(session);
  await ingestDossiers(session);
  expect((await ingestDossiers(session)).read).toBe(0);
  return { ws, session };
}

/**
 * Rewrites `file` with `edit` applied, keeping its size, and puts its mtime back as `touch -r`
 * does. Its times must be whole seconds (`wholeSeconds` before the first ingest).
 */
function editInPlace(file: string, edit: (text: string) => string): void {
  const before = fs.statSync(file);
  expect(before.mtimeMs % 1000).toBe(0);
  const text = fs.readFileSync(file, 'latin1');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  expect(edited.length).toBe(text.length);
  fs.writeFileSync(file, edited, 'latin1');
  fs.utimesSync(file, before.atime, before.mtime);
  expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
  expect(fs.statSync(file).size).toBe(before.size);
}

const dossierFile = (ws: string, id: string) => path.join(ws, 'dossiers', id, 'dossier.yaml');
const attachment = (ws: string, id: string, name: string) => path.join(ws, 'dossiers', id, name);

describe('ingestDossiers sees every change to a dossier, however it was made', () => {
  it('a dossier.yaml edited in place, same size, mtime put back', async () => {
    const { ws, session } = await ingestedWorkspace((dir) => wholeSeconds(dossierFile(dir, C01)));
    editInPlace(dossierFile(ws, C01), (text) => text.replace('Abdou Diallo', 'Abdou Diallu'));
    const again = await ingestDossiers(session);
    expect(again.read).toBe(1);
    expect(again.summary.updated).toEqual([C01]);
  });

  it('a dossier.yaml whose mtime lies in the future, edited in place and that mtime put back', async () => {
    // A total size and a latest time (what was recorded before) missed this one.
    const { ws, session } = await ingestedWorkspace((dir) => wholeSeconds(dossierFile(dir, C01), FUTURE));
    editInPlace(dossierFile(ws, C01), (text) => text.replace('Abdou Diallo', 'Abdou Diallu'));
    expect((await ingestDossiers(session)).summary.updated).toEqual([C01]);
  });

  it('an attachment truncated in place, mtime put back', async () => {
    const { ws, session } = await ingestedWorkspace((dir) => wholeSeconds(attachment(dir, C02, 'rccm.pdf')));
    const file = attachment(ws, C02, 'rccm.pdf');
    fs.truncateSync(file, 0);
    fs.utimesSync(file, OLD, OLD);
    expect((await ingestDossiers(session)).summary.updated).toEqual([C02]);
  });

  it('an attachment in a subfolder edited in place, mtime put back', async () => {
    const { ws, session } = await ingestedWorkspace((dir) => {
      fs.mkdirSync(attachment(dir, C02, 'annexes'));
      fs.renameSync(attachment(dir, C02, 'rccm.pdf'), attachment(dir, C02, 'annexes/rccm.pdf'));
      const yaml = dossierFile(dir, C02);
      fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace(': rccm.pdf', ': annexes/rccm.pdf'));
      wholeSeconds(attachment(dir, C02, 'annexes/rccm.pdf'));
    });
    editInPlace(attachment(ws, C02, 'annexes/rccm.pdf'), (text) => `X${text.slice(1)}`);
    expect((await ingestDossiers(session)).summary.updated).toEqual([C02]);
  });

  it('a second dossier file added to the folder, the folder mtime put back', async () => {
    const { ws, session } = await ingestedWorkspace((dir) => wholeSeconds(path.join(dir, 'dossiers', C02)));
    const folder = path.join(ws, 'dossiers', C02);
    fs.writeFileSync(path.join(folder, 'dossier.json'), '{}');
    wholeSeconds(folder);
    const again = await ingestDossiers(session);
    expect(again.summary.updated).toEqual([C02]);
    const errors = again.summary.invalid.find((invalid) => invalid.id === C02)?.errors ?? [];
    expect(errors.map((error) => error.message).join('\n')).toContain('several dossier files');
  });

  it('an attachment removed, or renamed', async () => {
    const { ws, session } = await ingestedWorkspace();
    fs.rmSync(attachment(ws, C02, 'rccm.pdf'));
    fs.renameSync(attachment(ws, C01, 'rccm.pdf'), attachment(ws, C01, 'rccm-old.pdf'));
    const again = await ingestDossiers(session);
    expect(again.summary.updated).toEqual([C01, C02]);
  });

  it('a file added in a subfolder, its mtime put back', async () => {
    const { ws, session } = await ingestedWorkspace((dir) => {
      fs.mkdirSync(attachment(dir, C02, 'annexes'));
      wholeSeconds(attachment(dir, C02, 'annexes'));
    });
    const sub = attachment(ws, C02, 'annexes');
    fs.writeFileSync(path.join(sub, 'cv.pdf'), 'cv');
    wholeSeconds(sub);
    // Not a document of the dossier: its content is unchanged, but it was looked at again.
    const again = await ingestDossiers(session);
    expect(again.read).toBe(1);
    expect(again.summary.unchanged).toContain(C02);
  });

  it('a file only touched is read once more, then recognised again', async () => {
    const { ws, session } = await ingestedWorkspace();
    fs.utimesSync(attachment(ws, C02, 'rccm.pdf'), FUTURE, FUTURE);
    const touched = await ingestDossiers(session);
    expect(touched.read).toBe(1);
    expect(touched.summary.updated).toEqual([]);
    expect((await ingestDossiers(session)).read).toBe(0);
  });

  it('a bare dossier file edited in place, same size, mtime put back', async () => {
    const bare = (dir: string) => path.join(dir, 'dossiers', 'c15-nord-sud-expertise.yaml');
    const { ws, session } = await ingestedWorkspace((dir) => wholeSeconds(bare(dir)));
    const file = bare(ws);
    editInPlace(file, (text) => text.replace('Expertise SARL', 'Expertise SARX'));
    expect((await ingestDossiers(session)).summary.updated).toEqual(['c15-nord-sud-expertise']);
  });

  it('an attachment linked outside the folder, whose target then vanishes', async () => {
    const ws = workspace();
    const shared = path.join(ws, 'dossiers', '.shared');
    fs.mkdirSync(shared);
    fs.renameSync(attachment(ws, C02, 'rccm.pdf'), path.join(shared, 'rccm.pdf'));
    fs.symlinkSync('../.shared/rccm.pdf', attachment(ws, C02, 'rccm.pdf'));
    const session = await openSession(quietContext(ws));
    sessions.push(session);
    const first = await ingestDossiers(session);
    const message = first.summary.invalid.find((invalid) => invalid.id === C02)?.errors[0]?.message;
    expect(message).toContain('escapes');
    // Nothing in the candidate's folder changes, yet the reader now finds the document missing.
    fs.rmSync(path.join(shared, 'rccm.pdf'));
    const again = await ingestDossiers(session);
    expect(again.summary.updated).toEqual([C02]);
    expect(again.summary.valid).toContain(C02);
  });
});
