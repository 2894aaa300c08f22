import path from 'node:path';
import { readCriteria } from '../dossier/index.js';
import { UserError } from '../errors.js';
import { type CriteriaVersion, getCriteriaVersion, importCriteria } from '../store/index.js';
import type { Session } from './session.js';

export const CRITERIA_FILE = 'criteria.yaml';

/**
 * Imports a criteria file as a new version when its content changed (the store ignores an
 * identical one). A broken file stops the command with every problem listed.
 */
export function importCriteriaFile(
  session: Session,
  file: string = CRITERIA_FILE,
): { version: CriteriaVersion; created: boolean } {
  const { criteria, hash, text } = readCriteria(file, session.ctx.workspace, session.tender);
  const { version, created } = importCriteria(session.store, {
    name: criteria.name,
    criteria,
    hash,
    text,
    at: session.at,
    by: session.ctx.user,
  });
  const stored = getCriteriaVersion(session.store, version);
  if (!stored) throw new Error(`criteria version ${version} vanished after import`);
  return { version: stored, created };
}

/** The criteria version to evaluate with (latest by default); a clear error when none was imported. */
export function requireCriteriaVersion(session: Session, version?: number): CriteriaVersion {
  const found = getCriteriaVersion(session.store, version);
  if (found) return found;
  throw new UserError(
    version === undefined
      ? `no criteria imported yet in ${path.join(session.ctx.workspace)}: run \`prequal criteria import\``
      : `criteria version ${version} does not exist`,
  );
}
