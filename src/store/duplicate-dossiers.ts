import { createHash } from 'node:crypto';
import { duplicateIdProblem, isDuplicateIdProblem } from '../core/duplicate-id.js';
import type { ReadDossier } from '../core/types.js';

/** The ids found more than once in `ids`. */
export function duplicatedIds(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) twice.add(id);
    else seen.add(id);
  }
  return twice;
}

/**
 * Folds dossiers that share a candidate id into one invalid entry naming every file. The reader
 * should already report duplicates (each file's reason is then kept as the reader gave it); this keeps the store (one row per id) from losing one of
 * them silently or failing the whole ingest if it did not. The entry has no file state, so each
 * of the files is read again at the next ingest.
 */
export function asDuplicate(group: readonly ReadDossier[]): ReadDossier {
  const id = group[0]!.id;
  const paths = group.map((dossier) => dossier.sourcePath).sort();
  // Only for a dossier whose reader did not say so already.
  const duplicateErrors = group
    .filter((dossier) => !dossier.errors.some((error) => isDuplicateIdProblem(error.message)))
    .map((dossier) => ({
      file: dossier.sourcePath,
      path: '',
      message: duplicateIdProblem(
        id,
        paths.filter((p) => p !== dossier.sourcePath),
      ),
    }));
  return {
    id,
    sourcePath: paths[0]!,
    hash: createHash('sha256')
      .update(
        group
          .map((dossier) => dossier.hash)
          .sort()
          .join('\n'),
      )
      .digest('hex'),
    dossier: null,
    attachments: [],
    errors: [...duplicateErrors, ...group.flatMap((dossier) => dossier.errors)],
    warnings: group.flatMap((dossier) => dossier.warnings),
  };
}
