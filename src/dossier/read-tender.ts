import path from 'node:path';
import type { CriteriaSet, Tender } from '../core/types.js';
import { readConfigFile } from './read-config.js';
import { buildCriteriaSchema } from './schema-criteria.js';
import { tenderSchema } from './schema-tender.js';

/** Name of the procedure file in a workspace (SPEC §1). */
export const TENDER_FILE = 'tender.yaml';

/**
 * Reads and validates `<workspace>/tender.yaml`.
 * @throws InputError listing every problem (a missing file included).
 */
export function readTender(workspace: string): { tender: Tender; hash: string; text: string } {
  const { value, hash, text } = readConfigFile(workspace, path.join(workspace, TENDER_FILE), tenderSchema);
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
  const schema = buildCriteriaSchema(Object.keys(tender.country_groups));
  const { value, hash, text } = readConfigFile(workspace, path.resolve(workspace, file), schema);
  return { criteria: value, hash, text };
}
