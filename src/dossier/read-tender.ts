import path from 'node:path';
import type { CriteriaSet, Tender } from '../core/types.js';
import { type ConfigSource, readConfigSource, TENDER_FILE } from './config-source.js';
import { checkConfigSource } from './read-config.js';
import { buildCriteriaSchema } from './schema-criteria.js';
import { tenderSchema } from './schema-tender.js';

export { TENDER_FILE } from './config-source.js';

/**
 * Reads and validates `<workspace>/tender.yaml`.
 * @throws InputError listing every problem (a missing file included).
 */
export function readTender(workspace: string): { tender: Tender; hash: string; text: string } {
  return checkTender(readConfigSource(workspace, path.join(workspace, TENDER_FILE)));
}

/** Parses and validates tender.yaml already read (see readTender). */
export function checkTender(source: ConfigSource): { tender: Tender; hash: string; text: string } {
  const { value, hash, text } = checkConfigSource(source, tenderSchema);
  return { tender: value, hash, text };
}

/**
 * Reads and validates a criteria file; `file` is absolute or relative to the workspace.
 * The tender supplies the country groups that `allowed` and `countries_any` may name.
 * @throws InputError listing every problem.
 */
export function readCriteria(
  file: string,
  workspace: string,
  tender: Tender,
): { criteria: CriteriaSet; hash: string; text: string } {
  return checkCriteria(readConfigSource(workspace, path.resolve(workspace, file)), tender);
}

/** Parses and validates a criteria file already read (see readCriteria). */
export function checkCriteria(
  source: ConfigSource,
  tender: Tender,
): { criteria: CriteriaSet; hash: string; text: string } {
  const schema = buildCriteriaSchema(Object.keys(tender.country_groups));
  const { value, hash, text } = checkConfigSource(source, schema);
  return { criteria: value, hash, text };
}
