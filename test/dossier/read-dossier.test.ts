import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDossierEntries } from '../../src/dossier/list-dossier-entries.js';
import { readDossier } from '../../src/dossier/read-dossier.js';
import { makeWorkspace, positionOfToken, specTender, writeFile } from './helpers.js';
import { DOSSIER_YAML } from './spec-examples.js';

const tender = specTender();
const MINIMAL = 'candidate: { name: ACME, country: SN }\nsubmitted_at: 2025-11-27T10:15:00Z\n';
const withDocuments = (documents: string) => `${MINIMAL}documents:\n${documents}`;

/** Lists and reads every candidate of a workspace. */
function readAll(workspace: string, maxBytes?: number) {
  return listDossierEntries(workspace).map((entry) =>
    readDossier(workspace, entry, tender, maxBytes ? { maxBytes } : {}),
  );
}

describe('listDossierEntries', () => {
  it('lists folders and bare files by id in code-unit order, ignoring dot-files and other files', () => {
    const workspace = makeWorkspace({
      'dossiers/b-folder/dossier.yml': MINIMAL,
      'dossiers/a.json': '{}',
      'dossiers/Z.yaml': MINIMAL,
      'dossiers/.hidden.yaml': MINIMAL,
      'dossiers/.git/dossier.yaml': MINIMAL,
      'dossiers/notes.txt': 'x',
    });
    const entries = listDossierEntries(workspace);
    expect(entries.map((entry) => [entry.id, entry.sourcePath])).toEqual([
      ['Z', 'dossiers/Z.yaml'],
      ['a', 'dossiers/a.json'],
      ['b-folder', 'dossiers/b-folder/dossier.yml'],
    ]);
    expect(entries.every((entry) => entry.problems.length === 0)).toBe(true);
  });

  it('returns nothing when there is no dossiers folder', () => {
    expect(listDossierEntries(makeWorkspace())).toEqual([]);
  });

  it('marks a duplicate candidate id on both sides', () => {
    const workspace = makeWorkspace({ 'dossiers/c1/dossier.yaml': MINIMAL, 'dossiers/c1.yaml': MINIMAL });
    const problems = listDossierEntries(workspace).map((entry) => entry.problems);
    expect(problems).toEqual([
      ['duplicate candidate id c1 (also dossiers/c1/dossier.yaml)'],
      ['duplicate candidate id c1 (also dossiers/c1.yaml)'],
    ]);
  });

  it('marks folders with several dossier files or none', () => {
    const workspace = makeWorkspace({
      'dossiers/two/dossier.yaml': MINIMAL,
      'dossiers/two/dossier.json': '{}',
      'dossiers/none/form.pdf': 'x',
    });
    expect(listDossierEntries(workspace).map((entry) => entry.problems)).toEqual([
      ['no dossier.yaml, dossier.yml, dossier.json or application-form.xlsx'],
      ['several dossier files: dossier.yaml, dossier.json'],
    ]);
  });

  it('refuses symbolic links that leave dossiers/', () => {
    const outside = makeWorkspace();
    fs.writeFileSync(path.join(outside, 'dossier.yaml'), MINIMAL);
    const workspace = makeWorkspace({ 'dossiers/inside/dossier.yaml': MINIMAL });
    fs.symlinkSync(outside, path.join(workspace, 'dossiers/linked'));
    fs.symlinkSync(path.join(outside, 'dossier.yaml'), path.join(workspace, 'dossiers/bare.yaml'));
    fs.mkdirSync(path.join(workspace, 'dossiers/file-link'));
    fs.symlinkSync(
      path.join(outside, 'dossier.yaml'),
      path.join(workspace, 'dossiers/file-link/dossier.yaml'),
    );
    fs.symlinkSync(path.join(workspace, 'dossiers/inside'), path.join(workspace, 'dossiers/alias'));
    const problems = Object.fromEntries(
      listDossierEntries(workspace).map((entry) => [entry.id, entry.problems]),
    );
    expect(problems).toEqual({
      alias: [],
      bare: ['symbolic link points outside dossiers/'],
      'file-link': ["dossier.yaml points outside the candidate's folder"],
      inside: [],
      linked: ['symbolic link points outside dossiers/'],
    });
  });

  it('gives each folder its real path, so the reader resolves none: a link to a folder inside, its target', () => {
    const workspace = makeWorkspace({ 'dossiers/inside/dossier.yaml': MINIMAL });
    fs.symlinkSync(path.join(workspace, 'dossiers/inside'), path.join(workspace, 'dossiers/alias'));
    // Reached through a link itself: the real paths are resolved once, at the dossiers folder.
    const linkedWorkspace = `${workspace}-link`;
    fs.symlinkSync(workspace, linkedWorkspace);
    const real = fs.realpathSync.native(path.join(workspace, 'dossiers/inside'));
    const folders = listDossierEntries(linkedWorkspace).map((entry) => [entry.id, entry.realFolder]);
    expect(folders).toEqual([
      ['alias', real],
      ['inside', real],
    ]);
  });

  it('never opens a FIFO', () => {
    const workspace = makeWorkspace({ 'dossiers/ok.yaml': MINIMAL });
    execFileSync('mkfifo', [path.join(workspace, 'dossiers/pipe.yaml')]);
    const [, pipe] = readAll(workspace);
    expect(pipe).toMatchObject({ id: 'pipe', dossier: null, errors: [{ message: 'not a regular file' }] });
  });
});

