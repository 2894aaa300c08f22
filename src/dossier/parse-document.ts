import yaml from 'js-yaml';
import type { InputIssue } from '../core/types.js';
import { inspectValue, type StructureLimits } from './inspect-value.js';
import { locateIssues } from './locate-issues.js';

/** Bounds applied to every input file (tender, criteria, dossiers). */
export interface ParseLimits extends StructureLimits {
  maxBytes: number;
}

const MAX_BYTES = 5 * 1024 * 1024;

/** Aliases may repeat text (an address block, a name) twice over the file's size, no more. */
export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: MAX_BYTES,
  maxDepth: 64,
  maxNodes: 100_000,
  maxChars: 2 * MAX_BYTES,
};

/** A file turned into a plain value, or the reasons it could not be. */
export interface ParsedDocument {
  /** Decoded text without its BOM; null when the bytes are not text. */
  text: string | null;
  /** The top-level mapping, when there are no issues. */
  value: Record<string, unknown> | null;
  /** Problems that stop validation: size, encoding, syntax, structure. */
  issues: InputIssue[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a YAML or JSON file (by extension) safely. YAML goes through js-yaml's CORE_SCHEMA
 * (fast; dates stay strings, integer keys become string keys); JSON through JSON.parse.
 */
export function parseDocument(
  input: string | Uint8Array,
  file: string,
  limits: ParseLimits = DEFAULT_LIMITS,
): ParsedDocument {
  const fail = (message: string, line?: number, column?: number): ParsedDocument => ({
    text: null,
    value: null,
    issues: [{ file, path: '', message, ...(line !== undefined ? { line, column } : {}) }],
  });
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > limits.maxBytes)
    return fail(`file is ${size} bytes, above the limit of ${limits.maxBytes} bytes`);
  let text: string;
  try {
    // The decoder strips a leading BOM (ignoreBOM is false).
    text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : utf8.decode(input);
  } catch {
    return fail('file is not valid UTF-8 text; save it with UTF-8 encoding');
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const at = positionOf(text, nul);
    return { ...fail('file contains a NUL character; it looks like binary data', at.line, at.column), text };
  }
  const parsed = /\.json$/i.test(file) ? parseJson(text, file) : parseYaml(text, file, limits.maxDepth);
  if ('issue' in parsed) return { text, value: null, issues: [parsed.issue] };
  const problems = inspectValue(parsed.value, limits);
  if (problems.length > 0) {
    const issues = problems.map((problem) => ({
      file,
      path: problem.path.join('.'),
      message: problem.message,
    }));
    const locatable = problems.every((problem) => problem.locatable);
    return { text, value: null, issues: locatable ? locateIssues(text, issues) : issues };
  }
  const top = parsed.value;
  if (typeof top !== 'object' || top === null || Array.isArray(top)) {
    const message =
      top === undefined || top === null
        ? 'file is empty; expected a mapping of keys to values'
        : `the document must be a mapping of keys to values, not ${Array.isArray(top) ? 'a list' : 'a single value'}`;
    return { text, value: null, issues: [{ file, path: '', message }] };
  }
  return { text, value: top as Record<string, unknown>, issues: [] };
}

type ParseOutcome = { value: unknown } | { issue: InputIssue };

function parseYaml(text: string, file: string, maxDepth: number): ParseOutcome {
  try {
    // maxDepth exists in js-yaml 4.1+ but not in its type definitions.
    const options: yaml.LoadOptions & { maxDepth: number } = {
      schema: yaml.CORE_SCHEMA,
      filename: file,
      maxDepth,
    };
    return { value: yaml.load(text, options) };
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const reason = error.reason.startsWith('nesting exceeded maxDepth')
        ? `nesting is deeper than ${maxDepth} levels`
        : `YAML syntax error: ${error.reason}`;
      return {
        issue: { file, path: '', message: reason, line: error.mark.line + 1, column: error.mark.column + 1 },
      };
    }
    if (error instanceof RangeError) return { issue: { file, path: '', message: 'nesting is too deep' } };
    throw error;
  }
}

function parseJson(text: string, file: string): ParseOutcome {
  try {
    const value: unknown = JSON.parse(text);
    // JSON.parse keeps the last of two equal keys; a YAML dossier with them is refused, and a
    // committee must not pick one of two submission times silently.
    const duplicate = duplicateJsonKey(text);
    if (duplicate === null) return { value };
    return {
      issue: {
        file,
        path: '',
        message: `JSON error: duplicated key ${JSON.stringify(duplicate.key)}`,
        ...positionOf(text, duplicate.offset),
      },
    };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = /at position (\d+)/.exec(error.message);
    const reason = error.message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    const issue: InputIssue = { file, path: '', message: `JSON syntax error: ${reason}` };
    return { issue: offset ? { ...issue, ...positionOf(text, Number(offset[1])) } : issue };
  }
}

/**
 * The first key that appears twice in one object of `text`, valid JSON, with its offset; null when
 * there is none. A string is a key when it opens an object's entry: right after `{` or after a
 * `,` within an object.
 */
export function duplicateJsonKey(text: string): { key: string; offset: number } | null {
  // One frame per open object (its keys so far) or array (null).
  const frames: (Set<string> | null)[] = [];
  let atKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      const start = index;
      for (index += 1; text[index] !== '"'; index += 1) if (text[index] === '\\') index += 1;
      const keys = frames[frames.length - 1];
      if (!atKey || !keys) continue;
      atKey = false;
      const key = JSON.parse(text.slice(start, index + 1)) as string;
      if (keys.has(key)) return { key, offset: start };
      keys.add(key);
    } else if (char === '{') {
      frames.push(new Set());
      atKey = true;
    } else if (char === '[') {
      frames.push(null);
      atKey = false;
    } else if (char === '}' || char === ']') {
      frames.pop();
      atKey = false;
    } else if (char === ',') {
      atKey = frames.at(-1) instanceof Set;
    }
  }
  return null;
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
