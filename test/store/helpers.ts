import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Dossier, ReadDossier } from '../../src/core/types.js';
import { openStore, type Store } from '../../src/store/index.js';

const opened: Store[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const store of opened.splice(0)) if (store.db.open) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-store-'));
  dirs.push(dir);
  return dir;
}

/** A store on a new file in a fresh temporary directory, closed after the test. */
export function openTempStore(file = path.join(makeTempDir(), 'prequal.db')): Store {
  const store = openStore(file);
  opened.push(store);
  return store;
}

/** Another connection on the same file, closed after the test. */
export function openAgain(file: string): Store {
  const store = openStore(file);
  opened.push(store);
  return store;
}

export const AT = '2025-12-02T09:00:00Z';
export const LATER = '2025-12-03T09:00:00Z';

export function sampleDossier(name: string): Dossier {
  return {
    candidate: { name, country: 'SN' },
    submitted_at: '2025-11-27T10:15:00Z',
    members: [],
    declarations: { no_exclusion_situation: true },
    references: [],
    experts: [],
    documents: { application_form: 'form.pdf' },
  };
}

export function validRead(id: string, hash = `hash-${id}`): ReadDossier {
  return {
    id,
    sourcePath: `dossiers/${id}/dossier.yaml`,
    hash,
    dossier: sampleDossier(`Candidate ${id}`),
    attachments: [{ kind: 'application_form', path: 'form.pdf', status: 'ok', size: 10 }],
    errors: [],
    warnings: [],
  };
}

export function invalidRead(id: string, message: string, hash = `bad-${id}`): ReadDossier {
  const sourcePath = `dossiers/${id}/dossier.yaml`;
  return {
    id,
    sourcePath,
    hash,
    dossier: null,
    attachments: [],
    errors: [{ file: sourcePath, line: 3, path: 'submitted_at', message }],
    warnings: [],
  };
}

/** Number of table rows changed by this connection since it opened. */
export function totalChanges(store: Store): number {
  return (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}
