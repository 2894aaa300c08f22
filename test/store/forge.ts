import { listAudit, type Store } from '../../src/store/index.js';

/** The triggers keeping the committee's records and the criteria versions append-only. */
const TRIGGERS = [
  'overrides_no_update',
  'overrides_no_delete',
  'tie_decisions_no_update',
  'tie_decisions_no_delete',
  'manual_scores_keep_values',
  'manual_scores_no_delete',
  'criteria_versions_no_update',
  'criteria_versions_no_delete',
];

/** Runs `sql` on the store as an insider would: the append-only triggers dropped first. */
export function forge(store: Store, sql: string): void {
  for (const trigger of TRIGGERS) store.db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
  store.db.exec(sql);
}

/** The seq of the n-th (from 1) audit entry of `action`. */
export function seqOf(store: Store, action: string, n: number): number {
  return listAudit(store).filter((e) => e.action === action)[n - 1]?.seq ?? -1;
}
