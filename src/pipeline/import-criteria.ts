import path from 'node:path';
import { readConfigSource } from '../dossier/config-source.js';
import { UserError } from '../errors.js';
import { type CriteriaVersion, getCriteriaVersion, importCriteria } from '../store/index.js';
import { criteriaChecked, criteriaCheckKey, recordCriteriaChecked } from './checked-config.js';
import type { Session } from './session.js';

export const CRITERIA_FILE = 'criteria.yaml';

/**
 * Imports a criteria file as a new version when its content changed (the store ignores an
 * identical one). A broken file stops the command with every problem listed. The file is only
 * parsed and validated when it, the tender or the build changed since it last passed
 * (see checked-config.ts): otherwise it is the latest version, as stored.
 */
export async function importCriteriaFile(
  session: Session,
  file: string = CRITERIA_FILE,
): Promise<{ version: CriteriaVersion; created: boolean }> {
  const { store, ctx } = session;
  const source = readConfigSource(ctx.workspace, path.resolve(ctx.workspace, file));
  const key = criteriaCheckKey(source.hash, session.contextHash);
  const latest = getCriteriaVersion(store);
  if (latest?.hash === source.hash && criteriaChecked(store, key)) return { version: latest, created: false };
  const { checkCriteria } = await import('../dossier/read-tender.js');
  const { criteria, hash, text } = checkCriteria(source, session.tender);
  const { version, created } = importCriteria(store, {
    name: criteria.name,
    criteria,
    hash,
    text,
    at: session.at,
    by: ctx.user,
  });
  recordCriteriaChecked(store, key);
  const stored = getCriteriaVersion(store, version);
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
