import type { Override } from '../core/types.js';
import { UserError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/** A row of `overrides`. */
export interface OverrideRow {
  id: number;
  candidate: string;
  criterion: string;
  passed: number | null;
  points: number | null;
  reason: string;
  by: string;
  at: string;
}

const LATEST_OVERRIDE = `SELECT * FROM overrides o WHERE o.id = (
  SELECT max(id) FROM overrides WHERE candidate = o.candidate AND criterion = o.criterion)`;

/**
 * Appends an override of an automatic result, with its audit entry, in one transaction.
 * The justification is mandatory; a later override of the same candidate and criterion wins.
 */
export function recordOverride(store: Store, override: Override): void {
  if (override.reason.trim() === '') throw new UserError('An override needs a justification.');
  if (override.passed === undefined && override.points === undefined) {
    throw new UserError('An override must set a verdict (passed) or points.');
  }
  withWriteTransaction(store.db, () => {
    const previous = statement(store.db, `${LATEST_OVERRIDE} AND o.candidate = ? AND o.criterion = ?`).get(
      override.candidate,
      override.criterion,
    ) as OverrideRow | undefined;
    statement(
      store.db,
      'INSERT INTO overrides (candidate, criterion, passed, points, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      override.candidate,
      override.criterion,
      override.passed === undefined ? null : Number(override.passed),
      override.points ?? null,
      override.reason,
      override.by,
      override.at,
    );
    appendAudit(store.db, {
      at: override.at,
      who: override.by,
      action: 'override.record',
      subject: `${override.candidate} ${override.criterion}`,
      before: previous ? toOverride(previous) : null,
      after: { passed: override.passed ?? null, points: override.points ?? null },
      why: override.reason,
    });
  });
}

/** The override in force for each candidate and criterion (the latest recorded), by candidate, criterion. */
export function listOverrides(store: Store): Override[] {
  const rows = statement(
    store.db,
    `${LATEST_OVERRIDE} ORDER BY o.candidate, o.criterion`,
  ).all() as OverrideRow[];
  return rows.map(toOverride);
}

function toOverride(row: OverrideRow): Override {
  const override: Override = {
    candidate: row.candidate,
    criterion: row.criterion,
    reason: row.reason,
    by: row.by,
    at: row.at,
  };
  if (row.passed !== null) override.passed = row.passed === 1;
  if (row.points !== null) override.points = row.points;
  return override;
}
