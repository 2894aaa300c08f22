/**
 * A careless or malicious insider editing prequal.db with SQL, bypassing prequal: the append-only
 * triggers are dropped first, as a determined insider would. `prequal audit verify` must name the
 * damage. (A candidate's stored document rewritten with SQL is NOT detected: see the known
 * limitations in docs/SECURITY.md.)
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../e2e/cli-helpers.js';
import { CLOCK, runCli } from './harness.js';
import { type OutcomeRow, recordOutcomes } from './outcomes.js';

const rows: OutcomeRow[] = [];
afterAll(() => recordOutcomes('insider', rows));

/** A fixture workspace after one full run, with `sql` then run on its store. */
function tampered(sql: string, parameters: unknown[] = []): string {
  const ws = copyFixture('poc2-s29');
  expect(runCli(['run', '--workspace', ws, '--format', 'json', ...CLOCK]).code).toBe(0);
  const db = new Database(path.join(ws, 'prequal.db'));
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    db.exec('DROP TRIGGER IF EXISTS audit_head_follows_log;');
    db.prepare(sql).run(...parameters);
  } finally {
    db.close();
  }
  return ws;
}

const verify = (ws: string) => runCli(['audit', 'verify', '--workspace', ws]);

describe('an insider editing the database', () => {
  it.each([
    [
      'i01-audit-entry-altered',
      "an audit entry's justification rewritten with SQL",
      "UPDATE audit_log SET why = 'nothing to see' WHERE seq = 3",
    ],
    [
      'i02-audit-tail-deleted',
      'the last audit entries deleted with SQL',
      'DELETE FROM audit_log WHERE seq > 5',
    ],
    [
      'i03-audit-middle-deleted',
      'an audit entry in the middle deleted with SQL',
      'DELETE FROM audit_log WHERE seq = 4',
    ],
  ])('%s is named by `prequal audit verify` (exit 1)', (id, input, sql) => {
    const result = verify(tampered(sql));
    const message = `${result.stdout}${result.stderr}`.trim().split('\n').at(-1) ?? '';
    rows.push({
      id,
      group: 'insider',
      input,
      outcome: `exit ${result.code}: ${message}`,
      ok: result.code === 1,
    });
    expect(result.code).toBe(1);
    expect(message).toMatch(/entr(y|ies) \d+/);
  });
});
