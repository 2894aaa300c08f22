import type { AttachmentFact, Dossier, InputIssue, ReadDossier } from '../core/types.js';
import { parseJson, statement } from './prepared.js';
import type { Store } from './store-handle.js';

export type DossierStatus = 'valid' | 'invalid' | 'withdrawn';

/** A dossier as the store holds it now. */
export interface StoredDossier {
  id: string;
  sourcePath: string;
  hash: string;
  status: DossierStatus;
  /** The validated dossier; null when it could not be read. */
  dossier: Dossier | null;
  attachments: AttachmentFact[];
  errors: InputIssue[];
  warnings: InputIssue[];
  /** For an invalid dossier, the candidate's name when its file gives one; null otherwise. */
  candidateName: string | null;
  /** What the ingester saw of the dossier's files when it last looked (see pipeline/dossier-signature.ts). */
  fileState: string | null;
  firstIngestedAt: string;
  /** When this content (hash) was stored. */
  lastIngestedAt: string;
  /** When the row last changed in any way, withdrawal included. */
  updatedAt: string;
}

/** What the ingester needs to decide whether a dossier file must be read again. */
export interface KnownDossier {
  hash: string;
  sourcePath: string;
  /** For a dossier that is not withdrawn, whether its stored content is valid (what it stays while unchanged). */
  status: DossierStatus;
  /** What the ingester saw of the dossier's files when it last looked; null when never recorded. */
  fileState: string | null;
  /** The stored content's errors, kept only for an invalid dossier (they are reported again). */
  errors?: InputIssue[];
}

export interface DossierRow {
  id: string;
  source_path: string;
  hash: string;
  status: DossierStatus;
  document: string | null;
  attachments: string;
  errors: string;
  warnings: string;
  candidate_name: string | null;
  file_state: string | null;
  first_ingested_at: string;
  last_ingested_at: string;
  updated_at: string;
}

/**
 * Hash, path, status and file state of every stored dossier (withdrawn ones included): enough
 * for an ingest that finds nothing changed to report without reading the table again. The
 * columns come from the covering index `dossiers_ingest_state`, never from the rows, whose
 * documents would otherwise be read too; the errors only for the few invalid dossiers.
 */
export function knownDossierHashes(store: Store): Map<string, KnownDossier> {
  const rows = statement(store.db, 'SELECT id, hash, source_path, status, file_state FROM dossiers')
    .raw()
    .all() as [string, string, string, DossierStatus, string | null][];
  const known = new Map<string, KnownDossier>();
  for (const [id, hash, sourcePath, status, fileState] of rows)
    known.set(id, { hash, sourcePath, status, fileState });
  const invalid = statement(store.db, "SELECT id, errors FROM dossiers WHERE status = 'invalid'").all() as {
    id: string;
    errors: string;
  }[];
  for (const row of invalid) {
    const entry = known.get(row.id);
    if (entry) entry.errors = JSON.parse(row.errors) as InputIssue[];
  }
  return known;
}

/** Every dossier that is not withdrawn (valid and invalid), by id. */
export function listActiveDossiers(store: Store): StoredDossier[] {
  const rows = statement(
    store.db,
    "SELECT * FROM dossiers WHERE status <> 'withdrawn' ORDER BY id",
  ).all() as DossierRow[];
  return rows.map(toStoredDossier);
}

/** One dossier by candidate id, whatever its status; null when never ingested. */
export function getDossier(store: Store, id: string): StoredDossier | null {
  const row = statement(store.db, 'SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
  return row ? toStoredDossier(row) : null;
}

/** One stored content of a dossier: every hash it ever had is kept. */
export interface DossierVersion {
  hash: string;
  sourcePath: string;
  status: 'valid' | 'invalid';
  dossier: Dossier | null;
  errors: InputIssue[];
  ingestedAt: string;
}

/** Earlier and current contents of one dossier, oldest first. */
export function listDossierVersions(store: Store, id: string): DossierVersion[] {
  const rows = statement(
    store.db,
    'SELECT hash, source_path, status, document, errors, ingested_at FROM dossier_versions WHERE id = ? ORDER BY seq',
  ).all(id) as (Pick<DossierRow, 'hash' | 'source_path' | 'document' | 'errors'> & {
    status: 'valid' | 'invalid';
    ingested_at: string;
  })[];
  return rows.map((row) => ({
    hash: row.hash,
    sourcePath: row.source_path,
    status: row.status,
    dossier: parseJson<Dossier>(row.document),
    errors: JSON.parse(row.errors) as InputIssue[],
    ingestedAt: row.ingested_at,
  }));
}

/** A stored dossier in the shape the reader produces, for an ingester that skipped an unchanged file. */
export function toReadDossier(stored: StoredDossier): ReadDossier {
  const { id, sourcePath, hash, dossier, attachments, errors, warnings, candidateName } = stored;
  const read: ReadDossier = { id, sourcePath, hash, dossier, attachments, errors, warnings };
  if (candidateName !== null) read.candidateName = candidateName;
  return read;
}

export function toStoredDossier(row: DossierRow): StoredDossier {
  return {
    id: row.id,
    sourcePath: row.source_path,
    hash: row.hash,
    status: row.status,
    dossier: parseJson<Dossier>(row.document),
    attachments: JSON.parse(row.attachments) as AttachmentFact[],
    errors: JSON.parse(row.errors) as InputIssue[],
    warnings: JSON.parse(row.warnings) as InputIssue[],
    candidateName: row.candidate_name,
    fileState: row.file_state,
    firstIngestedAt: row.first_ingested_at,
    lastIngestedAt: row.last_ingested_at,
    updatedAt: row.updated_at,
  };
}
