/** Hostile cases about where a dossier and its attachments lie on disk. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { baseDossier, baseDossierYaml, DOCUMENTS, toYaml } from './harness.js';
import { type HostileCase, writeBare, writeFolder } from './hostile-case.js';

const ESCAPES = /attachment path escapes the candidate's folder/;
const BASE_FOLDER = 'b01-base-folder';

const mkfifo = (file: string): void => {
  execFileSync('mkfifo', [file]);
};

/** A folder dossier whose application form is `documentPath`, after `prepare(folder)` ran. */
function folderWith(
  id: string,
  documentPath: string,
  prepare: (folder: string) => void = () => {},
): HostileCase['build'] {
  return (w) => {
    const folder = writeFolder(w, id, baseDossier(`Paths ${id}`), { application_form: documentPath });
    prepare(folder);
  };
}

/** ADM-2 must fail and its explanation must name the application form's problem. */
const adm2Fails = (pattern: RegExp) => ({
  kind: 'evaluated' as const,
  status: 'rejected',
  failed: ['ADM-2'],
  check: (c: { criteria: Record<string, unknown> }) =>
    pattern.test(JSON.stringify(c.criteria['ADM-2'])) ? undefined : `ADM-2 does not say ${pattern}`,
});

export const PATH_CASES: HostileCase[] = [
  {
    id: 'h30-attachment-symlink-out',
    group: 'paths and files',
    input: "attachment that is a symbolic link to a file outside the candidate's folder",
    build: folderWith('h30-attachment-symlink-out', 'link.pdf', (folder) =>
      fs.symlinkSync(
        path.join(folder, '..', '..', '..', 'outside', 'secret.pdf'),
        path.join(folder, 'link.pdf'),
      ),
    ),
    expect: { kind: 'invalid', message: ESCAPES },
  },
  {
    id: 'h31-attachment-dotdot',
    group: 'paths and files',
    input: 'attachment path `../../../outside/secret.pdf`',
    build: folderWith('h31-attachment-dotdot', '../../../outside/secret.pdf'),
    expect: { kind: 'invalid', message: ESCAPES },
  },
  {
    id: 'h32-attachment-absolute',
    group: 'paths and files',
    input: 'absolute attachment path `/etc/passwd`',
    build: folderWith('h32-attachment-absolute', '/etc/passwd'),
    expect: { kind: 'invalid', message: ESCAPES },
  },
  {
    id: 'h33-attachment-windows-path',
    group: 'paths and files',
    input: 'Windows absolute and UNC attachment paths (`C:\\Windows\\win.ini`, `\\\\server\\share`)',
    build: (w) =>
      writeFolder(w, 'h33-attachment-windows-path', baseDossier('Windows'), {
        application_form: 'C:\\Windows\\win.ini',
        registration_certificate: '\\\\server\\share\\rccm.pdf',
      }),
    expect: { kind: 'invalid', message: ESCAPES },
  },
  {
    id: 'h34-attachment-dev-zero',
    group: 'paths and files',
    input: 'attachment that is a symbolic link to the device `/dev/zero`',
    build: folderWith('h34-attachment-dev-zero', 'zero.pdf', (folder) =>
      fs.symlinkSync('/dev/zero', path.join(folder, 'zero.pdf')),
    ),
    expect: { kind: 'invalid', message: ESCAPES },
  },
  {
    id: 'h35-attachment-fifo',
    group: 'paths and files',
    input: 'attachment that is a FIFO (named pipe) inside the folder: opening it would block',
    build: folderWith('h35-attachment-fifo', 'pipe.pdf', (folder) => mkfifo(path.join(folder, 'pipe.pdf'))),
    expect: adm2Fails(/pipe\.pdf/),
    blocking: true,
  },
  {
    id: 'h36-dossier-fifo',
    group: 'paths and files',
    input: "the candidate's `dossier.yaml` is a FIFO",
    build: (w) => {
      const folder = path.join(w.dossiers, 'h36-dossier-fifo');
      fs.mkdirSync(folder);
      mkfifo(path.join(folder, 'dossier.yaml'));
    },
    expect: { kind: 'invalid', message: /not a regular file/ },
    blocking: true,
  },
  {
    id: 'h37-bare-fifo',
    group: 'paths and files',
    input: 'a bare `dossiers/ID.yaml` that is a FIFO',
    build: (w) => mkfifo(path.join(w.dossiers, 'h37-bare-fifo.yaml')),
    expect: { kind: 'invalid', message: /not a regular file/ },
    blocking: true,
  },
  {
    id: 'h38-folder-symlink-out',
    group: 'paths and files',
    input: 'a dossier folder that is a symbolic link to a folder outside the workspace',
    build: (w) =>
      fs.symlinkSync(path.join(w.outside, 'folder'), path.join(w.dossiers, 'h38-folder-symlink-out')),
    expect: { kind: 'invalid', message: /symbolic link points outside dossiers\// },
  },
  {
    id: 'h39-dossier-symlink-out',
    group: 'paths and files',
    input: "a `dossier.yaml` that is a symbolic link to a file outside the candidate's folder",
    build: (w) => {
      const folder = path.join(w.dossiers, 'h39-dossier-symlink-out');
      fs.mkdirSync(folder);
      fs.symlinkSync(path.join(w.outside, 'folder', 'dossier.yaml'), path.join(folder, 'dossier.yaml'));
    },
    expect: { kind: 'invalid', message: /points outside the candidate's folder/ },
  },
  {
    id: 'h40-dossier-symlink-dangling',
    group: 'paths and files',
    input: 'a `dossier.yaml` that is a symbolic link to nothing',
    build: (w) => {
      const folder = path.join(w.dossiers, 'h40-dossier-symlink-dangling');
      fs.mkdirSync(folder);
      fs.symlinkSync(path.join(folder, 'nowhere.yaml'), path.join(folder, 'dossier.yaml'));
    },
    expect: { kind: 'invalid', message: /symbolic link to nothing/ },
  },
  {
    id: 'h41-folder-named-like-file',
    candidate: 'h41-folder-named-like-file.yaml',
    group: 'paths and files',
    input: 'an empty folder named like a dossier file (`dossiers/x.yaml/`)',
    build: (w) => fs.mkdirSync(path.join(w.dossiers, 'h41-folder-named-like-file.yaml')),
    expect: { kind: 'invalid', message: /no dossier\.yaml, dossier\.yml, dossier\.json/ },
  },
  {
    id: 'h42-folder-named-like-file-valid',
    candidate: 'h42-folder-named-like-file-valid.yaml',
    group: 'paths and files',
    input: 'an honest dossier folder named like a file (`dossiers/x.yaml/dossier.yaml`)',
    build: (w) =>
      writeFolder(w, 'h42-folder-named-like-file-valid.yaml', baseDossier('Folder Named Like File')),
    expect: { kind: 'evaluated', like: BASE_FOLDER },
  },
  {
    id: 'h43-duplicate-id',
    candidate: 'h43-duplicate-id',
    group: 'paths and files',
    input: 'two dossiers for one candidate id (`ID.yaml` and `ID.json`)',
    build: (w) => {
      writeBare(w, 'h43-duplicate-id', baseDossierYaml('Duplicate A'));
      writeBare(w, 'h43-duplicate-id', JSON.stringify(baseDossier('Duplicate B')), 'json');
    },
    expect: { kind: 'invalid', message: /is also used by|duplicate candidate id/ },
  },
  {
    id: 'h44-attachment-is-folder',
    group: 'paths and files',
    input: 'attachment path that names a folder',
    build: folderWith('h44-attachment-is-folder', 'annexes', (folder) =>
      fs.mkdirSync(path.join(folder, 'annexes')),
    ),
    expect: adm2Fails(/annexes/),
  },
  {
    id: 'h45-attachment-dotdot-inside',
    group: 'paths and files',
    input: 'attachment path `sub/../formulaire.pdf` that stays inside the folder',
    build: folderWith('h45-attachment-dotdot-inside', 'sub/../formulaire.pdf'),
    expect: { kind: 'evaluated', like: BASE_FOLDER },
  },
  {
    id: 'h46-symlink-loop',
    group: 'paths and files',
    input: 'attachment that is a symbolic-link loop (`a -> b -> a`)',
    build: folderWith('h46-symlink-loop', 'a.pdf', (folder) => {
      fs.symlinkSync('b.pdf', path.join(folder, 'a.pdf'));
      fs.symlinkSync('a.pdf', path.join(folder, 'b.pdf'));
    }),
    expect: adm2Fails(/a\.pdf/),
  },
  {
    id: 'h48-folder-name-not-utf8',
    candidate: 'h48-\uFFFD',
    group: 'paths and files',
    input: 'a candidate folder whose name ends with the byte 0xFF (not UTF-8)',
    build: (w) => {
      const folder = Buffer.concat([Buffer.from(path.join(w.dossiers, 'h48-')), Buffer.from([0xff])]);
      fs.mkdirSync(folder);
      fs.writeFileSync(
        Buffer.concat([folder, Buffer.from('/dossier.yaml')]),
        toYaml({ ...baseDossier('Not Utf Eight'), documents: DOCUMENTS }),
      );
    },
    expect: { kind: 'invalid', message: /the folder name is not valid UTF-8 text: rename it/ },
  },
  {
    id: 'h47-dot-entries',
    candidate: '.h47-hidden',
    group: 'paths and files',
    input: 'a dot-folder `dossiers/.h47-hidden/` holding a dossier (SPEC: dot-files are ignored)',
    build: (w) => writeFolder(w, '.h47-hidden', baseDossier('Hidden')),
    expect: { kind: 'absent' },
  },
];
