#!/usr/bin/env node
/**
 * A stand-in for `bin/prequal.js`, used only by `npm run bench -- --dry-cli` to exercise the
 * harness (spawning, RSS probe, tables, results file) before the real CLI exists. It checks
 * that it was called with a command the harness is meant to call and a real workspace,
 * and does no evaluation at all: timings taken with it are meaningless.
 */
import fs from 'node:fs';
import path from 'node:path';

const KNOWN = new Set(['run', 'ingest', 'criteria import', 'score', 'export']);
const args = process.argv.slice(2);
const command = args[0] === 'criteria' ? `criteria ${args[1]}` : (args[0] ?? '');
const at = args.indexOf('--workspace');
const workspace = at >= 0 ? args[at + 1] : undefined;

if (args[0] === '--help') {
  process.stdout.write('dry-cli: stand-in for prequal (benchmark harness self-test)\n');
} else if (!KNOWN.has(command)) {
  process.stderr.write(`dry-cli: unexpected command "${args.join(' ')}"\n`);
  process.exitCode = 2;
} else if (!workspace || !fs.existsSync(path.join(workspace, 'tender.yaml'))) {
  process.stderr.write(`dry-cli: ${command} needs --workspace with a tender.yaml\n`);
  process.exitCode = 1;
}
