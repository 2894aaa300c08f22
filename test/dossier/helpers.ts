import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll } from 'vitest';
import type { InputIssue, Tender } from '../../src/core/types.js';
import { readTender } from '../../src/dossier/read-tender.js';
import { InputError } from '../../src/errors.js';
import { TENDER_YAML } from './spec-examples.js';

const created: string[] = [];
// Registered while the importing test file is collected: its temporary workspaces go when it ends.
afterAll(() => {
  for (const directory of created.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

/** A temporary workspace holding `files` (path → content); directories are created as needed. */
export function makeWorkspace(files: Record<string, string | Buffer> = {}): string {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-'));
  created.push(workspace);
  for (const [relative, content] of Object.entries(files)) writeFile(workspace, relative, content);
  return workspace;
}

export function writeFile(workspace: string, relative: string, content: string | Buffer): void {
  const full = path.join(workspace, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
}

/** The SPEC §2 tender, validated. */
export function specTender(): Tender {
  return readTender(makeWorkspace({ 'tender.yaml': TENDER_YAML })).tender;
}

/** The issues of the InputError thrown by `action`; fails when nothing is thrown. */
export function issuesOf(action: () => unknown): InputIssue[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** Parses YAML, applies `change`, and dumps it back (for small variations of the SPEC examples). */
export function editYaml(text: string, change: (value: Record<string, unknown>) => void): string {
  const value = yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
  change(value);
  return yaml.dump(value, { schema: yaml.CORE_SCHEMA });
}

/** Line and 1-based column where `token` first appears on line `line` of `text` (to state positions readably). */
export function positionOfToken(text: string, line: number, token: string): { line: number; column: number } {
  const column = (text.split('\n')[line - 1] ?? '').indexOf(token);
  if (column < 0) throw new Error(`"${token}" is not on line ${line}`);
  return { line, column: column + 1 };
}
