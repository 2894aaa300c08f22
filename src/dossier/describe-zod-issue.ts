import type { z } from 'zod';
import { formatSuggestion } from './did-you-mean.js';
import { quote } from './schema-common.js';

type ZodIssue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
  date: 'a date',
};

/** How a value looks to the person who wrote it. */
export function describeInput(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN (not a number)';
    if (!Number.isFinite(value)) return 'an infinite number';
    return `the number ${value}`;
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/**
 * A plain-English message for one zod issue. Messages we wrote ourselves (custom checks,
 * regex formats) are kept; zod's generic ones are rewritten to name the value found.
 * Needs `reportInput: true` at parse time.
 */
export function describeZodIssue(issue: ZodIssue): string {
  const got = 'input' in issue ? `, got ${describeInput(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `required field "${String(issue.path.at(-1) ?? '')}" is missing`;
      if (issue.expected === 'int' || (issue.expected === 'number' && typeof issue.input === 'number')) {
        return `expected ${issue.expected === 'int' ? 'a whole number' : 'a finite number'}${got}`;
      }
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}${got}`;
    }
    case 'too_small':
      return describeBound(issue.origin, issue.minimum, issue.inclusive ?? true, 'small', got);
    case 'too_big':
      return describeBound(issue.origin, issue.maximum, issue.inclusive ?? true, 'big', got);
    case 'invalid_value': {
      const options = issue.values.map((value) => quote(value));
      const hint =
        typeof issue.input === 'string' ? formatSuggestion(issue.input, issue.values.map(String)) : '';
      return `expected one of ${options.join(', ')}${got}${hint}`;
    }
    case 'invalid_union': {
      if (issue.discriminator && 'options' in issue && issue.options) {
        const input = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        const options = issue.options.map(String);
        if (input === undefined)
          return `required field "${issue.discriminator}" is missing; one of ${options.join(', ')}`;
        const hint = typeof input === 'string' ? formatSuggestion(input, options) : '';
        return `unknown ${issue.discriminator} ${quote(input)}${hint}; expected one of ${options.join(', ')}`;
      }
      return issue.message;
    }
    case 'invalid_key':
      return `key ${quote(issue.input)}: ${issue.issues.map(describeZodIssue).join('; ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}${got}`;
    default:
      return issue.message;
  }
}

function describeBound(
  origin: string,
  limit: number | bigint,
  inclusive: boolean,
  side: 'small' | 'big',
  got: string,
): string {
  if (origin === 'string')
    return side === 'small' && limit === 1
      ? 'must not be empty'
      : `must have ${side === 'small' ? 'at least' : 'at most'} ${limit} characters`;
  if (origin === 'array') {
    if (side === 'small')
      return limit === 1 ? 'must list at least one item' : `must list at least ${limit} items`;
    return `must list at most ${limit} items`;
  }
  if (side === 'small') return `must be ${inclusive ? `${limit} or more` : `more than ${limit}`}${got}`;
  return `must be ${inclusive ? `${limit} or less` : `less than ${limit}`}${got}`;
}
