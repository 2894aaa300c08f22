import type { TieDecision } from '../core/types.js';
import { UserError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/** A row of `tie_decisions`; `chosen` and `tied` are JSON lists. */
export interface DecisionRow {
  id: number;
  chosen: string;
  tied: string;
  reason: string;
  by: string;
  at: string;
}

/**
 * Appends the committee's decision on a tie at the cut, with its audit entry. Decisions are
 * never edited: a later decision on the same tied candidates supersedes it for the ranker.
 */
export function recordDecision(store: Store, decision: TieDecision): void {
  if (decision.reason.trim() === '') throw new UserError('A tie decision needs a justification.');
  const outsider = decision.chosen.find((id) => !decision.tied.includes(id));
  if (outsider !== undefined) throw new UserError(`${outsider} is not one of the tied candidates.`);
  withWriteTransaction(store.db, () => {
    statement(
      store.db,
      'INSERT INTO tie_decisions (chosen, tied, reason, by, at) VALUES (?, ?, ?, ?, ?)',
    ).run(
      JSON.stringify(decision.chosen),
      JSON.stringify(decision.tied),
      decision.reason,
      decision.by,
      decision.at,
    );
    appendAudit(store.db, {
      at: decision.at,
      who: decision.by,
      action: 'decision.record',
      subject: `tie ${decision.tied.join(', ')}`,
      before: null,
      after: { chosen: decision.chosen, tied: decision.tied },
      why: decision.reason,
    });
  });
}

/** Every decision, in the order recorded (the later one wins for the same tie). */
export function listDecisions(store: Store): TieDecision[] {
  const rows = statement(store.db, 'SELECT * FROM tie_decisions ORDER BY id').all() as DecisionRow[];
  return rows.map((row) => ({
    chosen: JSON.parse(row.chosen) as string[],
    tied: JSON.parse(row.tied) as string[],
    reason: row.reason,
    by: row.by,
    at: row.at,
  }));
}
