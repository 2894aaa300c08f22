import type { AuditEntry } from '../core/types.js';
import { canonicalJson } from './canonical-json.js';
import type { ScoreRow } from './manual-scores.js';
import type { OverrideRow } from './overrides.js';
import type { DecisionRow } from './tie-decisions.js';

/** A committee record that is not as its audit entry wrote it; `seq` is null for a row no entry recorded. */
export interface RecordProblem {
  seq: number | null;
  reason: string;
}

/** What a row and its audit entries both say, named after the row's columns. */
export type Facts = Record<string, unknown>;

/** What the audit log says one row holds. */
export interface VouchedRow {
  /** The entry that recorded the row: named when the row is missing or differs. */
  seq: number;
  /** That entry's subject, naming the row when it is missing. */
  subject: string;
  facts: Facts;
  /** The entry behind each fact a later entry than `seq` set (a member's role changed, a declaration). */
  factSeqs?: Readonly<Record<string, number>>;
}

/** A table the evaluation reads whose every write is recorded by an audit entry of `actions`. */
export interface RecordKind<Row> {
  table: string;
  /** The columns `fromRow` and `key` read, when not all of them (`*`): a check that must stay fast at 10,000 rows. */
  columns?: string;
  /** The column rows are read in order of: the order in which `vouch` lists what the log says. */
  orderBy: string;
  actions: readonly string[];
  /** One record, for messages: `override`. */
  noun: string;
  /** The row's key, for messages: `3`, `"Awa Ndiaye"`. */
  key(row: Row): string;
  /** Who or what the row is about, for messages: `c02 ADM-2`. */
  label(row: Row): string;
  /** The facts the entries carry, as the row holds them. */
  fromRow(row: Row): Facts;
  /**
   * What the entries of `actions` (oldest first) say the table holds, one item per row in the
   * table's order; or why those entries could not all have been written over untouched rows.
   */
  vouch(entries: readonly AuditEntry[]): readonly VouchedRow[] | RecordProblem;
  /**
   * What the entries recorded too little of to check, for the verdict (`the content hash of 3
   * dossiers`): entries written before a fact was added to them; undefined when nothing is left.
   */
  unchecked?(vouched: readonly VouchedRow[]): string | undefined;
  /** A check of the whole table once every row matched what the log says of it. */
  checkRows?(rows: readonly Row[], vouched: readonly VouchedRow[]): RecordProblem | undefined;
}

/** `vouch` for a table whose every entry inserts one row: the n-th entry vouches for the n-th row. */
export function rowPerEntry(fromEntry: (entry: AuditEntry) => Facts): RecordKind<unknown>['vouch'] {
  return (entries) =>
    entries.map((entry) => ({ seq: entry.seq, subject: entry.subject, facts: fromEntry(entry) }));
}

/** `overrides row 3 (c02 ADM-2)`. */
export function describeRow<Row>(kind: RecordKind<Row>, row: Row): string {
  return `${kind.table} row ${kind.key(row)} (${kind.label(row)})`;
}

