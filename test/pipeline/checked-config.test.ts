import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTender } from '../../src/dossier/read-tender.js';
import { InputError } from '../../src/errors.js';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { closeSession, openSession, type Session } from '../../src/pipeline/session.js';
import { getMeta, openStore, setMeta } from '../../src/store/index.js';
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

async function withOpen<T>(ws: string, fn: (session: Session) => Promise<T> | T): Promise<T> {
  const session = await openSession(quietContext(ws));
  try {
    return await fn(session);
  } finally {
    closeSession(session);
  }
}

const editFile = (file: string, edit: (text: string) => string) =>
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));

/** Rewrites the tender recorded in the store, keeping or replacing its key. */
function rewriteRecordedTender(
  ws: string,
  change: (record: { key: string; tender: { reference: string } }) => void,
) {
  const store = openStore(path.join(ws, 'prequal.db'));
  try {
    const record = JSON.parse(getMeta(store, 'tender.checked') ?? 'null');
    change(record);
    setMeta(store, 'tender.checked', JSON.stringify(record));
  } finally {
    store.close();
  }
}

describe('tender.yaml, validated once per content and build', () => {
  it('opens later sessions with the recorded tender, equal to a fresh validation', async () => {
    const ws = workspace();
    const first = await withOpen(ws, (session) => session);
    const second = await withOpen(ws, (session) => session);
    const fresh = readTender(ws);
    expect(second.tender).toEqual(fresh.tender);
    expect(second.tenderText).toBe(fresh.text);
    expect(second.tenderHash).toBe(fresh.hash);
    expect(second.contextHash).toBe(first.contextHash);
  });

  it('uses the record only under its key: the same bytes and the same build', async () => {
    const ws = workspace();
    await withOpen(ws, () => undefined);
    rewriteRecordedTender(ws, (record) => {
      record.tender.reference = 'FROM-THE-RECORD';
    });
    expect(await withOpen(ws, (session) => session.tender.reference)).toBe('FROM-THE-RECORD');
    rewriteRecordedTender(ws, (record) => {
      record.key = 'made by another build';
    });
    expect(await withOpen(ws, (session) => session.tender.reference)).toBe(readTender(ws).tender.reference);
  });

  it('validates an edited tender.yaml again, and refuses a broken one though another was recorded', async () => {
    const ws = workspace();
    await withOpen(ws, () => undefined);
    editFile(path.join(ws, 'tender.yaml'), (text) => text.replace(/min: \d+/, 'min: 0'));
    await expect(openSession(quietContext(ws))).rejects.toThrow(InputError);
    await expect(openSession(quietContext(ws))).rejects.toThrow(InputError);
  });

  it('reports a broken tender.yaml of a new workspace before creating a store for it', async () => {
    const ws = workspace();
    fs.rmSync(path.join(ws, 'prequal.db'), { force: true });
    editFile(path.join(ws, 'tender.yaml'), (text) => text.replace(/min: \d+/, 'min: 0'));
    await expect(openSession(quietContext(ws))).rejects.toThrow(InputError);
    expect(fs.existsSync(path.join(ws, 'prequal.db'))).toBe(false);
  });
});

describe('criteria.yaml, validated once per content, tender and build', () => {
  it('keeps the latest version for the same file, and validates it again when the tender changed', async () => {
    const ws = workspace();
    await withOpen(ws, async (session) => {
      await ingestDossiers(session);
      expect((await importCriteriaFile(session)).created).toBe(true);
      expect(await importCriteriaFile(session)).toMatchObject({ created: false, version: { version: 1 } });
    });
    // The criteria name the tender's group ECOWAS, which the tender now calls otherwise.
    editFile(path.join(ws, 'tender.yaml'), (text) => text.replace('ECOWAS:', 'CEDEAO:'));
    const caught = await withOpen(ws, (session) =>
      importCriteriaFile(session).catch((error: unknown) => error),
    );
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).issues.map((issue) => issue.message).join('\n')).toContain('ECOWAS');
  });
});
