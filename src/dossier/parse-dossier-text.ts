import type { Dossier, InputIssue, Tender } from '../core/types.js';
import { checkCurrencies } from './check-currencies.js';
import { locateIssues } from './locate-issues.js';
import { DEFAULT_LIMITS, type ParseLimits, parseDocument } from './parse-document.js';
import { dossierSchema, lenientDossierSchema } from './schema-dossier.js';
import { sortIssues, validateValue } from './validate-value.js';

/** A dossier file checked on its own (no file system): its data, or every reason it is invalid. */
export interface DossierParse {
  dossier: Dossier | null;
  errors: InputIssue[];
  /** Unknown keys (kept in `dossier`). */
  warnings: InputIssue[];
  /**
   * For an invalid dossier whose file still parses, the candidate's name when `candidate.name`
   * is a non-blank text: the committee's outputs address the candidate by it, not by its folder.
   */
  candidateName?: string;
}

/** `DossierParse` plus the decoded text, so later issues (attachments) can be given lines too. */
export interface DossierSource extends DossierParse {
  text: string | null;
}

/**
 * Parses and validates one dossier file's content. Never throws for bad input: any problem
 * becomes an error `InputIssue` (with line and column where the file has them).
 */
export function parseDossierText(
  input: string | Uint8Array,
  file: string,
  tender: Tender,
  limits: Partial<ParseLimits> = {},
): DossierParse {
  const { text: _text, ...parse } = parseDossierSource(input, file, tender, limits);
  return parse;
}

/** As `parseDossierText`, also returning the decoded text. */
export function parseDossierSource(
  input: string | Uint8Array,
  file: string,
  tender: Tender,
  limits: Partial<ParseLimits> = {},
): DossierSource {
  const parsed = parseDocument(input, file, { ...DEFAULT_LIMITS, ...limits, dropNullValues: true });
  if (parsed.value === null) return { dossier: null, errors: parsed.issues, warnings: [], text: parsed.text };
  const text = parsed.text ?? '';
  const checked = validateValue(dossierSchema, parsed.value, file, 'warning');
  let dossier: Dossier | undefined = checked.data;
  if (dossier === undefined && checked.errors.length === 0) {
    dossier = validateValue(lenientDossierSchema, parsed.value, file, 'warning').data;
  }
  const errors = [...checked.errors];
  if (dossier) {
    for (const problem of checkCurrencies(dossier, tender)) {
      errors.push({ file, path: problem.path.join('.'), message: problem.message });
    }
  }
  if (!dossier && errors.length === 0)
    errors.push({ file, path: '', message: 'dossier could not be validated' });
  // One positional re-parse for errors and warnings together.
  const located = locateIssues(text, [...errors, ...checked.warnings]);
  const valid = errors.length === 0;
  const candidateName = valid ? undefined : readableName(parsed.value);
  return {
    dossier: valid ? (dossier ?? null) : null,
    errors: sortIssues(located.slice(0, errors.length)),
    warnings: sortIssues(located.slice(errors.length)),
    ...(candidateName === undefined ? {} : { candidateName }),
    text,
  };
}

/**
 * `candidate.name` of a dossier that failed validation, when it is a text with something besides
 * blanks in it (what the schema's `text` takes, less a name of spaces only). It is shown as
 * written, made safe by each export like any other name a candidate wrote.
 */
function readableName(value: Record<string, unknown>): string | undefined {
  const candidate = value.candidate;
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return undefined;
  return usableName((candidate as Record<string, unknown>).name);
}

/** `name` when it is a text with something besides blanks in it. */
export function usableName(name: unknown): string | undefined {
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}
