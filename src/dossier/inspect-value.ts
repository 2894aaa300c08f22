/**
 * A guard over parsed documents, run before validation: dossiers are hostile input.
 * YAML aliases share objects, so a small file can describe billions of nodes (and even
 * cycles); walking with a budget, counting shared nodes each time they are reached,
 * bounds every later pass. Text is budgeted the same way: a 142 KB file aliasing one
 * 100,000-character name 6,000 times passed the node budget, and storing the expanded
 * dossier overflowed V8's longest string and stopped the whole ingest. `__proto__` keys are
 * refused outright: parsers keep them as own properties, but any code that copies them with
 * `obj[key] = value` would swap the copy's prototype.
 */

export interface StructureProblem {
  /** Field path segments to where the problem was found. */
  path: (string | number)[];
  message: string;
  /** Worth a positional re-parse (not for depth or size problems, where that re-parse is itself costly). */
  locatable: boolean;
}

export interface StructureLimits {
  maxDepth: number;
  maxNodes: number;
  /**
   * Characters of keys and strings, counted at each visit as nodes are. Without aliases a
   * document holds no more characters than its file has bytes, so only aliases reach it.
   */
  maxChars: number;
  /**
   * Delete mapping entries whose value is null, in place. Dossiers only: there `end:` left
   * empty means "no end date", as if the key were absent.
   */
  dropNullValues?: boolean;
}

const FORBIDDEN_KEYS = new Set(['__proto__']);

/** Every structural problem of `value` (at most one per kind for depth and size). */
export function inspectValue(value: unknown, limits: StructureLimits): StructureProblem[] {
  const problems: StructureProblem[] = [];
  let nodes = 0;
  let chars = 0;
  let stopped = false;
  const tooMuchText = (): boolean => {
    if (chars <= limits.maxChars) return false;
    problems.push({
      path: [],
      message: `aliases expand to too much text (more than ${limits.maxChars} characters)`,
      locatable: false,
    });
    stopped = true;
    return true;
  };
  // One path stack for the whole walk: copied only into a problem, never per node.
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (stopped) return;
    nodes += 1;
    if (nodes > limits.maxNodes) {
      problems.push({
        path: [],
        message: `aliases expand to too many nodes (more than ${limits.maxNodes})`,
        locatable: false,
      });
      stopped = true;
      return;
    }
    if (typeof node === 'string') {
      chars += node.length;
      tooMuchText();
      return;
    }
    if (typeof node !== 'object' || node === null || node instanceof Date) return;
    if (path.length >= limits.maxDepth) {
      problems.push({
        path: [...path],
        message: `nesting is deeper than ${limits.maxDepth} levels`,
        locatable: false,
      });
      stopped = true;
      return;
    }
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        visit(node[index]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(node)) {
      if (stopped) return;
      chars += key.length;
      if (tooMuchText()) return;
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: [...path, key], message: `key "${key}" is not allowed`, locatable: true });
        continue;
      }
      const child = (node as Record<string, unknown>)[key];
      if (child === null && limits.dropNullValues) {
        delete (node as Record<string, unknown>)[key];
        continue;
      }
      path.push(key);
      visit(child);
      path.pop();
    }
  };
  visit(value);
  return problems;
}
