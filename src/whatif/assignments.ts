import type { CriteriaSet } from '../core/types.js';
import { formatSuggestion } from '../dossier/did-you-mean.js';
import { EXIT, UserError } from '../errors.js';
import {
  CRITERION_PARAMETERS,
  type ParameterKind,
  RULE_PARAMETERS,
  SETTING_PARAMETERS,
} from './parameters.js';

/** One `--set KEY=VALUE`, checked against the criteria it changes. */
export interface Assignment {
  /** As typed, for messages. */
  text: string;
  /** Normalised key: `SEL-1.average_at_least`, `shortlist_threshold`, `shortlist.max`. */
  key: string;
  /** The criterion it changes, or null for a setting (threshold, shortlist size). */
  criterion: string | null;
  /** Inside the criterion (`['rule', 'filter', 'min_value']`, `['max']`), or the setting's path. */
  path: string[];
  value: number | string | boolean;
}

const USAGE = 'expected CRITERION.param=value, threshold=N, shortlist.max=N or shortlist.min=N';
// Plain decimal notation only: Number() would also accept '', '0x10' and 'Infinity'.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const usageError = (text: string, message: string) =>
  new UserError(`--set "${text}": ${message}`, EXIT.usage);

function readValue(text: string, key: string, raw: string, kind: ParameterKind): number | string | boolean {
  if (kind.kind === 'number') {
    if (!DECIMAL.test(raw)) throw usageError(text, `${key} needs a number, got "${raw}"`);
    return Number(raw);
  }
  if (kind.kind === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw usageError(text, `${key} needs true or false, got "${raw}"`);
    return raw === 'true';
  }
  if (!kind.values.includes(raw)) {
    throw usageError(
      text,
      `${key} must be one of ${kind.values.join(', ')}, got "${raw}"${formatSuggestion(raw, kind.values)}`,
    );
  }
  return raw;
}

function parseSetting(text: string, key: string, raw: string): Assignment {
  const kind = SETTING_PARAMETERS[key] ?? { kind: 'number' };
  const value = readValue(text, key, raw, kind);
  if (key === 'threshold' || key === 'shortlist_threshold') {
    return { text, key: 'shortlist_threshold', criterion: null, path: ['shortlist_threshold'], value };
  }
  return { text, key, criterion: null, path: key.split('.'), value };
}

function parseCriterionParameter(text: string, key: string, raw: string, criteria: CriteriaSet): Assignment {
  const dot = key.indexOf('.');
  if (dot <= 0 || dot === key.length - 1) throw usageError(text, USAGE);
  const id = key.slice(0, dot);
  const parameter = key.slice(dot + 1);
  const criterion = criteria.criteria.find((c) => c.id === id);
  const ids = criteria.criteria.map((c) => c.id);
  if (!criterion)
    throw usageError(text, `unknown criterion "${id}"${formatSuggestion(id, ids)}; known: ${ids.join(', ')}`);
  const ruleParameters = RULE_PARAMETERS[criterion.rule.type];
  const allowed = { ...ruleParameters, ...(criterion.kind === 'score' ? CRITERION_PARAMETERS : {}) };
  const kind = allowed[parameter];
  if (!kind) {
    const names = Object.keys(allowed);
    const known =
      names.length === 0 ? 'it has no parameter a what-if can change' : `known: ${names.join(', ')}`;
    throw usageError(
      text,
      `"${parameter}" is not a parameter of ${id} (${criterion.kind}, rule ${criterion.rule.type})${formatSuggestion(parameter, names)}; ${known}`,
    );
  }
  const value = readValue(text, key, raw, kind);
  const path = parameter === 'max' ? ['max'] : ['rule', ...parameter.split('.')];
  return { text, key, criterion: id, path, value };
}

/** Reads one `KEY=VALUE`; throws a usage error (exit 2) naming what is wrong. */
export function parseAssignment(text: string, criteria: CriteriaSet): Assignment {
  const equals = text.indexOf('=');
  const key = equals < 0 ? '' : text.slice(0, equals).trim();
  const raw = equals < 0 ? '' : text.slice(equals + 1).trim();
  if (key === '' || raw === '') throw usageError(text, USAGE);
  if (key in SETTING_PARAMETERS) return parseSetting(text, key, raw);
  return parseCriterionParameter(text, key, raw, criteria);
}

/** Reads every `--set`; the same key set twice is refused rather than silently resolved. */
export function parseAssignments(texts: readonly string[], criteria: CriteriaSet): Assignment[] {
  if (texts.length === 0) throw new UserError(`whatif needs at least one --set (${USAGE})`, EXIT.usage);
  const seen = new Map<string, string>();
  return texts.map((text) => {
    const assignment = parseAssignment(text, criteria);
    const earlier = seen.get(assignment.key);
    if (earlier !== undefined) throw usageError(text, `${assignment.key} is already set by "${earlier}"`);
    seen.set(assignment.key, text);
    return assignment;
  });
}
