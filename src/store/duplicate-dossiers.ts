import { createHash } from 'node:crypto';
import type { ReadDossier } from '../core/types.js';

/**
 * Folds dossiers that share a candidate id into one invalid entry naming every file. The reader
 * should already report duplicates; this keeps the store (one row per id) from losing one of
 * them silently or failing the whole ingest if it did not.
 */
export function mergeDuplicateIds<T extends ReadDossier>(read: readonly T[]): (T | ReadDossier)[] {
  const byId = new Map<string, T[]>();
  for (const dossier of read) {
    const group = byId.get(dossier.id);
    if (group) group.push(dossier);
    else byId.set(dossier.id, [dossier]);
  }
  return [...byId.values()].map((group) => (group.length === 1 ? group[0]! : asDuplicate(group)));
}

function asDuplicate(group: ReadDossier[]): ReadDossier {
  const id = group[0]!.id;
  const paths = group.map((dossier) => dossier.sourcePath).sort();
  const duplicateErrors = group.map((dossier) => ({
    file: dossier.sourcePath,
    path: '',
    message: `candidate id "${id}" is also used by ${paths.filter((p) => p !== dossier.sourcePath).join(', ')}: a candidate has exactly one dossier`,
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
