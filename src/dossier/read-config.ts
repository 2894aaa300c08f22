import type { z } from 'zod';
import { InputError } from '../errors.js';
import { type ConfigSource, readConfigSource } from './config-source.js';
import { locateIssues } from './locate-issues.js';
import { parseDocument } from './parse-document.js';
import { sortIssues, validateValue } from './validate-value.js';

/** A configuration file read and validated, with the sha256 of its raw bytes. */
export interface ConfigFile<T> {
  value: T;
  hash: string;
  text: string;
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
  return checkConfigSource(readConfigSource(workspace, absolutePath), schema);
}

/** Parses and validates a configuration file already read (see readConfigFile). */
export function checkConfigSource<T>(source: ConfigSource, schema: z.ZodType<T>): ConfigFile<T> {
  const { file, bytes, hash } = source;
  const parsed = parseDocument(bytes, file);
  if (parsed.value === null) throw problemsError(file, parsed.issues);
  const text = parsed.text ?? '';
  const checked = validateValue(schema, parsed.value, file, 'error');
  if (checked.data === undefined) throw problemsError(file, sortIssues(locateIssues(text, checked.errors)));
  return { value: checked.data, hash, text };
}

function problemsError(file: string, issues: InputError['issues']): InputError {
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  return new InputError(`${file} has ${count}`, issues);
}
