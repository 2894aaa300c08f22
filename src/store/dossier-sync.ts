import type Database from 'better-sqlite3';
import { compareIds } from '../core/order.js';
import type { InputIssue, ReadDossier } from '../core/types.js';
import type { DossierStatus, KnownDossier } from './dossier-queries.js';
import { type StorableDossier, storeNewContent } from './dossier-writes.js';
import { asDuplicate, duplicatedIds } from './duplicate-dossiers.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

export type { StorableDossier } from './dossier-writes.js';

/** What an ingest changed in the store. Every id list is sorted. */
export interface IngestSummary {
  added: string[];
  /** Content (hash) changed; the earlier content stays in the dossier's versions. */
  updated: string[];
  unchanged: string[];
  /** Stored, absent from this read, now marked withdrawn (never deleted). */
  withdrawn: string[];
  /** Withdrawn earlier and present again, with the same content or a new one. */
  reactivated: string[];
  /** Every dossier of this read that is valid now… */
  valid: string[];
  /** …or invalid, with every reason. */
  invalid: { id: string; errors: InputIssue[] }[];
  /**
   * The content hash that each added, updated or reactivated dossier's row holds now, as
   * `[id, hash]` pairs sorted by id: the ingest's audit entry records them as one JSON object,
   * for `audit verify` to hold the rows to. Pairs, not an object: 100,000 of them become the
   * entry's text directly (canonicalStringMap), with no object of 100,000 keys built first.
   */
  hashes: [string, string][];
}

interface SyncState {
  hash: string;
  status: DossierStatus;
  source_path: string;
  file_state: string | null;
  candidate_name: string | null;
  /** 1 when the stored content is a valid dossier. */
  ok: number;
  errors: string;
}

/**
 * What an ingest found, for a sync that may walk it more than once (a transaction that meets a
 * busy database starts again): every dossier's id in order, duplicates included, and a fresh
 * iterator over the dossiers in that order at each call. It lets the dossiers come from a stage
 * (dossier-stage.ts) a few hundred at a time instead of all at once from memory.
 */
export interface DossierSource {
  readonly ids: readonly string[];
  [Symbol.iterator](): Iterator<StorableDossier>;
}

/**
 * Makes the stored dossiers match `read` (everything found in `dossiers/`), in one transaction.
 *
 * Hashes are compared first, so an unchanged dossier costs no write: for it, only `id`, `hash`
 * and `sourcePath` of the `ReadDossier` are looked at (its validity comes from the store), which
 * lets an ingester pass a stub for a file it did not read again. A changed dossier gets a new
 * row in `dossier_versions` (every content ever stored is kept there, the current one included).
 * A dossier's `fileState` is recorded with its content, or alone when only its files' stamps changed.
 * Dossiers sharing an id are stored last, as one invalid entry (asDuplicate), once all are seen.
 */
export function syncDossiers(
  store: Store,
  read: readonly StorableDossier[] | DossierSource,
  at: string,
): IngestSummary {
  const source: DossierSource =
    'ids' in read ? read : { ids: read.map((dossier) => dossier.id), [Symbol.iterator]: () => read.values() };
  const duplicated = duplicatedIds(source.ids);
  return withWriteTransaction(store.db, () => {
    const db = store.db;
    const known = loadSyncState(db);
    const summary: IngestSummary = {
      added: [],
      updated: [],
      unchanged: [],
      withdrawn: [],
      reactivated: [],
      valid: [],
      invalid: [],
      hashes: [],
    };
    // Dossiers sharing an id wait for the last of them, then go in as one (see asDuplicate).
    const groups = new Map<string, StorableDossier[]>();
    const syncOne = (dossier: StorableDossier) => {
      const previous = known.get(dossier.id);
      known.delete(dossier.id);
      const fileState = dossier.fileState;
      let valid: boolean;
      // Set when the stored row stands: its errors are the ones to report.
      let kept: SyncState | undefined;
      if (previous === undefined) {
        valid = storeNewContent(db, dossier, at, 'insert');
        summary.added.push(dossier.id);
        summary.hashes.push([dossier.id, dossier.hash]);
      } else if (!isStub(dossier) && (previous.hash !== dossier.hash || verdictChanged(previous, dossier))) {
        // New content; or the same bytes judged otherwise now (tender.yaml's rates changed).
        valid = storeNewContent(db, dossier, at, 'update');
        (previous.status === 'withdrawn' ? summary.reactivated : summary.updated).push(dossier.id);
        summary.hashes.push([dossier.id, dossier.hash]);
      } else {
        // Unchanged, or a stub whose stored hash another process replaced since the ingester
        // looked: what is stored stands (a stub has no content to store).
        valid = previous.ok === 1;
        kept = previous;
        const reactivated = previous.status === 'withdrawn';
        if (reactivated || fileFactsChanged(previous, dossier, fileState)) {
          statement(
            db,
            'UPDATE dossiers SET status = ?, source_path = ?, file_state = ?, updated_at = ? WHERE id = ?',
          ).run(
            valid ? 'valid' : 'invalid',
            dossier.sourcePath,
            fileState ?? previous.file_state,
            at,
            dossier.id,
          );
        }
        if (nameChanged(previous, dossier)) {
          statement(db, 'UPDATE dossiers SET candidate_name = ?, updated_at = ? WHERE id = ?').run(
            dossier.candidateName ?? null,
            at,
            dossier.id,
          );
        }
        (reactivated ? summary.reactivated : summary.unchanged).push(dossier.id);
        if (reactivated) summary.hashes.push([dossier.id, previous.hash]);
      }
      if (valid) summary.valid.push(dossier.id);
      else {
        const errors = kept ? (JSON.parse(kept.errors) as InputIssue[]) : dossier.errors;
        summary.invalid.push({ id: dossier.id, errors });
      }
    };
    for (const dossier of source) {
      if (!duplicated.has(dossier.id)) {
        syncOne(dossier);
        continue;
      }
      const group = groups.get(dossier.id);
      if (group) group.push(dossier);
      else groups.set(dossier.id, [dossier]);
    }
    for (const group of groups.values()) syncOne(asDuplicate(group));
    for (const [id, previous] of known) {
      if (previous.status === 'withdrawn') continue;
      statement(db, "UPDATE dossiers SET status = 'withdrawn', updated_at = ? WHERE id = ?").run(at, id);
      summary.withdrawn.push(id);
    }
    return sortSummary(summary);
  });
}

