import type { InputIssue } from './core/types.js';

/** Exit codes of SPEC §7; only src/main.ts turns them into `process.exitCode`. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** Completed, but the shortlist is not final (tie at the cut, pending scores, or --strict with invalid dossiers). */
  notFinal: 3,
  interrupted: 130,
} as const;

/** The user asked for something that cannot be done as asked (bad flag value, unknown candidate…). */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}

/** A configuration file (tender.yaml, criteria.yaml, a scores sheet) has problems: all of them are listed. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly issues: InputIssue[],
  ) {
    super(message);
  }
}

/** A command finished its work but must end with a particular non-zero code. */
export class ExitError extends Error {
  override name = 'ExitError';
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

/** Formats an input issue as `file:line:column path: message`. */
export function formatIssue(issue: InputIssue): string {
  const where = [issue.file, issue.line, issue.line !== undefined ? issue.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`;
}
