#!/usr/bin/env node
// `npm start`: the whole evaluation of the bundled S29 workspace, exports into ./out.
// The fixture is copied to a temporary folder first so the repository is never written to.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const workspace = mkdtempSync(path.join(os.tmpdir(), 'prequal-s29-'));
cpSync(path.join(root, 'fixtures', 'poc2-s29'), workspace, { recursive: true });
const out = path.join(root, 'out');
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'bin', 'prequal.js'),
    'run',
    '--workspace',
    workspace,
    '--out',
    out,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
rmSync(workspace, { recursive: true, force: true });
process.exitCode = result.status ?? 1;
