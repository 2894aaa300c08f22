import type { z } from 'zod';
import type { InputIssue } from '../core/types.js';
import { describeZodIssue } from './describe-zod-issue.js';

/** Outcome of checking a parsed value against a schema: issues split by severity. */
export interface ValidationOutcome<T> {
  /** The validated value; undefined when any error (or, in strict mode, unknown key) was found. */
  data: T | undefined;
  errors: InputIssue[];
  /** Unknown keys, in dossiers (`unknownKeys: 'warning'`). */
  warnings: InputIssue[];
}

/** Runs `schema` once and turns every zod issue into an `InputIssue` (without line numbers yet). */
export function validateValue<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
  unknownKeys: 'error' | 'warning',
): ValidationOutcome<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, errors: [], warnings: [] };
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  for (const issue of result.error.issues) {
    const converted = { file, path: issue.path.map(String).join('.'), message: describeZodIssue(issue) };
    const isUnknownKey = issue.code === 'custom' && issue.params?.unknownKey === true;
    (isUnknownKey && unknownKeys === 'warning' ? warnings : errors).push(converted);
  }
  return { data: undefined, errors, warnings };
}

/** Issues in file order (by line, then column; unplaced last), for readable reports. */
export function sortIssues(issues: InputIssue[]): InputIssue[] {
  const key = (issue: InputIssue) => [issue.line ?? Number.MAX_SAFE_INTEGER, issue.column ?? 0];
  return [...issues].sort((a, b) => {
    const [lineA = 0, columnA = 0] = key(a);
    const [lineB = 0, columnB = 0] = key(b);
    return lineA - lineB || columnA - columnB;
  });
}
