import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { countStoreChanges } from '../../src/pipeline/run-snapshot.js';
import { closeSession, openSession, type Session } from '../../src/pipeline/session.js';
import { getDossier, getMeta, listDossierVersions, setMeta } from '../../src/store/index.js';
import { toolBuild } from '../../src/version.js';
import { copyFixture, quietContext } from './helpers.js';

const sessions: Session[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) closeSession(session);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function openWorkspace(): Promise<{ ws: string; session: Session }> {
  const ws = copyFixture();
  dirs.push(ws);
  const session = await openSession(quietContext(ws));
  sessions.push(session);
  return { ws, session };
}

describe('ingestDossiers on an unchanged workspace', () => {
  it('reads nothing, writes nothing, and reports what the full sync reported', async () => {
    const { session } = await openWorkspace();
    const first = await ingestDossiers(session);
    expect(first.summary.invalid.length).toBeGreaterThan(0);
    const changes = countStoreChanges(session.store);
    const again = await ingestDossiers(session);
    expect(again.read).toBe(0);
    expect(countStoreChanges(session.store)).toBe(changes);
    expect(again.summary).toEqual({
      ...first.summary,
      added: [],
      unchanged: [...first.summary.added].sort(),
      hashes: [],
    });
  });

  it('reads every dossier again, once, after the tool build changed', async () => {
    const { session } = await openWorkspace();
    const first = await ingestDossiers(session);
    const all = first.summary.added.length;
    // As a store last ingested by an earlier build holds it: that reader's verdicts must not stand.
    setMeta(session.store, 'ingest.reader_build', '0.0.1+older');
    const upgraded = await ingestDossiers(session);
    expect(upgraded.read).toBe(all);
    expect(upgraded.summary.unchanged).toHaveLength(all);
    expect(getMeta(session.store, 'ingest.reader_build')).toBe(toolBuild());
    expect((await ingestDossiers(session)).read).toBe(0);
  });

  it('still withdraws a dossier folder that was removed', async () => {
    const { ws, session } = await openWorkspace();
    await ingestDossiers(session);
    fs.rmSync(path.join(ws, 'dossiers', 'c02-cabinet-ndiaye-associes'), { recursive: true });
    const again = await ingestDossiers(session);
    expect(again.summary.withdrawn).toEqual(['c02-cabinet-ndiaye-associes']);
    expect((await ingestDossiers(session)).summary.withdrawn).toEqual([]);
  });

  it('still sees an attachment removed from a candidate folder', async () => {
    const { ws, session } = await openWorkspace();
    await ingestDossiers(session);
    const folder = path.join(ws, 'dossiers', 'c02-cabinet-ndiaye-associes');
    const pdf = fs.readdirSync(folder).find((name) => name.endsWith('.pdf')) as string;
    fs.rmSync(path.join(folder, pdf));
    const again = await ingestDossiers(session);
    expect(again.read).toBe(1);
    expect(again.summary.updated).toEqual(['c02-cabinet-ndiaye-associes']);
  });

  it('still adds a new dossier folder', async () => {
    const { ws, session } = await openWorkspace();
    await ingestDossiers(session);
    fs.cpSync(
      path.join(ws, 'dossiers', 'c02-cabinet-ndiaye-associes'),
      path.join(ws, 'dossiers', 'c99-copie'),
      { recursive: true },
    );
    const again = await ingestDossiers(session);
    expect(again.summary.added).toEqual(['c99-copie']);
  });
});

describe('ingestDossiers on an invalid dossier', () => {
  it('keeps the name its file gives (none for one that does not parse), and adds it to an older store', async () => {
    const { session } = await openWorkspace();
    await ingestDossiers(session);
    const nameOf = (id: string) => getDossier(session.store, id)?.candidateName;
    // c19 fails on a currency without a rate; c15 is a YAML syntax error.
    expect(nameOf('c19-dublin-justice-advisory')).toBe('Dublin Justice Advisory Ltd');
    expect(nameOf('c15-nord-sud-expertise')).toBeNull();
    expect(nameOf('c01-institut-droits-securite')).toBeNull();
    // As a store written before the names were kept holds it, then read by a new build.
    session.store.db.exec('UPDATE dossiers SET candidate_name = NULL');
    setMeta(session.store, 'ingest.reader_build', '0.0.1+older');
    const upgraded = await ingestDossiers(session);
    expect(nameOf('c19-dublin-justice-advisory')).toBe('Dublin Justice Advisory Ltd');
    // The files did not change: nothing is reported updated, and no new version is stored.
    expect(upgraded.summary.updated).toEqual([]);
    expect(listDossierVersions(session.store, 'c19-dublin-justice-advisory')).toHaveLength(1);
  });
});