/** A member of the entry's `before` or `after` (an object for every kind here; anything else reads as absent). */
export function member(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** A value as JSON, cut short: a forged comment may be long. */
export function quote(value: unknown): string {
  const text = canonicalJson(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function after(entry: AuditEntry, name: string): unknown {
  return member(entry.after, name);
}

/** recordOverride: subject `candidate criterion`, after `{ passed, points }`, why = reason. */
export const OVERRIDES: RecordKind<OverrideRow> = {
  table: 'overrides',
  orderBy: 'id',
  actions: ['override.record'],
  noun: 'override',
  key: (row) => String(row.id),
  label: (row) => `${row.candidate} ${row.criterion}`,
  fromRow: (row) => ({
    'candidate and criterion': `${row.candidate} ${row.criterion}`,
    passed: row.passed === null ? null : row.passed === 1,
    points: row.points,
    reason: row.reason,
    by: row.by,
    at: row.at,
  }),
  vouch: rowPerEntry((entry) => ({
    'candidate and criterion': entry.subject,
    passed: after(entry, 'passed'),
    points: after(entry, 'points'),
    reason: entry.why,
    by: entry.who,
    at: entry.at,
  })),
};

/**
 * recordDecision: subject `tie <tied>`, after `{ chosen, tied }`, why = reason. The row keeps both
 * lists as JSON text; it is compared parsed, as the ranker reads it.
 */
export const TIE_DECISIONS: RecordKind<DecisionRow> = {
  table: 'tie_decisions',
  orderBy: 'id',
  actions: ['decision.record'],
  noun: 'tie decision',
  key: (row) => String(row.id),
  label: (row) => `tie ${[readList(row.tied)].flat().join(', ')}`,
  fromRow: (row) => ({
    chosen: readList(row.chosen),
    tied: readList(row.tied),
    reason: row.reason,
    by: row.by,
    at: row.at,
  }),
  vouch: rowPerEntry((entry) => ({
    chosen: after(entry, 'chosen'),
    tied: after(entry, 'tied'),
    reason: entry.why,
    by: entry.who,
    at: entry.at,
  })),
};

/** A JSON column as parsed, or its text when an edit left it unreadable (it then differs). */
function readList(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * recordScores: subject `candidate criterion evaluator`, after `{ points, comment, source }`,
 * why = comment. The comment is compared with `why`, a text column like the row's own, so both
 * went through the same encoding into SQLite. `recorded_at` is the entry's `at` — every command
 * records a score at its own time — unless the entry's `recordedAt` says otherwise (the store API
 * lets a caller date a score apart from the act, and recordScores then records that date).
 */
export const MANUAL_SCORES: RecordKind<ScoreRow> = {
  table: 'manual_scores',
  orderBy: 'id',
  actions: ['score.record'],
  noun: 'manual score',
  key: (row) => String(row.id),
  label: (row) => `${row.candidate} ${row.criterion} by ${row.evaluator}`,
  fromRow: (row) => ({
    'candidate, criterion and evaluator': `${row.candidate} ${row.criterion} ${row.evaluator}`,
    points: row.points,
    comment: row.comment,
    source: row.source,
    'recorded at': row.recorded_at,
  }),
  vouch: rowPerEntry((entry) => ({
    'candidate, criterion and evaluator': entry.subject,
    points: after(entry, 'points'),
    comment: entry.why,
    source: after(entry, 'source'),
    'recorded at': after(entry, 'recordedAt') ?? entry.at,
  })),
  checkRows: checkSuperseded,
};

/**
 * A score is superseded exactly when a later score of the same evaluator, candidate and criterion
 * exists (recordScores marks the current one as it records the next). The triggers let that flag
 * change — recordScores needs it — so flipping it is the one edit that needs no dropped trigger:
 * it would hide a score, or bring back an earlier one.
 */
function checkSuperseded(
  rows: readonly ScoreRow[],
  vouched: readonly VouchedRow[],
): RecordProblem | undefined {
  const key = (row: ScoreRow) => JSON.stringify([row.evaluator, row.candidate, row.criterion]);
  const latest = new Map(rows.map((row) => [key(row), row]));
  for (const [i, row] of rows.entries()) {
    const replacement = latest.get(key(row));
    const seq = vouched[i]?.seq ?? null;
    if (replacement === row && row.superseded !== 0) {
      const reason = `${describeRow(MANUAL_SCORES, row)} is marked superseded, but no later score replaces it`;
      return { seq, reason };
    }
    if (replacement !== row && row.superseded === 0) {
      const reason = `${describeRow(MANUAL_SCORES, row)} is marked current, but row ${replacement?.id} replaced it`;
      return { seq, reason };
    }
  }
  return undefined;
}

/** A row of `runs`. */
interface RunRow {
  id: number;
  at: string;
  criteria_version: number;
}

/**
 * No prequal command has ever written the runs table (the Run sheet and the exports' run facts
 * are computed at each export), so no entry records a row of it: every row is one added outside
 * prequal, and is named as such.
 */
export const RUNS: RecordKind<RunRow> = {
  table: 'runs',
  columns: 'id, at, criteria_version',
  orderBy: 'id',
  actions: [],
  noun: 'run',
  key: (row) => String(row.id),
  label: (row) => `criteria version ${row.criteria_version} at ${row.at}`,
  fromRow: (row) => ({ id: row.id }),
  vouch: () => [],
};
