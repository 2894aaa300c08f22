/**
 * A careless or malicious insider editing prequal.db with SQL, bypassing prequal: the append-only
 * triggers are dropped first, as a determined insider would. `prequal audit verify` must name the
 * damage, in the audit log or in the records it vouches for: the committee's acts, its members
 * and their declarations, the criteria versions, the stored dossiers' ids, statuses and hashes,
 * the runs. (A candidate's stored document rewritten with SQL is NOT detected: see the known
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

const TRIGGERS = [
  'audit_log_no_update',
  'audit_log_no_delete',
  'audit_head_follows_log',
  'overrides_no_update',
  'overrides_no_delete',
  'manual_scores_keep_values',
  'manual_scores_no_delete',
  'criteria_versions_no_update',
  'dossiers_no_delete',
];

/** The secretary overriding a gate, so that the store holds an override to tamper with. */
const OVERRIDE = [
  ...['override', '--candidate', 'c12-bureau-kane-et-fils', '--criterion', 'ADM-2', '--pass'],
  ...['--reason', 'pièces reçues sous un autre nom', ...CLOCK, '--as', 'Olivier Lemaire'],
];

/** A fixture workspace after one full run (and `setup`, if any), with `sql` then run on its store. */
function tampered(sql: string, setup: string[][] = []): string {
  const ws = copyFixture('poc2-s29');
  expect(runCli(['run', '--workspace', ws, '--format', 'json', ...CLOCK]).code).toBe(0);
  for (const args of setup) expect(runCli([...args, '--workspace', ws]).code).toBe(0);
  const db = new Database(path.join(ws, 'prequal.db'));
  try {
    // As the sqlite3 shell runs it: a dossier's versions do not keep it from being deleted.
    db.pragma('foreign_keys = OFF');
    for (const trigger of TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
    db.prepare(sql).run();
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
    expectNamed(id, input, verify(tampered(sql)), /entr(y|ies) \d+/);
  });
});

describe("an insider editing the committee's records", () => {
  it.each([
    [
      'i04-score-raised',
      "an evaluator's manual score raised with SQL",
      'UPDATE manual_scores SET points = 20 WHERE id = 1',
      [],
      /manual_scores row 1 \(c01-institut-droits-securite EXP-4 by Hélène Marchand\) .*points is 20, the entry says 18$/,
    ],
    [
      'i05-score-hidden',
      'a current manual score marked superseded with SQL (no trigger forbids it)',
      'UPDATE manual_scores SET superseded = 1 WHERE id = 2',
      [],
      /manual_scores row 2 .* is marked superseded, but no later score replaces it$/,
    ],
    [
      'i06-override-reason-rewritten',
      "an override's justification rewritten with SQL",
      "UPDATE overrides SET reason = 'dossier complet' WHERE id = 1",
      [OVERRIDE],
      /overrides row 1 \(c12-bureau-kane-et-fils ADM-2\) .*reason is "dossier complet", the entry says "pièces reçues sous un autre nom"$/,
    ],
    [
      'i07-override-deleted',
      'an override deleted with SQL',
      'DELETE FROM overrides WHERE id = 1',
      [OVERRIDE],
      /the override recorded by audit entry \d+ \(c12-bureau-kane-et-fils ADM-2\) has no row in overrides: it was deleted$/,
    ],
  ])('%s is named by `prequal audit verify` (exit 1)', (id, input, sql, setup, named) => {
    expectNamed(id, input, verify(tampered(sql, setup)), named);
  });
});