describe('readDossier', () => {
  it('reads the SPEC §4 example with its attachments', () => {
    const workspace = makeWorkspace({
      'dossiers/c01-idsec/dossier.yaml': DOSSIER_YAML,
      'dossiers/c01-idsec/formulaire.pdf': '%PDF form',
      'dossiers/c01-idsec/declaration.pdf': '%PDF decl',
      'dossiers/c01-idsec/rccm.pdf': '',
    });
    const [read] = readAll(workspace);
    expect(read?.errors).toEqual([]);
    expect(read?.dossier?.candidate.country).toBe('SN');
    expect(read?.attachments).toEqual([
      { kind: 'application_form', path: 'formulaire.pdf', status: 'ok', size: 9 },
      { kind: 'declaration_on_honour', path: 'declaration.pdf', status: 'ok', size: 9 },
      { kind: 'registration_certificate', path: 'rccm.pdf', status: 'empty', size: 0 },
    ]);
    expect(read?.sourcePath).toBe('dossiers/c01-idsec/dossier.yaml');
  });

  it('tells missing, empty and not-a-file attachments apart; a bare file has none', () => {
    const documents = '  a: present.pdf\n  b: absent.pdf\n  c: sub\n  d: sub/../present.pdf\n';
    const workspace = makeWorkspace({
      'dossiers/c1/dossier.yaml': withDocuments(documents),
      'dossiers/c1/present.pdf': 'x',
      'dossiers/c1/sub/file': 'x',
      'dossiers/c2.yaml': withDocuments('  a: present.pdf\n'),
    });
    const [folder, bare] = readAll(workspace);
    expect(folder?.attachments.map((fact) => [fact.kind, fact.status])).toEqual([
      ['a', 'ok'],
      ['b', 'missing'],
      ['c', 'not_a_file'],
      ['d', 'ok'],
    ]);
    expect(bare?.attachments).toEqual([{ kind: 'a', path: 'present.pdf', status: 'missing', size: 0 }]);
  });

  it.each([
    ['a ".." path', '../c2/secret.pdf'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows absolute path', 'C:\\\\secret.pdf'],
  ])('makes the dossier invalid for %s', (_, target) => {
    const text = withDocuments(`  form: "${target}"\n`);
    const workspace = makeWorkspace({ 'dossiers/c1/dossier.yaml': text, 'dossiers/c2/secret.pdf': 'x' });
    const [read] = readAll(workspace);
    expect(read?.dossier).toBeNull();
    expect(read?.errors).toEqual([
      {
        file: 'dossiers/c1/dossier.yaml',
        path: 'documents.form',
        message: "attachment path escapes the candidate's folder",
        ...positionOfToken(text, 4, 'form'),
      },
    ]);
  });

  it('makes the dossier invalid for a symbolic link leaving the folder', () => {
    const workspace = makeWorkspace({
      'dossiers/c1/dossier.yaml': withDocuments('  form: form.pdf\n'),
      'secret.pdf': 'x',
    });
    fs.symlinkSync(path.join(workspace, 'secret.pdf'), path.join(workspace, 'dossiers/c1/form.pdf'));
    expect(readAll(workspace)[0]?.errors.map((issue) => issue.message)).toEqual([
      "attachment path escapes the candidate's folder",
    ]);
  });

  it('reports a duplicate id as the reason on both dossiers', () => {
    const workspace = makeWorkspace({ 'dossiers/c1/dossier.yaml': MINIMAL, 'dossiers/c1.yaml': MINIMAL });
    const reads = readAll(workspace);
    expect(reads.map((read) => [read.dossier, read.errors[0]?.message])).toEqual([
      [null, 'duplicate candidate id c1 (also dossiers/c1/dossier.yaml)'],
      [null, 'duplicate candidate id c1 (also dossiers/c1.yaml)'],
    ]);
  });

  it('keeps reading the others when one dossier is bad, and honours the size limit', () => {
    const workspace = makeWorkspace({
      'dossiers/a.yaml': 'candidate: [',
      'dossiers/b.yaml': MINIMAL,
      'dossiers/c.yaml': `${MINIMAL}${'# padding\n'.repeat(100)}`,
    });
    const reads = readAll(workspace, 500);
    expect(reads.map((read) => read.dossier !== null)).toEqual([false, true, false]);
    expect(reads[2]?.errors[0]?.message).toMatch(/^file is 1\d{3} bytes, above the limit of 500 bytes$/);
  });

  it('hashes the dossier and its attachments', () => {
    const workspace = makeWorkspace({
      'dossiers/c1/dossier.yaml': withDocuments('  form: f.pdf\n'),
      'dossiers/c1/f.pdf': 'v1',
    });
    const first = readAll(workspace)[0]?.hash;
    expect(readAll(workspace)[0]?.hash).toBe(first);
    writeFile(workspace, 'dossiers/c1/f.pdf', 'v2');
    const second = readAll(workspace)[0]?.hash;
    expect(second).not.toBe(first);
    writeFile(workspace, 'dossiers/c1/dossier.yaml', withDocuments('  form: f.pdf\n#\n'));
    expect(readAll(workspace)[0]?.hash).not.toBe(second);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });
});
