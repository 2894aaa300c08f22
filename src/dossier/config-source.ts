import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

/** Name of the procedure file in a workspace (SPEC §1). */
export const TENDER_FILE = 'tender.yaml';

/**
 * A configuration file's bytes, not yet parsed, with their sha256: what the store keys the
 * file's last validation by, so that a file seen before is not parsed and validated again.
 */
export interface ConfigSource {
  /** The file relative to the workspace, with forward slashes, as reported in issues. */
  file: string;
  bytes: Buffer;
  /** sha256 of the bytes (hex). */
  hash: string;
}

/** `file` relative to the workspace, with forward slashes, as reported in issues. */
export function relativeToWorkspace(workspace: string, file: string): string {
  return path.relative(workspace, file).split(path.sep).join('/');
}

/**
 * Reads a configuration file (tender.yaml, criteria.yaml) without parsing it.
 * @throws InputError when it is missing or not a regular file.
 */
export function readConfigSource(workspace: string, absolutePath: string): ConfigSource {
  const file = relativeToWorkspace(workspace, absolutePath);
  const fail = (message: string): never => {
    throw new InputError(`cannot read ${file}`, [{ file, path: '', message }]);
  };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolutePath);
  } catch {
    return fail(`file not found (looked for ${absolutePath}; is --workspace right?)`);
  }
  if (!stat.isFile()) fail('not a regular file');
  const bytes = fs.readFileSync(absolutePath);
  return { file, bytes, hash: createHash('sha256').update(bytes).digest('hex') };
}