describe('an insider editing what the evaluation depends on', () => {
  it.each([
    [
      'i08-declaration-backdated',
      "an evaluator's declaration of impartiality backdated with SQL",
      "UPDATE committee_members SET declared_at = '2025-11-01' WHERE name = 'Ibrahima Fall'",
      /committee_members row "Ibrahima Fall" \(evaluator\) differs from audit entry \d+ that recorded it: declared at is "2025-11-01", the entry says "2025-12-02"$/,
    ],
    [
      'i09-chair-made-voter',
      'the chair made an evaluator with SQL (tender.yaml still names her chair; verify does not register it)',
      "UPDATE committee_members SET role = 'evaluator' WHERE name = 'Awa Ndiaye'",
      /committee_members row "Awa Ndiaye" \(evaluator\) differs from audit entry 1 that recorded it: role is "evaluator", the entry says "chair"$/,
    ],
    [
      'i10-criteria-threshold-lowered',
      "the stored criteria's shortlist threshold lowered with SQL, the criteria file's text left as it was",
      "UPDATE criteria_versions SET criteria = json_set(criteria, '$.shortlist_threshold', 10)",
      /criteria_versions row 1 \(S29 prequalification grid\) differs from audit entry \d+ that recorded it: sha256 of the criteria is "[0-9a-f]{64}", the entry says "[0-9a-f]{64}"$/,
    ],
    [
      'i11-score-backdated',
      "a manual score's recording time moved with SQL",
      "UPDATE manual_scores SET recorded_at = '2025-11-30T09:00:00.000Z' WHERE id = 1",
      /manual_scores row 1 \(.*\) differs from audit entry \d+ that recorded it: recorded at is "2025-11-30T09:00:00.000Z", the entry says "2025-12-05T09:00:00.000Z"$/,
    ],
  ])('%s is named by `prequal audit verify` (exit 1)', (id, input, sql, named) => {
    expectNamed(id, input, verify(tampered(sql)), named);
  });
});

describe('an insider editing the stored dossiers or the runs', () => {
  const c12 = 'c12-bureau-kane-et-fils';
  it.each([
    [
      'i12-dossier-hash-changed',
      "a stored dossier's content hash rewritten with SQL",
      `UPDATE dossiers SET hash = '${'0'.repeat(64)}' WHERE id = '${c12}'`,
      new RegExp(
        `dossiers row "${c12}" \\(valid\\) differs from audit entry \\d+ that recorded it: hash is "0{64}", the entry says "[0-9a-f]{64}"$`,
      ),
    ],
    [
      'i13-dossier-made-invalid',
      'a valid stored dossier marked invalid with SQL',
      `UPDATE dossiers SET status = 'invalid' WHERE id = '${c12}'`,
      new RegExp(
        `dossiers row "${c12}" \\(invalid\\) differs from audit entry \\d+ that recorded it: status is "invalid", the entry says "valid"$`,
      ),
    ],
    [
      'i14-dossier-deleted',
      'a stored dossier deleted with SQL',
      `DELETE FROM dossiers WHERE id = '${c12}'`,
      new RegExp(
        `the dossier recorded by audit entry \\d+ \\(${c12}\\) has no row in dossiers: it was deleted$`,
      ),
    ],
    [
      'i15-dossier-inserted',
      'a dossier inserted with SQL',
      `INSERT INTO dossiers (id, source_path, hash, status, document, attachments, errors, warnings,
        first_ingested_at, last_ingested_at, updated_at)
       SELECT 'c99-late-entry', source_path, hash, status, document, attachments, errors, warnings,
        first_ingested_at, last_ingested_at, updated_at FROM dossiers WHERE id = '${c12}'`,
      /dossiers row "c99-late-entry" \(valid\) has no audit entry: it was added outside prequal$/,
    ],
    [
      'i16-run-inserted',
      'a run inserted with SQL (no prequal command writes runs)',
      "INSERT INTO runs (at, criteria_version, tender_hash, manifest) VALUES ('2025-12-05T09:00:00Z', 1, 'x', '{}')",
      /runs row 1 \(criteria version 1 at 2025-12-05T09:00:00Z\) has no audit entry: it was added outside prequal$/,
    ],
  ])('%s is named by `prequal audit verify` (exit 1)', (id, input, sql, named) => {
    expectNamed(id, input, verify(tampered(sql)), named);
  });
});

/** Records the outcome for docs/SECURITY.md, then requires exit 1 and a last line naming the damage. */
function expectNamed(id: string, input: string, result: ReturnType<typeof verify>, named: RegExp): void {
  const message = `${result.stdout}${result.stderr}`.trim().split('\n').at(-1) ?? '';
  rows.push({
    id,
    group: 'insider',
    input,
    outcome: `exit ${result.code}: ${message}`,
    ok: result.code === 1 && named.test(message),
  });
  expect(result.code).toBe(1);
  expect(message).toMatch(named);
}
