/**
 * The reason a dossier is invalid when another one claims its candidate id. The dossier lister
 * gives it first; the store gives it again only for a dossier that reached it without (its one
 * row per id must never lose one of them), so each file is named once, not twice.
 */
export function duplicateIdProblem(id: string, others: readonly string[]): string {
  return `${DUPLICATE_ID} ${id} (also ${others.join(', ')})`;
}

/** True for a message made by duplicateIdProblem. */
export function isDuplicateIdProblem(message: string): boolean {
  return message.startsWith(`${DUPLICATE_ID} `);
}

const DUPLICATE_ID = 'duplicate candidate id';
