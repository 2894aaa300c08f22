import type Database from 'better-sqlite3';
import type { AuditEntry } from '../core/types.js';
import { COMMITTEE_MEMBERS } from './audit-record-committee.js';
import { CRITERIA_VERSIONS } from './audit-record-criteria.js';
import { DOSSIERS } from './audit-record-dossiers.js';
import {
  describeRow,
  MANUAL_SCORES,
  OVERRIDES,
  quote,
  type RecordKind,
  type RecordProblem,
  RUNS,
  TIE_DECISIONS,
  type VouchedRow,
} from './audit-record-kinds.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The first criteria version, committee member, override, tie decision, manual score, dossier or
 * run whose row does not hold what the audit entries that wrote it say, whose entry has lost its
 * row, or whose row has no entry. Call it on a verified chain only: the entries are then what
 * prequal wrote, and the rows are judged by them.
 *
 * Rows carry no audit seq, so they are matched by order: each record is written with its entry
 * in one transaction (importCriteria, recordOverride, recordDecision, recordScores), nothing else
 * writes these tables, and both the row keys (INTEGER PRIMARY KEY, max + 1) and the seqs grow
 * with every write. So the n-th row of a table by key belongs to the n-th entry of its action by
 * seq. Matching on content instead would accept rows swapped between two entries (which changes
 * the override in force) and could not tell a deleted row from an altered one; matching by order
 * names the exact row and entry, and a deleted or inserted row shows as the rest of the table
 * shifted by one. A seq column in each table would need a migration, and an insider could edit
 * it as well. Committee members and dossiers, updated in place, are the exception, matched by
 * name or id: see COMMITTEE_MEMBERS and DOSSIERS.
 */
export function findRecordProblem(
  db: Database.Database,
  log: readonly AuditEntry[],
  unchecked: string[] = [],
): RecordProblem | undefined {
  return (
    checkKind(db, CRITERIA_VERSIONS, log, unchecked) ??
    checkKind(db, COMMITTEE_MEMBERS, log, unchecked) ??
    checkKind(db, OVERRIDES, log, unchecked) ??
    checkKind(db, TIE_DECISIONS, log, unchecked) ??
    checkKind(db, MANUAL_SCORES, log, unchecked) ??
    checkKind(db, DOSSIERS, log, unchecked) ??
    checkKind(db, RUNS, log, unchecked)
  );
}

/** `unchecked` takes what the entries recorded too little of to check (RecordKind.unchecked). */
function checkKind<Row>(
  db: Database.Database,
  kind: RecordKind<Row>,
  log: readonly AuditEntry[],
  unchecked: string[],
): RecordProblem | undefined {
  const vouched = kind.vouch(log.filter((entry) => kind.actions.includes(entry.action)));
  if (!Array.isArray(vouched)) return vouched as RecordProblem;
  const gap = kind.unchecked?.(vouched);
  if (gap) unchecked.push(gap);
  const rows = db
    .prepare(`SELECT ${kind.columns ?? '*'} FROM ${kind.table} ORDER BY ${kind.orderBy}`)
    .all() as Row[];
  for (let i = 0; i < Math.max(rows.length, vouched.length); i++) {
    if (!matches(kind, rows[i], vouched[i])) return describeMismatch(kind, rows, vouched, i);
  }
  return kind.checkRows?.(rows, vouched);
}

/** Says why the i-th row and record do not pair: a row deleted, a row added, or a row altered. */
function describeMismatch<Row>(
  kind: RecordKind<Row>,
  rows: readonly Row[],
  vouched: readonly VouchedRow[],
  i: number,
): RecordProblem {
  const row = rows[i];
  const record = vouched[i];
  // A row missing or added shifts the rest by one; with as many rows as records, rows were swapped
  // or altered in place.
  if (record && (!row || (rows.length < vouched.length && matches(kind, row, vouched[i + 1])))) {
    return {
      seq: record.seq,
      reason: `the ${kind.noun} recorded by audit entry ${record.seq} (${record.subject}) has no row in ${kind.table}: it was deleted`,
    };
  }
  if (!record || (rows.length > vouched.length && matches(kind, rows[i + 1], record))) {
    return {
      seq: null,
      reason: `${describeRow(kind, row!)} has no audit entry: it was added outside prequal`,
    };
  }
  const found = differences(kind, row!, record);
  // The entry that set the first fact that differs; the others name theirs when it is another.
  const seq = found[0]?.seq ?? record.seq;
  const what = found
    .map(
      (d) =>
        `${d.name} is ${quote(d.stored)}, ${d.seq === seq ? 'the entry' : `audit entry ${d.seq}`} says ${quote(d.recorded)}`,
    )
    .join('; ');
  return {
    seq,
    reason: `${describeRow(kind, row!)} differs from audit entry ${seq} that recorded it: ${what}`,
  };
}

function matches<Row>(kind: RecordKind<Row>, row: Row | undefined, record: VouchedRow | undefined): boolean {
  return row !== undefined && record !== undefined && differences(kind, row, record).length === 0;
}

interface Difference {
  name: string;
  stored: unknown;
  recorded: unknown;
  /** The entry that recorded the fact. */
  seq: number;
}

/** Each fact the log records that the row holds otherwise. */
function differences<Row>(kind: RecordKind<Row>, row: Row, record: VouchedRow): Difference[] {
  const stored = kind.fromRow(row);
  return Object.keys(record.facts)
    .filter((name) => !sameFact(stored[name], record.facts[name]))
    .map((name) => ({
      name,
      stored: stored[name],
      recorded: record.facts[name],
      seq: record.factSeqs?.[name] ?? record.seq,
    }));
}

/** Equal as canonical JSON; two equal strings or numbers (most facts) are not serialised for that. */
function sameFact(stored: unknown, recorded: unknown): boolean {
  return stored === recorded || canonicalJson(stored) === canonicalJson(recorded);
}
