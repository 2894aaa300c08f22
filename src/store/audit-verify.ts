import type { AuditEntry } from '../core/types.js';
import { type AuditRow, GENESIS_HASH, hashAuditEntry, toAuditEntry } from './audit-log.js';
import { findRecordProblem } from './audit-records.js';
import { CanonicalText } from './canonical-json.js';
import { dbOf, type StoreOrDb } from './store-handle.js';

/**
 * SQLite's quick_check of the whole store: null when sound, else its first finding. A page
 * damaged outside the audit tables passes the chain check, yet ranking and the exports read it.
 */
export function findStoreDamage(target: StoreOrDb): string | null {
  const findings = dbOf(target).pragma('quick_check') as { quick_check: string }[];
  const first = findings[0]?.quick_check;
  if (first === undefined || first === 'ok') return null;
  return first.replace(/^\*\*\* in database \w+ \*\*\*\s*/, '').replace(/\s+/g, ' ');
}

/**
 * `seq` names the entry at fault, or the entry of the record at fault; it is null for a row that
 * no entry recorded.
 */
export type AuditVerdict =
  | {
      ok: true;
      count: number;
      /** What the entries recorded too little of to check (older entries); absent when nothing. */
      unchecked?: string[];
    }
  | { ok: false; seq: number | null; reason: string };

/**
 * Recomputes the audit chain and names the first entry that is not as it was written: altered
 * content, a rewritten hash, a missing entry, rows deleted at the end (caught through
 * `audit_head`), or rows slipped in after it. Then, the entries being genuine, checks that every
 * criteria version, committee member, override, tie decision, manual score, dossier and run row
 * holds what its entries recorded, that no recorded one has lost its row and that no row lacks
 * its entry (findRecordProblem): evaluation, ranking and the exports read those tables, not the
 * log. The append-only triggers make most of these need deliberate SQL; this catches them when
 * that SQL was run anyway.
 */
export function verifyAudit(target: StoreOrDb): AuditVerdict {
  const db = dbOf(target);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
    | { seq: number; hash: string }
    | undefined;
  let previous: AuditRow | undefined;
  // What the row check reads, parsed once.
  const entries: AuditEntry[] = [];
  for (const row of rows) {
    const expected = (previous?.seq ?? 0) + 1;
    if (row.seq !== expected) return { ok: false, seq: expected, reason: `entry ${expected} is missing` };
    if (previous && row.prev_hash !== previous.hash) {
      return {
        ok: false,
        seq: previous.seq,
        reason: `entry ${previous.seq} has a rewritten hash: entry ${row.seq} links to a different one`,
      };
    }
    if (!previous && row.prev_hash !== GENESIS_HASH) {
      return { ok: false, seq: row.seq, reason: `entry ${row.seq} does not start the chain` };
    }
    // Hashed as stored: appendAudit hashed exactly this canonical text of `before` and `after`,
    // which parsing and serialising again only re-made (an ingest's lists every dossier).
    const { seq, at, who, action, subject, why } = row;
    const before = new CanonicalText(row.before);
    const after = new CanonicalText(row.after);
    if (hashAuditEntry(row.prev_hash, { seq, at, who, action, subject, before, after, why }) !== row.hash) {
      return {
        ok: false,
        seq: row.seq,
        reason: `entry ${row.seq} was altered: its content does not match its hash`,
      };
    }
    previous = row;
    entries.push(toAuditEntry(row));
  }
  const chain = checkHead(head, previous);
  if (!chain.ok) return chain;
  const unchecked: string[] = [];
  const problem = findRecordProblem(db, entries, unchecked);
  if (problem) return { ok: false, ...problem };
  return unchecked.length > 0 ? { ...chain, unchecked } : chain;
}

function checkHead(
  head: { seq: number; hash: string } | undefined,
  last: AuditRow | undefined,
): AuditVerdict {
  const count = last?.seq ?? 0;
  if (!head) return { ok: false, seq: count, reason: 'the audit head record is missing' };
  if (head.seq > count) {
    const range =
      head.seq === count + 1 ? `entry ${head.seq} was` : `entries ${count + 1} to ${head.seq} were`;
    return { ok: false, seq: count + 1, reason: `${range} deleted from the end of the log` };
  }
  if (head.seq < count) {
    return { ok: false, seq: head.seq + 1, reason: `entry ${head.seq + 1} was added outside prequal` };
  }
  if (head.hash !== (last?.hash ?? GENESIS_HASH)) {
    return { ok: false, seq: count, reason: `entry ${count} does not match the recorded head of the log` };
  }
  return { ok: true, count };
}
