import type { InputIssue } from '../core/types.js';
import { InputError, UserError } from '../errors.js';
import { type CriteriaVersion, getMeta } from '../store/index.js';
import { criteriaChecked, criteriaCheckKey } from './checked-config.js';
import { requireCriteriaVersion } from './import-criteria.js';
import { type Session, TENDER_KEY } from './session.js';

/**
 * Refuses when tender.yaml changed since the dossiers were last ingested: validity depends on
 * its exchange rates and country groups, so stored dossiers must not be judged against another
 * tender (a removed rate would crash the engine; a renamed group would silently change results).
 * A store never ingested has nothing to be stale about.
 */
export function assertTenderUnchanged(session: Session): void {
  const stored = getMeta(session.store, TENDER_KEY);
  if (stored !== null && stored !== session.tenderHash)
    throw new UserError(
      'tender.yaml changed since the dossiers were ingested: run `prequal ingest` (or `prequal run`)',
    );
}

/**
 * Validates a stored criteria version again, against the current tender (a criteria file can
 * name country groups that tender.yaml no longer defines). Lists every problem when it fails.
 * A version whose bytes were validated by this build against this very tender.yaml, as recorded
 * by its import (checked-config.ts), would pass again: it is not, so a command that judges stored
 * data loads no schema (zod, some hundred modules: ~100 ms of a re-score's `score`).
 */
export async function assertCriteriaFitTender(session: Session, version: CriteriaVersion): Promise<void> {
  if (criteriaChecked(session.store, criteriaCheckKey(version.hash, session.contextHash))) return;
  const [{ parseDocument }, { buildCriteriaSchema }, { validateValue }] = await Promise.all([
    import('../dossier/parse-document.js'),
    import('../dossier/schema-criteria.js'),
    import('../dossier/validate-value.js'),
  ]);
  const file = `criteria version ${version.version}`;
  const parsed = parseDocument(version.text, file);
  const schema = buildCriteriaSchema(Object.keys(session.tender.country_groups));
  const issues: InputIssue[] =
    parsed.value === null ? parsed.issues : validateValue(schema, parsed.value, file, 'error').errors;
  if (issues.length === 0) return;
  throw new InputError(
    `${file} no longer fits tender.yaml: fix criteria.yaml and run \`prequal criteria import\``,
    issues,
  );
}

/**
 * The criteria version to evaluate with, once the stored dossiers and that version are known to
 * match the current tender.yaml: what every command that judges stored data without ingesting
 * again must call.
 */
export async function requireEvaluableCriteria(session: Session, version?: number): Promise<CriteriaVersion> {
  assertTenderUnchanged(session);
  const found = requireCriteriaVersion(session, version);
  await assertCriteriaFitTender(session, found);
  return found;
}