/**
 * The summary `syncDossiers` would return when every dossier of `ids` (unique, each stored and
 * not withdrawn) is unchanged and no other stored dossier is active: built from `known` alone,
 * so an ingest that changes nothing opens no write transaction and reads no row twice.
 */
export function summarizeUnchanged(
  known: ReadonlyMap<string, KnownDossier>,
  ids: readonly string[],
): IngestSummary {
  const summary: IngestSummary = {
    added: [],
    updated: [],
    unchanged: [...ids],
    withdrawn: [],
    reactivated: [],
    valid: [],
    invalid: [],
    hashes: [],
  };
  for (const id of ids) {
    const previous = known.get(id);
    if (previous === undefined || previous.status === 'withdrawn')
      throw new Error(`summarizeUnchanged: ${id} is not an active stored dossier`);
    if (previous.status === 'valid') summary.valid.push(id);
    else summary.invalid.push({ id, errors: previous.errors ?? [] });
  }
  return sortSummary(summary);
}

function loadSyncState(db: Database.Database): Map<string, SyncState> {
  const rows = statement(
    db,
    `SELECT id, hash, status, source_path, file_state, errors, candidate_name,
            (document IS NOT NULL AND errors = '[]') AS ok
     FROM dossiers`,
  ).all() as (SyncState & { id: string })[];
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * What an ingester passes for a dossier it did not read again: no content and no reason. A read
 * dossier always has one or the other (an invalid one has at least one error).
 */
function isStub(dossier: StorableDossier): boolean {
  return dossier.dossier === null && dossier.documentJson === undefined && dossier.errors.length === 0;
}

/** A dossier read again whose verdict (validity, errors) differs from the stored one. */
function verdictChanged(previous: SyncState, dossier: StorableDossier): boolean {
  const valid =
    (dossier.documentJson !== undefined || dossier.dossier !== null) && dossier.errors.length === 0;
  return valid !== (previous.ok === 1) || JSON.stringify(dossier.errors) !== previous.errors;
}

/**
 * An unchanged invalid dossier read again whose name the store lacks: a store written before
 * invalid dossiers kept their name, read again by the new build (or a build reading names otherwise).
 */
function nameChanged(previous: SyncState, dossier: StorableDossier): boolean {
  return previous.ok !== 1 && !isStub(dossier) && (dossier.candidateName ?? null) !== previous.candidate_name;
}

function fileFactsChanged(previous: SyncState, dossier: ReadDossier, fileState: string | undefined): boolean {
  if (previous.source_path !== dossier.sourcePath) return true;
  return fileState !== undefined && fileState !== previous.file_state;
}

function sortSummary(summary: IngestSummary): IngestSummary {
  for (const list of [
    summary.added,
    summary.updated,
    summary.unchanged,
    summary.withdrawn,
    summary.reactivated,
  ]) {
    list.sort();
  }
  summary.valid.sort();
  summary.invalid.sort((a, b) => compareIds(a.id, b.id));
  summary.hashes.sort(([a], [b]) => compareIds(a, b));
  return summary;
}
