/**
 * Judging a hostile case from the JSON export, and recording what happened so that
 * `node scripts/security-table.js` can render the table of docs/SECURITY.md from a real run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { candidateOf, type HostileCase, type JsonCandidate } from './hostile-case.js';

/** Where the security tests leave their outcomes (one JSON file per suite). */
export const OUTCOMES_DIR =
  process.env.PREQUAL_SECURITY_OUTCOMES ?? path.join(os.tmpdir(), 'prequal-security-outcomes');

/** One line of the table in docs/SECURITY.md. */
export interface OutcomeRow {
  id: string;
  group: string;
  input: string;
  /** What prequal did, as observed. */
  outcome: string;
  /** Whether every assertion of the case held. */
  ok: boolean;
}

/** The criteria a candidate failed, in the order of its reasons. */
export const failedCriteria = (c: JsonCandidate): string[] => [...new Set(c.reasons.map((r) => r.criterion))];

/** A short, deterministic description of how a candidate ended. */
export function outcomeOf(c: JsonCandidate | undefined): string {
  if (c === undefined) return 'not a candidate (ignored)';
  if (c.status === 'invalid') {
    const errors = (c.errors ?? []).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
    const text = [...new Set(errors)].join('; ');
    return `invalid: ${text.length > 180 ? `${text.slice(0, 177)}...` : text}`;
  }
  const failed = failedCriteria(c);
  return `${c.status}, total ${c.total}${failed.length ? `, failed ${failed.join(', ')}` : ''}`;
}

/** Everything wrong with how `c` ended, given every candidate of the run by id. */
export function judgeCase(c: HostileCase, byId: Map<string, JsonCandidate>): string[] {
  const found = byId.get(candidateOf(c));
  const expect = c.expect;
  if (expect.kind === 'absent') return found ? [`expected no candidate, got ${found.status}`] : [];
  if (!found) return ['candidate missing from the JSON export'];
  if (expect.kind === 'invalid') {
    if (found.status !== 'invalid') return [`expected invalid, got ${found.status}`];
    const summary = outcomeOf(found);
    const custom = expect.check?.(found);
    if (!expect.message.test(summary)) return [`error does not match ${expect.message}: ${summary}`];
    return custom ? [custom] : [];
  }
  const problems: string[] = [];
  if (found.status === 'invalid') return [`expected an evaluation, got ${outcomeOf(found)}`];
  if (expect.status && found.status !== expect.status)
    problems.push(`status ${found.status}, not ${expect.status}`);
  if (expect.failed && failedCriteria(found).join() !== expect.failed.join())
    problems.push(
      `failed ${failedCriteria(found).join() || 'nothing'}, not ${expect.failed.join() || 'nothing'}`,
    );
  if (expect.like) problems.push(...compareVerdicts(found, byId.get(expect.like)));
  const custom = expect.check?.(found);
  if (custom) problems.push(custom);
  return problems;
}

/** Every criterion must have the same verdict, points and metrics as the reference candidate. */
function compareVerdicts(found: JsonCandidate, reference: JsonCandidate | undefined): string[] {
  if (!reference) return ['reference candidate missing'];
  const problems: string[] = [];
  if (found.total !== reference.total) problems.push(`total ${found.total}, reference ${reference.total}`);
  for (const [id, expected] of Object.entries(reference.criteria)) {
    const actual = found.criteria[id];
    const pick = (r: typeof actual) => JSON.stringify(r && { p: r.passed, n: r.points, m: r.metrics });
    if (pick(actual) !== pick(expected)) problems.push(`${id} differs from the reference: ${pick(actual)}`);
  }
  return problems;
}

/** Writes `rows` as `<OUTCOMES_DIR>/<suite>.json`. */
export function recordOutcomes(suite: string, rows: OutcomeRow[]): void {
  fs.mkdirSync(OUTCOMES_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUTCOMES_DIR, `${suite}.json`), `${JSON.stringify(rows, null, 2)}\n`);
}
