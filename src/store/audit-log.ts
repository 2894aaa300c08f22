import { createHash } from 'node:crypto';
import type { AuditEntry, AuditLine } from '../core/types.js';
import { CanonicalText, canonicalJson } from './canonical-json.js';
import { statement } from './prepared.js';
import { dbOf, type StoreOrDb } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller states about a change; the log adds seq and hashes. */
export interface AuditInput {
  at: string;
  who: string;
  /** Dotted verb, e.g. `score.record`, `override.record`, `criteria.import`. */
  action: string;
  /** What the change is about, e.g. `c02-eurohr EXP-3`. */
  subject: string;
  before?: unknown;
  after?: unknown;
  why: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  who: string;
  action: string;
  subject: string;
  before: string;
  after: string;
  why: string;
  prev_hash: string;
  hash: string;
}

/** sha256(prevHash + canonical JSON of the entry's content), hex. */
export function hashAuditEntry(prevHash: string, content: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  const { seq, at, who, action, subject, before, after, why } = content;
  const text = canonicalJson({ seq, at, who, action, subject, before, after, why });
  return createHash('sha256').update(prevHash).update(text).digest('hex');
}

/** The last entry of the audit chain: its seq and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/**
 * Appends one entry to the hash-chained audit log and moves the head. Inside a transaction it
 * joins it (so the change and its record commit or vanish together); outside, it opens its own.
 * Returns the new head: the entry itself is what listAudit reads back, and parsing its JSON here
 * would cost an export or an ingest of 100,000 dossiers a copy of its largest entry for nothing.
 */
export function appendAudit(target: StoreOrDb, input: AuditInput): AuditHead {
  const db = dbOf(target);
  return withWriteTransaction(db, () => {
    const head = readAuditHead(db);
    // Stored as canonical JSON so that parsing and re-serialising at verification gives the same
    // text; each made once, then hashed and stored as it is.
    const beforeText = canonicalJson(input.before ?? null);
    const afterText = canonicalJson(input.after ?? null);
    const seq = head.seq + 1;
    const texts = { before: new CanonicalText(beforeText), after: new CanonicalText(afterText) };
    const hash = hashAuditEntry(head.hash, { ...input, seq, ...texts });
    statement(
      db,
      `INSERT INTO audit_log (seq, at, who, action, subject, before, after, why, prev_hash, hash)
       VALUES (@seq, @at, @who, @action, @subject, @before, @after, @why, @prevHash, @hash)`,
    ).run({ ...input, seq, before: beforeText, after: afterText, prevHash: head.hash, hash });
    statement(db, 'UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(seq, hash);
    return { seq, hash };
  });
}

/** The head of the audit chain (seq 0 and the genesis hash before any entry): cheap, one row. */
export function readAuditHead(target: StoreOrDb): AuditHead {
  return statement(dbOf(target), 'SELECT seq, hash FROM audit_head WHERE id = 1').get() as AuditHead;
}

/** Every audit entry, oldest first. */
export function listAudit(target: StoreOrDb): AuditEntry[] {
  const rows = statement(dbOf(target), 'SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  return rows.map(toAuditEntry);
}

/**
 * Every audit entry, oldest first, for display: `before` and `after` as stored (canonical JSON,
 * empty for null), each longer than `maxChars` characters cut by SQLite to that many and ended
 * with `…`, so that an entry naming 100,000 files never reaches JavaScript whole.
 */
export function listAuditLines(target: StoreOrDb, maxChars: number): AuditLine[] {
  const cut = (column: string) =>
    `CASE WHEN length(${column}) > @maxChars THEN substr(${column}, 1, @maxChars) || '…' ELSE ${column} END`;
  const rows = statement(
    dbOf(target),
    `SELECT seq, at, who, action, subject, why, hash, ${cut('before')} AS before, ${cut('after')} AS after
     FROM audit_log ORDER BY seq`,
  ).all({ maxChars }) as AuditLine[];
  for (const row of rows) {
    if (row.before === 'null') row.before = '';
    if (row.after === 'null') row.after = '';
  }
  return rows;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    who: row.who,
    action: row.action,
    subject: row.subject,
    before: JSON.parse(row.before) as unknown,
    after: JSON.parse(row.after) as unknown,
    why: row.why,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
