import { parseJson, statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

export interface RunInput {
  at: string;
  criteriaVersion: number;
  /** sha256 of tender.yaml as used by the run; its text too, so the run can be replayed. */
  tenderHash: string;
  tenderText?: string;
  /** Whatever the run wants to remember: input hashes, export hashes, counts (JSON-serialisable). */
  manifest: unknown;
}

export interface RunRecord extends RunInput {
  id: number;
}

interface RunRow {
  id: number;
  at: string;
  criteria_version: number;
  tender_hash: string;
  tender_text: string | null;
  manifest: string;
}

/** Records one evaluation run; returns its id. */
export function recordRun(store: Store, run: RunInput): number {
  return withWriteTransaction(store.db, () => {
    const result = statement(
      store.db,
      'INSERT INTO runs (at, criteria_version, tender_hash, tender_text, manifest) VALUES (?, ?, ?, ?, ?)',
    ).run(run.at, run.criteriaVersion, run.tenderHash, run.tenderText ?? null, JSON.stringify(run.manifest));
    return Number(result.lastInsertRowid);
  });
}

/** The most recently recorded run, or null before the first. */
export function lastRun(store: Store): RunRecord | null {
  const row = statement(store.db, 'SELECT * FROM runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
  if (!row) return null;
  const record: RunRecord = {
    id: row.id,
    at: row.at,
    criteriaVersion: row.criteria_version,
    tenderHash: row.tender_hash,
    manifest: parseJson<unknown>(row.manifest),
  };
  if (row.tender_text !== null) record.tenderText = row.tender_text;
  return record;
}
