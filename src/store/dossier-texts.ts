import type { Dossier } from '../core/types.js';
import type { DossierStatus } from './dossier-queries.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';

/*
 * Light reads of the dossiers table for the scoring path: ids and hashes without any JSON
 * parsed, and the stored JSON of a few dossiers left as text for an evaluation worker to parse.
 * A re-score of 10,000 dossiers never holds them all in memory as objects.
 */

/** An active dossier without its content: enough to decide what must be evaluated. */
export interface DossierHead {
  id: string;
  sourcePath: string;
  hash: string;
  status: DossierStatus;
}

/** Every dossier that is not withdrawn, by id, without parsing any stored JSON. */
export function listActiveDossierHeads(store: Store): DossierHead[] {
  return statement(
    store.db,
    "SELECT id, source_path AS sourcePath, hash, status FROM dossiers WHERE status <> 'withdrawn' ORDER BY id",
  ).all() as DossierHead[];
}

/** A valid active dossier's stored JSON, unparsed: an evaluation worker parses it itself. */
export interface DossierSourceText {
  id: string;
  hash: string;
  /** JSON of the Dossier. */
  document: string;
  /** JSON of the AttachmentFact[]. */
  attachments: string;
  /** JSON of the InputIssue[]. */
  warnings: string;
}

/** The stored JSON of every valid active dossier (the ones that can be evaluated), by id. */
export function listValidDossierTexts(store: Store): DossierSourceText[] {
  return statement(
    store.db,
    `SELECT id, hash, document, attachments, warnings FROM dossiers
     WHERE status = 'valid' AND document IS NOT NULL ORDER BY id`,
  ).all() as DossierSourceText[];
}

/** The stored JSON of the valid dossiers among `ids`, by id: one batch of a re-score. */
export function getDossierTexts(store: Store, ids: readonly string[]): DossierSourceText[] {
  return statement(
    store.db,
    `SELECT id, hash, document, attachments, warnings FROM dossiers
     WHERE id IN (SELECT value FROM json_each(?)) AND status = 'valid' AND document IS NOT NULL
     ORDER BY id`,
  ).all(JSON.stringify(ids)) as DossierSourceText[];
}

/**
 * The stored content of dossier `id` as it was when its hash was `hash`: the current row when it
 * still is, else the version history (another process may have ingested a newer one meanwhile).
 * Without `history`, the current row only: an earlier version of the same bytes may have been
 * valid under an earlier tender.yaml, and a dossier not ranked must not be shown with it.
 */
export function getDossierDocumentOf(
  store: Store,
  id: string,
  hash: string,
  { history = true }: { history?: boolean } = {},
): Dossier | null {
  const current = statement(
    store.db,
    'SELECT document FROM dossiers WHERE id = ? AND hash = ? AND document IS NOT NULL',
  ).get(id, hash);
  if (!current && !history) return null;
  const row = (current ??
    statement(
      store.db,
      `SELECT document FROM dossier_versions WHERE id = ? AND hash = ? AND document IS NOT NULL
       ORDER BY seq DESC LIMIT 1`,
    ).get(id, hash)) as { document: string } | undefined;
  return row ? (JSON.parse(row.document) as Dossier) : null;
}
