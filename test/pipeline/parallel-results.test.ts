import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listDossierEntries } from '../../src/dossier/index.js';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { DossierReader, type DossierReaderOptions } from '../../src/pipeline/parse-pool.js';
import { refreshEvaluations } from '../../src/pipeline/refresh-evaluations.js';
import { scoreCandidates } from '../../src/pipeline/score-candidates.js';
import { closeSession, openSession, type Session } from '../../src/pipeline/session.js';
import type { StorableDossier } from '../../src/store/index.js';
import {
  BUILT_EVALUATE_WORKER,
  BUILT_PARSE_WORKER,
  copyFixture,
  quietContext,
  replaceInFile,
} from './helpers.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo();
});

async function open(): Promise<Session> {
  const workspace = copyFixture();
  const session = await openSession(quietContext(workspace));
  cleanup.push(() => {
    closeSession(session);
    fs.rmSync(workspace, { recursive: true, force: true });
  });
  return session;
}

/**
 * A reader of the fixture's dossiers on one worker thread (the built script) unless `options`
 * say otherwise, counting the dossiers that reach its sink; closed after the test.
 */
async function countingReader(options: DossierReaderOptions) {
  const session = await open();
  const workspace = session.ctx.workspace;
  const counted = { read: 0 };
  const reader = new DossierReader(workspace, session.tender, () => counted.read++, {
    minForWorkers: 1,
    workers: 1,
    script: BUILT_PARSE_WORKER,
    ...options,
  });
  cleanup.push(() => void reader.close());
  return { entries: listDossierEntries(workspace), reader, counted };
}

/** The stored text a read dossier becomes, whichever thread read it. */
const asStored = ({ documentJson, dossier, ...rest }: StorableDossier) => ({
  ...rest,
  document: documentJson ?? (dossier === null ? null : JSON.stringify(dossier)),
});

describe('DossierReader on worker threads (built dist/)', () => {
  it('reads every dossier as the in-process reader does, in the order added', async () => {
    const session = await open();
    const workspace = session.ctx.workspace;
    const entries = listDossierEntries(workspace);
    const progress: number[] = [];
    const local: StorableDossier[] = [];
    const parallel: StorableDossier[] = [];
    const here = new DossierReader(workspace, session.tender, (i, read) => (local[i] = read), {
      minForWorkers: Number.POSITIVE_INFINITY,
    });
    const there = new DossierReader(workspace, session.tender, (i, read) => (parallel[i] = read), {
      minForWorkers: 1,
      batchSize: 3,
      workers: 2,
      script: BUILT_PARSE_WORKER,
      onRead: (done) => progress.push(done),
    });
    for (const entry of entries) {
      here.add({ entry, options: {} });
      there.add({ entry, options: {} });
    }
    await here.finish();
    await there.finish();
    expect(local).toHaveLength(entries.length);
    expect(parallel.some((read) => read.documentJson !== undefined && read.dossier === null)).toBe(true);
    expect(parallel.map(asStored)).toEqual(local.map(asStored));
    expect(progress.at(-1)).toBe(entries.length);
  });
});

describe('DossierReader.close', () => {
  it('stops the workers and hands nothing more to the sink, even from batches in flight', async () => {
    const { entries, reader, counted } = await countingReader({ batchSize: 1, workers: 2 });
    for (const entry of entries) reader.add({ entry, options: {} });
    // As an ingest that failed before finish() does.
    await reader.close();
    const atClose = counted.read;
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(counted.read).toBe(atClose);
    expect(atClose).toBeLessThan(entries.length);
    expect(() => reader.add({ entry: entries[0]!, options: {} })).toThrow('closed reader');
    await expect(reader.finish()).rejects.toThrow('closed reader');
  });
});

