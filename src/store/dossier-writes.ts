import type Database from 'better-sqlite3';
import type { ReadDossier } from '../core/types.js';
import { statement } from './prepared.js';

/**
 * A read dossier as the store takes it. A parse worker hands its document over already
 * serialised (`documentJson`, with `dossier` null) so the main thread neither clones nor
 * re-serialises it; either form stores the same text.
 */
export interface StorableDossier extends ReadDossier {
  documentJson?: string;
  /**
   * What the ingester saw of the dossier's files before reading them (see
   * pipeline/dossier-signature.ts): recorded with the content, or alone when only the files'
   * stamps changed. Absent when it could not be taken, which has the dossier read every time.
   */
  fileState?: string;
}

/**
 * Writes a dossier's new content, with its file state, to `dossiers` and `dossier_versions`;
 * returns whether it is valid.
 */
export function storeNewContent(
  db: Database.Database,
  dossier: StorableDossier,
  at: string,
  mode: 'insert' | 'update',
): boolean {
  const document =
    dossier.documentJson ?? (dossier.dossier === null ? null : JSON.stringify(dossier.dossier));
  const valid = document !== null && dossier.errors.length === 0;
  const row = {
    id: dossier.id,
    sourcePath: dossier.sourcePath,
    hash: dossier.hash,
    status: valid ? 'valid' : 'invalid',
    // An invalid dossier's partial content is not trusted by anything downstream: keep it out.
    document: valid ? document : null,
    attachments: JSON.stringify(dossier.attachments),
    errors: JSON.stringify(dossier.errors),
    warnings: JSON.stringify(dossier.warnings),
    // A valid dossier's name is in its document.
    candidateName: valid ? null : (dossier.candidateName ?? null),
    fileState: dossier.fileState ?? null,
    at,
  };
  const write =
    mode === 'insert'
      ? `INSERT INTO dossiers (id, source_path, hash, status, document, attachments, errors, warnings,
           candidate_name, file_state, first_ingested_at, last_ingested_at, updated_at)
         VALUES (@id, @sourcePath, @hash, @status, @document, @attachments, @errors, @warnings,
           @candidateName, @fileState, @at, @at, @at)`
      : `UPDATE dossiers SET source_path = @sourcePath, hash = @hash, status = @status, document = @document,
           attachments = @attachments, errors = @errors, warnings = @warnings,
           candidate_name = @candidateName, file_state = @fileState, last_ingested_at = @at, updated_at = @at
         WHERE id = @id`;
  statement(db, write).run(row);
  statement(
    db,
    `INSERT INTO dossier_versions (id, source_path, hash, status, document, attachments, errors, warnings, ingested_at)
     VALUES (@id, @sourcePath, @hash, @status, @document, @attachments, @errors, @warnings, @at)`,
  ).run(row);
  return valid;
}
