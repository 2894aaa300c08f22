import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import type { InputIssue } from '../core/types.js';

type Yaml = typeof import('yaml');
const requireFromHere = createRequire(import.meta.url);
let yaml: Yaml | undefined;

/**
 * The `yaml` package, loaded the first time an issue is located: loading it costs some 25 ms in
 * every process and parse worker, and only a file with problems needs it. Its Node build is
 * CommonJS, so a plain require loads it.
 */
function loadYaml(): Yaml {
  yaml ??= requireFromHere('yaml') as Yaml;
  return yaml;
}

/**
 * Adds 1-based line and column to issues that have a field path. Only called when there
 * is something to report: the `yaml` package keeps source positions but is ~3× slower than
 * js-yaml, so the happy path never pays for it. JSON is valid YAML, so one code path serves
 * both. An issue points at its key (`end:`) when the path ends in a mapping key, at the item
 * for a list index, and at the deepest existing parent when the field is missing.
 */
export function locateIssues(text: string, issues: InputIssue[]): InputIssue[] {
  const pending = issues.filter((issue) => issue.line === undefined && issue.path !== '');
  if (pending.length === 0) return issues;
  const { LineCounter, parseDocument } = loadYaml();
  let document: Document;
  const lineCounter = new LineCounter();
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch {
    return issues;
  }
  return issues.map((issue) => {
    if (issue.line !== undefined || issue.path === '') return issue;
    const offset = findOffset(document, issue.path.split('.'));
    if (offset === undefined) return issue;
    const { line, col } = lineCounter.linePos(offset);
    return { ...issue, line, column: col };
  });
}

function findOffset(document: Document, segments: string[]): number | undefined {
  const { isAlias, isMap, isScalar, isSeq } = loadYaml();
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return offset;
      offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return offset;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
