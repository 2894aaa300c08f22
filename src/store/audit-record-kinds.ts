import type { AuditEntry } from '../core/types.js';
import type { ScoreRow } from './manual-scores.js';
import type { OverrideRow } from './overrides.js';
import type { DecisionRow } from './tie-decisions.js';

/** A committee record that is not as its audit entry wrote it; `seq` is null for a row no entry recorded. */
export interface RecordProblem {
  seq: number | null;
  reason: string;
}

/** What a row and its audit entry both say, named after the row's columns. */
type Facts = Record<string, unknown>;

/** A table of the committee's acts whose every row is written with one audit entry (`action`). */
export interface RecordKind<Row extends { id: number }> {
  table: string;
  action: string;
  /** One record, for messages: `override`. */
  noun: string;
  /** Who or what the row is about, for messages: `c02 ADM-2`. */
  label(row: Row): string;
  /** The facts the entry carries, as the row holds them. */
  fromRow(row: Row): Facts;
  /** The same facts, as the entry recorded them. */
  fromEntry(entry: AuditEntry): Facts;
  /** A check of the whole table once every row matched its entry. */
  checkRows?(rows: readonly Row[], entries: readonly AuditEntry[]): RecordProblem | undefined;
}

/** `overrides row 3 (c02 ADM-2)`. */
export function describeRow<Row extends { id: number }>(kind: RecordKind<Row>, row: Row): string {
  return `${kind.table} row ${row.id} (${kind.label(row)})`;
}

/** A member of the entry's `after` (an object for every kind here; anything else reads as absent). */
function after(entry: AuditEntry, name: string): unknown {
  const value = entry.after;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** recordOverride: subject `candidate criterion`, after `{ passed, points }`, why = reason. */
export const OVERRIDES: RecordKind<OverrideRow> = {
  table: 'overrides',
  action: 'override.record',
  noun: 'override',
  label: (row) => `${row.candidate} ${row.criterion}`,
  fromRow: (row) => ({
    'candidate and criterion': `${row.candidate} ${row.criterion}`,
    passed: row.passed === null ? null : row.passed === 1,
    points: row.points,
    reason: row.reason,
    by: row.by,
    at: row.at,
  }),
  fromEntry: (entry) => ({
    'candidate and criterion': entry.subject,
    passed: after(entry, 'passed'),
    points: after(entry, 'points'),
    reason: entry.why,
    by: entry.who,
    at: entry.at,
  }),
};

/**
 * recordDecision: subject `tie <tied>`, after `{ chosen, tied }`, why = reason. The row keeps both
 * lists as JSON text; it is compared parsed, as the ranker reads it.
 */
export const TIE_DECISIONS: RecordKind<DecisionRow> = {
  table: 'tie_decisions',
  action: 'decision.record',
  noun: 'tie decision',
  label: (row) => `tie ${[readList(row.tied)].flat().join(', ')}`,
  fromRow: (row) => ({
    chosen: readList(row.chosen),
    tied: readList(row.tied),
    reason: row.reason,
    by: row.by,
    at: row.at,
  }),
  fromEntry: (entry) => ({
    chosen: after(entry, 'chosen'),
    tied: after(entry, 'tied'),
    reason: entry.why,
    by: entry.who,
    at: entry.at,
  }),
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
 * went through the same encoding into SQLite. `recorded_at` is not in the entry (its `at` is the
 * act's time, which the store API lets differ), so it is not checked.
 */
export const MANUAL_SCORES: RecordKind<ScoreRow> = {
  table: 'manual_scores',
  action: 'score.record',
  noun: 'manual score',
  label: (row) => `${row.candidate} ${row.criterion} by ${row.evaluator}`,
  fromRow: (row) => ({
    'candidate, criterion and evaluator': `${row.candidate} ${row.criterion} ${row.evaluator}`,
    points: row.points,
    comment: row.comment,
    source: row.source,
  }),
  fromEntry: (entry) => ({
    'candidate, criterion and evaluator': entry.subject,
    points: after(entry, 'points'),
    comment: entry.why,
    source: after(entry, 'source'),
  }),
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
  entries: readonly AuditEntry[],
): RecordProblem | undefined {
  const key = (row: ScoreRow) => JSON.stringify([row.evaluator, row.candidate, row.criterion]);
  const latest = new Map(rows.map((row) => [key(row), row]));
  for (const [i, row] of rows.entries()) {
    const replacement = latest.get(key(row));
    const seq = entries[i]?.seq ?? null;
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
