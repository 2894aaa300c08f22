import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { locateIssues } from './locate-issues.js';
import { parseDocument } from './parse-document.js';
import { sortIssues, validateValue } from './validate-value.js';

/** A configuration file read and validated, with the sha256 of its raw bytes. */
export interface ConfigFile<T> {
  value: T;
  hash: string;
  text: string;
}

/** `file` relative to the workspace, with forward slashes, as reported in issues. */
export function relativeToWorkspace(workspace: string, file: string): string {
  return path.relative(workspace, file).split(path.sep).join('/');
}

/**
 * Reads a configuration file (tender.yaml, criteria.yaml) and validates it against `schema`.
 * Configuration must be exact, so unknown keys are errors. Throws `InputError` listing
 * every problem, each with its line where the file has one.
 */
export function readConfigFile<T>(
  workspace: string,
  absolutePath: string,
  schema: z.ZodType<T>,
): ConfigFile<T> {
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
  const parsed = parseDocument(bytes, file);
  if (parsed.value === null) throw problemsError(file, parsed.issues);
  const text = parsed.text ?? '';
  const checked = validateValue(schema, parsed.value, file, 'error');
  if (checked.data === undefined) throw problemsError(file, sortIssues(locateIssues(text, checked.errors)));
  return { value: checked.data, hash: createHash('sha256').update(bytes).digest('hex'), text };
}

function problemsError(file: string, issues: InputError['issues']): InputError {
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  return new InputError(`${file} has ${count}`, issues);
}
