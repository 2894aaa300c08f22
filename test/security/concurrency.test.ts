/**
 * Two `prequal run` processes on one workspace at the same time: both must finish (exit 0 or 3,
 * never an SQLITE_BUSY crash: one waits for the other's write lock), each must print exactly the
 * result a lone run prints on a separate copy, and the store must stay whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../e2e/cli-helpers.js';
import { auditVerifies, integrityOf } from './crash-checks.js';
import { CLOCK, type CliRun, makeTempDir, runCli, runCliAsync } from './harness.js';
import { type OutcomeRow, recordOutcomes } from './outcomes.js';
import { writeCandidate, writeSyntheticWorkspace } from './synthetic.js';

const rows: OutcomeRow[] = [];
afterAll(() => recordOutcomes('concurrency', rows));

const runArgs = (ws: string) => ['run', '--workspace', ws, '--json', '--format', 'json,md', ...CLOCK];

/** Runs two `prequal run` at once on `ws` and a lone one on `alone`; checks both against it. */
async function raceAgainstLone(id: string, input: string, ws: string, alone: string): Promise<void> {
  const [first, second] = await Promise.all([
    runCliAsync(runArgs(ws), 60_000),
    runCliAsync(runArgs(ws), 60_000),
  ]);
  const lone = runCli(runArgs(alone), { timeoutMs: 60_000 });
  const ended = (run: CliRun) => (run.timedOut ? 'hung' : `exit ${run.code}`);
  const busy = /SQLITE_BUSY|database is locked/i;
  const same = first.stdout === lone.stdout && second.stdout === lone.stdout;
  const integrity = integrityOf(ws);
  const audit = auditVerifies(ws);
  const ok =
    [first, second].every((run) => (run.code === 0 || run.code === 3) && !busy.test(run.stderr)) &&
    same &&
    integrity === 'ok' &&
    audit;
  rows.push({
    id,
    group: 'concurrency',
    input,
    outcome: `${ended(first)} and ${ended(second)}; ${same ? 'both results identical to a lone run' : 'RESULTS DIFFER'}; integrity_check ${integrity}; audit chain ${audit ? 'verified' : 'BROKEN'}`,
    ok,
  });
  for (const run of [first, second]) {
    expect([0, 3], run.stderr).toContain(run.code);
    expect(run.stderr).not.toMatch(busy);
  }
  expect(lone.code === 0 || lone.code === 3, lone.stderr).toBe(true);
  expect(first.stdout, 'first concurrent run').toBe(lone.stdout);
  expect(second.stdout, 'second concurrent run').toBe(lone.stdout);
  expect(integrity).toBe('ok');
  expect(audit).toBe(true);
}

describe('two prequal processes writing one workspace', () => {
  it('both finish on a new workspace (both create and migrate the store), results correct', async () => {
    await raceAgainstLone(
      'c01-two-runs-new-store',
      'two `prequal run` at once on fixtures/poc2-s29 with no store yet (manual scores from scores/*.csv)',
      copyFixture('poc2-s29'),
      copyFixture('poc2-s29'),
    );
  });

  it('both finish on a 400-dossier workspace, first run and after edits', async () => {
    const ws = path.join(makeTempDir('race'), 'ws');
    const alone = path.join(makeTempDir('race-alone'), 'ws');
    for (const dir of [ws, alone]) writeSyntheticWorkspace(dir, 400, 11);
    await raceAgainstLone('c02-two-runs-400', 'two `prequal run` at once on 400 new dossiers', ws, alone);
    for (const dir of [ws, alone])
      for (let index = 1; index <= 400; index += 20) writeCandidate(dir, index, 90_000 + index);
    fs.appendFileSync(path.join(ws, 'tender.yaml'), '# edited\n');
    fs.appendFileSync(path.join(alone, 'tender.yaml'), '# edited\n');
    await raceAgainstLone(
      'c03-two-runs-after-edits',
      'the same after 20 dossiers and tender.yaml changed',
      ws,
      alone,
    );
  });
});
