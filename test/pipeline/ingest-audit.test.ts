/**
 * Every way an ingest changes the stored dossiers leaves a store `verifyAudit` passes, each row
 * held to its content hash: no false alarm on real use. Each step is a command of its own (a
 * session opened and closed), as a committee would run them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { closeSession, openSession } from '../../src/pipeline/session.js';
import { listAudit, verifyAudit } from '../../src/store/index.js';
import { copyFixture, quietContext, replaceInFile } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Ingests the workspace in a session of its own; returns what changed and the audit verdict after. */
async function ingest(ws: string) {
  const session = await openSession(quietContext(ws));
  try {
    const { summary } = await ingestDossiers(session);
    return { summary, verdict: verifyAudit(session.store), entries: listAudit(session.store) };
  } finally {
    closeSession(session);
  }
}

describe('verifyAudit after real ingests', () => {
  it('passes every step, each dossier held to its hash', async () => {
    const ws = copyFixture();
    dirs.push(ws);
    const dossiers = path.join(ws, 'dossiers');
    const folder = (id: string) => path.join(dossiers, id);
    const away = path.join(ws, 'away');
    fs.mkdirSync(away);
    const c04 = path.join(folder('c04-justice-securite-conseil'), 'dossier.yaml');
    const c04Text = fs.readFileSync(c04, 'utf8');
    const steps: [string, () => void, (s: Awaited<ReturnType<typeof ingest>>['summary']) => unknown][] = [
      ['first ingest', () => undefined, (s) => s.added.length],
      [
        'a dossier edited',
        () => fs.appendFileSync(path.join(folder('c01-institut-droits-securite'), 'dossier.yaml'), '# v2\n'),
        (s) => s.updated,
      ],
      [
        'a folder removed',
        () => fs.renameSync(folder('c02-cabinet-ndiaye-associes'), path.join(away, 'c02')),
        (s) => s.withdrawn,
      ],
      [
        'the folder back',
        () => fs.renameSync(path.join(away, 'c02'), folder('c02-cabinet-ndiaye-associes')),
        (s) => s.reactivated,
      ],
      [
        'a folder removed again',
        () => fs.renameSync(folder('c03-consortium-ucad'), path.join(away, 'c03')),
        (s) => s.withdrawn,
      ],
      [
        'the folder back, edited',
        () => {
          fs.appendFileSync(path.join(away, 'c03', 'dossier.yaml'), '# v2\n');
          fs.renameSync(path.join(away, 'c03'), folder('c03-consortium-ucad'));
        },
        (s) => s.reactivated,
      ],
      [
        'a dossier made unreadable',
        () => fs.appendFileSync(c04, '  : : broken\n'),
        (s) => s.invalid.map((i) => i.id),
      ],
      ['the dossier mended', () => fs.writeFileSync(c04, c04Text), (s) => s.updated],
      [
        'a file touched, its bytes unchanged',
        () => fs.utimesSync(c04, new Date('2025-12-06T00:00:00Z'), new Date('2025-12-06T00:00:00Z')),
        (s) => s.updated,
      ],
      [
        'the same bytes judged otherwise: a rate gone from tender.yaml',
        () => replaceInFile(path.join(ws, 'tender.yaml'), '  USD: 1.0823\n', ''),
        (s) => s.updated.length,
      ],
      [
        'the rate back',
        () =>
          replaceInFile(path.join(ws, 'tender.yaml'), '  XOF: 655.957\n', '  XOF: 655.957\n  USD: 1.0823\n'),
        (s) => s.updated.length,
      ],
      [
        'a second dossier with the id of another',
        () => fs.copyFileSync(c04, path.join(dossiers, 'c04-justice-securite-conseil.yaml')),
        (s) => s.updated,
      ],
      [
        'the duplicate removed',
        () => fs.rmSync(path.join(dossiers, 'c04-justice-securite-conseil.yaml')),
        (s) => s.updated,
      ],
    ];
    const seen: [string, unknown][] = [];
    for (const [name, act, changed] of steps) {
      act();
      const { summary, verdict, entries } = await ingest(ws);
      seen.push([name, changed(summary)]);
      expect(verdict, name).toEqual({ ok: true, count: entries.length });
    }
    expect(seen).toEqual([
      ['first ingest', 19],
      ['a dossier edited', ['c01-institut-droits-securite']],
      ['a folder removed', ['c02-cabinet-ndiaye-associes']],
      ['the folder back', ['c02-cabinet-ndiaye-associes']],
      ['a folder removed again', ['c03-consortium-ucad']],
      ['the folder back, edited', ['c03-consortium-ucad']],
      ['a dossier made unreadable', expect.arrayContaining(['c04-justice-securite-conseil'])],
      ['the dossier mended', ['c04-justice-securite-conseil']],
      ['a file touched, its bytes unchanged', []],
      ['the same bytes judged otherwise: a rate gone from tender.yaml', 9],
      ['the rate back', 9],
      ['a second dossier with the id of another', ['c04-justice-securite-conseil']],
      ['the duplicate removed', ['c04-justice-securite-conseil']],
    ]);
  });
});