describe('DossierReader.waitForBacklog', () => {
  it('holds the caller until the workers are at most `limit` dossiers behind', async () => {
    const { entries, reader, counted } = await countingReader({ batchSize: 1 });
    const behind: number[] = [];
    for (const entry of entries) {
      reader.add({ entry, options: {} });
      await reader.waitForBacklog(2);
      behind.push(behind.length + 1 - counted.read);
    }
    expect(entries.length).toBeGreaterThan(4);
    expect(Math.max(...behind)).toBeLessThanOrEqual(2);
    await reader.finish();
    expect(counted.read).toBe(entries.length);
  });

  it('does not wait for dossiers not yet sent, which only the next batch or finish would send', async () => {
    const { entries, reader, counted } = await countingReader({ batchSize: 4 });
    for (const entry of entries.slice(0, 3)) reader.add({ entry, options: {} });
    await reader.waitForBacklog(0);
    expect(counted.read).toBe(0);
    await reader.finish();
    expect(counted.read).toBe(3);
  });

  it('does not wait when reading in-process, where nothing is read before finish', async () => {
    const { entries, reader, counted } = await countingReader({ minForWorkers: Number.POSITIVE_INFINITY });
    for (const entry of entries) reader.add({ entry, options: {} });
    await reader.waitForBacklog(0);
    expect(counted.read).toBe(0);
    await reader.finish();
    expect(counted.read).toBe(entries.length);
  });

  it('stops waiting once a batch failed, and finish reports the failure', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-failing-worker-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const script = path.join(dir, 'worker.mjs');
    fs.writeFileSync(script, "throw new Error('worker broke');\n");
    const { entries, reader } = await countingReader({ batchSize: 1, script: pathToFileURL(script) });
    for (const entry of entries) reader.add({ entry, options: {} });
    await reader.waitForBacklog(0);
    await expect(reader.finish()).rejects.toThrow('worker broke');
  });
});

describe('refreshEvaluations', () => {
  /** Everything the evaluation cache holds, groups by their keys. */
  const cacheRows = (session: Session) =>
    session.store.db
      .prepare(
        `SELECT g.criterion_keys, p.candidate, p.dossier_hash, p.name, p.country, p.summaries, p.details
         FROM evaluation_parts p JOIN criterion_groups g ON g.id = p.criterion_group
         ORDER BY g.criterion_keys, p.candidate, p.dossier_hash`,
      )
      .all();

  async function scoredRows(session: Session, minForWorkers: number, clear: boolean) {
    if (clear) session.store.db.exec('DELETE FROM evaluation_parts; DELETE FROM criterion_groups');
    const version = (await importCriteriaFile(session)).version;
    const result = await refreshEvaluations(session, version, {
      minForWorkers,
      minCriteriaForWorkers: 1,
      batchSize: 2,
      script: BUILT_EVALUATE_WORKER,
    });
    return { result, rows: cacheRows(session), version };
  }

  it('stores on worker threads exactly what it stores in-process, and what scoreCandidates computes', async () => {
    const session = await open();
    await ingestDossiers(session);
    const parallel = await scoredRows(session, 1, true);
    const local = await scoredRows(session, Number.POSITIVE_INFINITY, true);
    expect(parallel.result).toEqual(local.result);
    expect(parallel.result.computed).toBe(parallel.result.evaluated);
    expect(parallel.result.invalid).toBeGreaterThan(0);
    expect(parallel.rows).toEqual(local.rows);

    // Everything is cached now: the report path computes nothing and finds the same results.
    const scored = scoreCandidates(session, local.version);
    expect(scored.computed).toBe(0);
    session.store.db.exec('DELETE FROM evaluation_parts; DELETE FROM criterion_groups');
    const fresh = scoreCandidates(session, local.version);
    expect(fresh.computed).toBe(local.result.evaluated);
    expect(fresh.evaluations).toEqual(scored.evaluations);
    expect(fresh.invalid.length).toBe(local.result.invalid);
    expect(cacheRows(session)).toEqual(local.rows);
  });

  it('re-scores one changed criterion on worker threads as in-process', async () => {
    const stored = [] as unknown[];
    for (const minForWorkers of [1, Number.POSITIVE_INFINITY]) {
      const session = await open();
      await ingestDossiers(session);
      await scoredRows(session, minForWorkers, false);
      const criteria = path.join(session.ctx.workspace, 'criteria.yaml');
      replaceInFile(criteria, 'average_at_least: 300000', 'average_at_least: 1');
      const again = await scoredRows(session, minForWorkers, false);
      expect(again.result.computedCriteria).toEqual([{ criteria: 1, dossiers: again.result.evaluated }]);
      stored.push(again.rows);
    }
    expect(stored[0]).toEqual(stored[1]);
  });

  it('evaluates nothing again when nothing changed', async () => {
    const session = await open();
    await ingestDossiers(session);
    const version = (await importCriteriaFile(session)).version;
    const first = await refreshEvaluations(session, version);
    const again = await refreshEvaluations(session, version);
    expect(first.computed).toBe(first.evaluated);
    expect(again).toEqual({ ...first, computed: 0, computedCriteria: [] });
  });
});
