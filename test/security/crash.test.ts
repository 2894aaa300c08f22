/**
 * SIGKILL at seeded random points of `prequal ingest` and `prequal score` on a 2,000-dossier
 * workspace. After every kill: integrity_check is ok, what was stored before is intact, a batch
 * of changes is all or nothing, the audit chain verifies. At the end a normal re-run must give
 * `rank --json` byte-identical to an uninterrupted run on a separate copy of the same inputs.
 * Kill delays are drawn in [50 ms, the command's uninterrupted duration], so they fall in
 * start-up, reading, computing and committing alike. PREQUAL_CRASH_SEED replays a failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditVerifies,
  changedIds,
  compareAfterKill,
  integrityOf,
  runAndKill,
  storedHashes,
} from './crash-checks.js';
import { CLOCK, makeTempDir, runCli } from './harness.js';
import { type OutcomeRow, recordOutcomes } from './outcomes.js';
import { seededRandom, syntheticId, writeCandidate, writeSyntheticWorkspace } from './synthetic.js';

const N = 2_000;
const SEED = Number(process.env.PREQUAL_CRASH_SEED ?? 20251128);
const random = seededRandom(SEED);
const rows: OutcomeRow[] = [];

/** Two batches of 40 edited dossiers, applied between kills (and to the reference copy). */
const BATCHES = [0, 1].map((batch) => Array.from({ length: 40 }, (_, i) => 1 + ((batch * 997 + i * 47) % N)));
const editSeed = (index: number, batch: number) => 7_000_000 + batch * 10_000 + index;

let victim: string;
let reference: string;
let referenceRank: string;
const took = { ingest: 0, score: 0 };

beforeAll(() => {
  reference = `${makeTempDir('crash-ref')}/ws`;
  victim = `${makeTempDir('crash-victim')}/ws`;
  writeSyntheticWorkspace(reference, N, SEED);
  writeSyntheticWorkspace(victim, N, SEED);
  BATCHES.forEach((batch, b) => {
    for (const index of batch) writeCandidate(reference, index, editSeed(index, b));
  });
  const step = (args: string[]) => {
    const run = runCli([...args, '--workspace', reference, ...CLOCK], { timeoutMs: 60_000 });
    expect(run.code === 0 || run.code === 3, run.stderr).toBe(true);
    return run;
  };
  took.ingest = step(['ingest']).ms;
  step(['criteria', 'import']);
  took.score = step(['score']).ms;
  referenceRank = step(['rank', '--json']).stdout;
});

afterAll(() => recordOutcomes('crash', rows));

/** Kills `command` once at a random point, checks the store, and returns how many changes were stored. */
async function killAndCheck(id: string, command: 'ingest' | 'score', pending: Set<string>): Promise<number> {
  const before = storedHashes(victim);
  const delay = Math.round(50 + random() * Math.max(0, took[command] - 50));
  const run = await runAndKill([command, '--workspace', victim, ...CLOCK], delay);
  const integrity = integrityOf(victim);
  const after = storedHashes(victim);
  const problems = compareAfterKill(before, after, pending);
  const audit = auditVerifies(victim);
  const stored = changedIds(before, after).length;
  const healthy = integrity === 'ok' || integrity === 'no database';
  rows.push({
    id,
    group: 'crash',
    input: `SIGKILL during \`prequal ${command}\` with ${pending.size} dossier change(s) to store`,
    outcome: `${run.killed ? `killed after ${delay} ms` : 'finished first'}; integrity_check ${integrity}; ${stored} of ${pending.size} changes stored; audit chain ${audit ? 'verified' : 'BROKEN'}`,
    ok: problems.length === 0 && audit && healthy,
  });
  const context = `${id} (seed ${SEED}, killed after ${delay} ms)`;
  expect(healthy, `${context}: integrity ${integrity}`).toBe(true);
  expect(problems, context).toEqual([]);
  expect(audit, `${context}: audit verify`).toBe(true);
  return stored;
}

describe(`SIGKILL on a ${N}-dossier workspace (seed ${SEED})`, () => {
  it('keeps the store whole and consistent through killed ingests', async () => {
    const all = new Set(Array.from({ length: N }, (_, i) => syntheticId(i + 1)));
    await killAndCheck('k01-ingest-fresh', 'ingest', all);
    const full = runCli(['ingest', '--workspace', victim, ...CLOCK], { timeoutMs: 60_000 });
    expect(full.code).toBe(0);
    expect(storedHashes(victim).size).toBe(N);
    // Edited on disk but not stored yet: a batch killed before its commit stays pending.
    const pending = new Set<string>();
    for (const [b, batch] of BATCHES.entries()) {
      for (const index of batch) writeCandidate(victim, index, editSeed(index, b));
      for (const index of batch) pending.add(syntheticId(index));
      if ((await killAndCheck(`k0${b + 2}-ingest-update`, 'ingest', pending)) > 0) pending.clear();
    }
  });

  it('keeps the store whole through killed scores', async () => {
    expect(runCli(['criteria', 'import', '--workspace', victim, ...CLOCK]).code).toBe(0);
    const tender = path.join(victim, 'tender.yaml');
    const original = fs.readFileSync(tender, 'utf8');
    for (const n of [1, 2, 3]) {
      // A new tender hash voids every cached evaluation, so each killed score has all the work to do.
      fs.writeFileSync(tender, `${original}# revision ${n}\n`);
      await killAndCheck(`k0${n + 3}-score`, 'score', new Set());
    }
    fs.writeFileSync(tender, original);
  });

  it('completes on a re-run with results byte-identical to an uninterrupted run', () => {
    const rerun = runCli(['run', '--workspace', victim, '--format', 'json', ...CLOCK], { timeoutMs: 60_000 });
    expect([0, 3], rerun.stderr).toContain(rerun.code);
    const rank = runCli(['rank', '--json', '--workspace', victim, ...CLOCK]);
    expect(rank.stdout.length).toBeGreaterThan(1000);
    expect(rank.stdout === referenceRank, 'rank --json differs from the uninterrupted run').toBe(true);
    expect(integrityOf(victim)).toBe('ok');
    expect(auditVerifies(victim)).toBe(true);
    rows.push({
      id: 'k07-rerun-identical',
      group: 'crash',
      input: 'normal re-run (`run`, then `rank --json`) after all the kills above',
      outcome: 'rank --json byte-identical to an uninterrupted run on a separate copy; audit chain verified',
      ok: true,
    });
  });
});
