import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { closeSession, openSession } from '../../src/pipeline/session.js';
import { quietContext } from '../pipeline/helpers.js';
import { prequal, ROOT } from './cli-helpers.js';

// Above the 200 dossiers from which the ingest parses on worker threads and stages what they
// read (src/store/dossier-stage.ts); several of the sync's 512-dossier chunks.
const N = 1100;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function generated(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-ingest-workers-'));
  dirs.push(dir);
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'bench', 'generate.js'), dir, String(N), '11'],
    {
      encoding: 'utf8',
    },
  );
  expect(result.status).toBe(0);
  return dir;
}

function copy(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-ingest-inprocess-'));
  dirs.push(dir);
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/** What an ingest stored, without the times and the inode-bound file states. */
function storedRows(workspace: string) {
  const db = new Database(path.join(workspace, 'prequal.db'), { readonly: true });
  try {
    const columns = `id, source_path, hash, status, document, attachments, errors, warnings`;
    return {
      dossiers: db
        .prepare(`SELECT ${columns}, file_state IS NOT NULL AS stamped FROM dossiers ORDER BY id`)
        .all(),
      versions: db.prepare(`SELECT ${columns} FROM dossier_versions ORDER BY id, rowid`).all(),
    };
  } finally {
    db.close();
  }
}

describe('ingest on worker threads (built CLI)', () => {
  it('stores exactly what the in-process reader stores, and reports it the same way', async () => {
    const onWorkers = generated();
    const inProcess = copy(onWorkers);
    const cli = prequal(['ingest', '--workspace', onWorkers]);
    expect(cli.stderr).toBe('');
    const session = await openSession(quietContext(inProcess));
    try {
      const { summary } = await ingestDossiers(session);
      expect(summary.added).toHaveLength(N);
      expect(summary.invalid.length).toBeGreaterThan(0);
      expect(cli.stdout).toContain(
        `dossiers: ${N} (${summary.valid.length} valid, ${summary.invalid.length} invalid)`,
      );
    } finally {
      closeSession(session);
    }
    const expected = storedRows(inProcess);
    expect(expected.dossiers.every((row) => (row as { stamped: number }).stamped === 1)).toBe(true);
    expect(storedRows(onWorkers)).toEqual(expected);
    // Read again with nothing changed: nothing is read, nothing stored.
    const again = prequal(['ingest', '--workspace', onWorkers]);
    expect(again.stdout).toContain(`unchanged ${N}`);
    expect(storedRows(onWorkers)).toEqual(expected);
  });

  it('mixes dossiers read again with unchanged ones across the chunks the sync reads', async () => {
    const onWorkers = generated();
    const inProcess = copy(onWorkers);
    expect(prequal(['ingest', '--workspace', onWorkers]).code).toBe(0);
    const ingestHere = async () => {
      const session = await openSession(quietContext(inProcess));
      try {
        return await ingestDossiers(session);
      } finally {
        closeSession(session);
      }
    };
    await ingestHere();
    // Every fifth dossier edited: enough to be read on worker threads, spread over every chunk.
    const folders = fs.readdirSync(path.join(onWorkers, 'dossiers')).sort();
    const edited = folders.filter((_, index) => index % 5 === 2);
    for (const workspace of [onWorkers, inProcess])
      for (const folder of edited)
        fs.appendFileSync(path.join(workspace, 'dossiers', folder, 'dossier.yaml'), '# edited\n');
    const cli = prequal(['ingest', '--workspace', onWorkers]);
    expect(cli.stderr).toBe('');
    const { summary, read } = await ingestHere();
    expect(read).toBe(edited.length);
    // Above the 200 from which the ingest reads on worker threads.
    expect(summary.updated).toEqual(edited);
    expect(edited.length).toBeGreaterThan(200);
    expect(cli.stdout).toContain(`updated ${summary.updated.length}, unchanged ${summary.unchanged.length}`);
    expect(storedRows(onWorkers)).toEqual(storedRows(inProcess));
  });
});
