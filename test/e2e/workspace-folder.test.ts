/**
 * A --workspace that is not a folder is a usage error (exit 2) in one line; a folder that lacks
 * tender.yaml stays a failure (exit 1), and `init` still creates the folder it is given.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Test Runner'];

describe('--workspace that is not a folder', () => {
  const parent = () => fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-ws-'));

  it.each([['rank'], ['criteria', 'list'], ['audit', 'verify'], ['ingest']])(
    '%s on a missing folder exits 2 naming it',
    (...command) => {
      const missing = path.join(parent(), 'nonexist');
      const result = prequal([...command, '--workspace', missing, ...NOW]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: --workspace ${missing}: no such folder\n`);
      expect(fs.existsSync(missing)).toBe(false);
    },
  );

  it('exits 2 for a file given as the workspace, and for a path through a file', () => {
    const file = path.join(parent(), 'tender.yaml');
    fs.writeFileSync(file, 'reference: X\n');
    const asFile = prequal(['rank', '--workspace', file]);
    expect(asFile.code).toBe(2);
    expect(asFile.stderr).toBe(`error: --workspace ${file}: not a folder\n`);
    const through = prequal(['rank', '--workspace', path.join(file, 'ws')]);
    expect(through.code).toBe(2);
    expect(through.stderr).toContain('no such folder');
  });

  it('keeps exit 1 for an existing folder without tender.yaml', () => {
    const empty = parent();
    const result = prequal(['rank', '--workspace', empty]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot read tender.yaml');
  });

  it('lets template refuse a missing workspace too, and init create one', () => {
    const base = parent();
    const template = prequal(['template', 'application-form', '--workspace', path.join(base, 'nonexist')], {
      cwd: base,
    });
    expect(template.code).toBe(2);
    expect(fs.readdirSync(base)).toEqual([]);
    const created = path.join(base, 'new-tender');
    const init = prequal([
      'init',
      '--workspace',
      created,
      '--reference',
      'POC2-S31',
      '--title-fr',
      'Mission',
      '--title-en',
      'Mission',
      '--closes',
      '2025-11-28T16:00:00Z',
      ...NOW,
    ]);
    expect(init.code).toBe(0);
    expect(fs.existsSync(path.join(created, 'tender.yaml'))).toBe(true);
  });
});
