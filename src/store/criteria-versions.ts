import { createHash } from 'node:crypto';
import type { CriteriaSet } from '../core/types.js';
import { appendAudit } from './audit-log.js';
import { canonicalJson } from './canonical-json.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/** One imported criteria file, as kept forever in the store. */
export interface CriteriaVersion {
  version: number;
  name: string;
  /** sha256 of the file as imported (hex). */
  hash: string;
  /** The file's text, so any version can be shown and re-evaluated later. */
  text: string;
  criteria: CriteriaSet;
  importedAt: string;
}

export interface ImportCriteriaInput {
  name: string;
  criteria: CriteriaSet;
  hash: string;
  text: string;
  at: string;
  /** Who imported it, for the audit log (default `prequal`). */
  by?: string;
}

/** A row of `criteria_versions`. */
export interface CriteriaRow {
  version: number;
  name: string;
  hash: string;
  text: string;
  criteria: string;
  imported_at: string;
}

/**
 * Records a criteria file as a new version, unless it is identical (same hash) to the latest.
 * Its entry carries the file's hash and that of the criteria as read from it (`criteriaHash`,
 * see criteriaDigest): evaluation reads the parsed criteria, not the text, so `audit verify`
 * holds both to the entry.
 *
 * A file identical to an OLDER version still becomes a new version: the committee went back to
 * earlier rules, and results must say they were computed under the set in force now, after the
 * change in between. Versions are never deleted or edited.
 */
export function importCriteria(
  store: Store,
  input: ImportCriteriaInput,
): { version: number; created: boolean } {
  return withWriteTransaction(store.db, () => {
    const latest = getCriteriaVersion(store);
    if (latest && latest.hash === input.hash) return { version: latest.version, created: false };
    const version = (latest?.version ?? 0) + 1;
    statement(
      store.db,
      `INSERT INTO criteria_versions (version, name, hash, text, criteria, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(version, input.name, input.hash, input.text, JSON.stringify(input.criteria), input.at);
    appendAudit(store.db, {
      at: input.at,
      who: input.by ?? 'prequal',
      action: 'criteria.import',
      subject: `criteria version ${version}`,
      before: latest ? { version: latest.version, hash: latest.hash } : null,
      after: { version, name: input.name, hash: input.hash, criteriaHash: criteriaDigest(input.criteria) },
      why: latest ? 'criteria file changed' : 'first criteria import',
    });
    return { version, created: true };
  });
}

/**
 * sha256 of the criteria's canonical JSON (hex). Canonical rather than the column's text, so that
 * the digest stays true of criteria stored again in another key order.
 */
export function criteriaDigest(criteria: unknown): string {
  return createHash('sha256').update(canonicalJson(criteria)).digest('hex');
}

/** Every criteria version, oldest first. */
export function listCriteriaVersions(store: Store): CriteriaVersion[] {
  const rows = statement(store.db, 'SELECT * FROM criteria_versions ORDER BY version').all() as CriteriaRow[];
  return rows.map(toCriteriaVersion);
}

/** The given version, or the latest when `version` is omitted; null when there is none. */
export function getCriteriaVersion(store: Store, version?: number): CriteriaVersion | null {
  const row = (
    version === undefined
      ? statement(store.db, 'SELECT * FROM criteria_versions ORDER BY version DESC LIMIT 1').get()
      : statement(store.db, 'SELECT * FROM criteria_versions WHERE version = ?').get(version)
  ) as CriteriaRow | undefined;
  return row ? toCriteriaVersion(row) : null;
}

function toCriteriaVersion(row: CriteriaRow): CriteriaVersion {
  return {
    version: row.version,
    name: row.name,
    hash: row.hash,
    text: row.text,
    criteria: JSON.parse(row.criteria) as CriteriaSet,
    importedAt: row.imported_at,
  };
}
