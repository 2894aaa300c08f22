import type Database from 'better-sqlite3';
import type { AuditEntry } from '../core/types.js';
import { type AuditRow, toAuditEntry } from './audit-log.js';
import {
  describeRow,
  MANUAL_SCORES,
  OVERRIDES,
  type RecordKind,
  type RecordProblem,
  TIE_DECISIONS,
} from './audit-record-kinds.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The first override, tie decision or manual score whose row does not hold what the audit entry
 * that recorded it says, whose entry has lost its row, or whose row has no entry. Call it on a
 * verified chain only: the entries are then what prequal wrote, and the rows are judged by them.
 *
 * Rows carry no audit seq, so they are matched by order: each record is written with its entry
 * in one transaction (recordOverride, recordDecision, recordScores), nothing else writes these
 * tables, and both the row ids (INTEGER PRIMARY KEY, max + 1) and the seqs grow with every write.
 * So the n-th row of a table by id belongs to the n-th entry of its action by seq. Matching on
 * content instead would accept rows swapped between two entries (which changes the override in
 * force) and could not tell a deleted row from an altered one; matching by order names the exact
 * row and entry, and a deleted or inserted row shows as the rest of the table shifted by one.
 * A seq column in each table would need a migration, and an insider could edit it as well.
 */
export function findRecordProblem(
  db: Database.Database,
  log: readonly AuditRow[],
): RecordProblem | undefined {
  return (
    checkKind(db, OVERRIDES, log) ?? checkKind(db, TIE_DECISIONS, log) ?? checkKind(db, MANUAL_SCORES, log)
  );
}

function checkKind<Row extends { id: number }>(
  db: Database.Database,
  kind: RecordKind<Row>,
  log: readonly AuditRow[],
): RecordProblem | undefined {
  const rows = db.prepare(`SELECT * FROM ${kind.table} ORDER BY id`).all() as Row[];
  const entries = log.filter((row) => row.action === kind.action).map(toAuditEntry);
  for (let i = 0; i < Math.max(rows.length, entries.length); i++) {
    if (!matches(kind, rows[i], entries[i])) return describeMismatch(kind, rows, entries, i);
  }
  return kind.checkRows?.(rows, entries);
}

/** Says why the i-th row and entry do not pair: a row deleted, a row added, or a row altered. */
function describeMismatch<Row extends { id: number }>(
  kind: RecordKind<Row>,
  rows: readonly Row[],
  entries: readonly AuditEntry[],
  i: number,
): RecordProblem {
  const row = rows[i];
  const entry = entries[i];
  // A row missing or added shifts the rest by one; with as many rows as entries, rows were swapped
  // or altered in place.
  if (entry && (!row || (rows.length < entries.length && matches(kind, row, entries[i + 1])))) {
    return {
      seq: entry.seq,
      reason: `the ${kind.noun} recorded by audit entry ${entry.seq} (${entry.subject}) has no row in ${kind.table}: it was deleted`,
    };
  }
  if (!entry || (rows.length > entries.length && matches(kind, rows[i + 1], entry))) {
    return {
      seq: null,
      reason: `${describeRow(kind, row!)} has no audit entry: it was added outside prequal`,
    };
  }
  const what = differences(kind, row!, entry).join('; ');
  return {
    seq: entry.seq,
    reason: `${describeRow(kind, row!)} differs from audit entry ${entry.seq} that recorded it: ${what}`,
  };
}

function matches<Row extends { id: number }>(
  kind: RecordKind<Row>,
  row: Row | undefined,
  entry: AuditEntry | undefined,
): boolean {
  return row !== undefined && entry !== undefined && differences(kind, row, entry).length === 0;
}

/** Each fact the entry carries that the row holds otherwise, as `reason is "x", the entry says "y"`. */
function differences<Row extends { id: number }>(
  kind: RecordKind<Row>,
  row: Row,
  entry: AuditEntry,
): string[] {
  const stored = kind.fromRow(row);
  const recorded = kind.fromEntry(entry);
  return Object.keys(recorded)
    .filter((name) => canonicalJson(stored[name]) !== canonicalJson(recorded[name]))
    .map((name) => `${name} is ${quote(stored[name])}, the entry says ${quote(recorded[name])}`);
}

/** A value as JSON, cut short: a forged comment may be long. */
function quote(value: unknown): string {
  const text = canonicalJson(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
