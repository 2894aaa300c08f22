#!/usr/bin/env node
/**
 * Renders the outcomes recorded by the security tests (test/security) into the table of
 * docs/SECURITY.md, between its markers, so the table always shows a real run.
 *
 *   npx vitest run test/security && node scripts/security-table.js [--check] [OUTCOMES_DIR]
 *
 * OUTCOMES_DIR defaults to $PREQUAL_SECURITY_OUTCOMES, then <tmpdir>/prequal-security-outcomes.
 * With --check, nothing is written: exit 1 when the document is not up to date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = path.join(ROOT, 'docs', 'SECURITY.md');
const START = '<!-- security-table:start -->';
const END = '<!-- security-table:end -->';
/** Suites in the order of the document; a missing optional suite (no user namespaces) is left out. */
const SUITES = ['pipeline', 'crash', 'concurrency', 'exports', 'export-namespace', 'insider'];
const OPTIONAL = new Set(['export-namespace']);

/** @param {string} text */
const cell = (text) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * @param {string} dir
 * @returns {string}
 */
export function renderTable(dir) {
  const lines = ['| Case | Group | Hostile input | Observed outcome | Held |', '|---|---|---|---|---|'];
  for (const suite of SUITES) {
    const file = path.join(dir, `${suite}.json`);
    if (!fs.existsSync(file)) {
      if (OPTIONAL.has(suite)) continue;
      throw new Error(`${file} is missing: run \`npx vitest run test/security\` first`);
    }
    /** @type {{ id: string, group: string, input: string, outcome: string, ok: boolean }[]} */
    const rows = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const row of rows) {
      lines.push(
        `| \`${row.id}\` | ${cell(row.group)} | ${cell(row.input)} | ${cell(row.outcome)} | ${row.ok ? 'yes' : '**NO**'} |`,
      );
    }
  }
  return lines.join('\n');
}

/**
 * @param {string} doc
 * @param {string} table
 */
export function replaceTable(doc, table) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC} lacks the markers ${START} … ${END}`);
  return `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const dir =
    args.find((arg) => !arg.startsWith('--')) ??
    process.env.PREQUAL_SECURITY_OUTCOMES ??
    path.join(os.tmpdir(), 'prequal-security-outcomes');
  const doc = fs.readFileSync(DOC, 'utf8');
  const next = replaceTable(doc, renderTable(dir));
  if (check) {
    if (next !== doc) {
      process.stderr.write(
        `${path.relative(ROOT, DOC)} is out of date: run node scripts/security-table.js\n`,
      );
      process.exitCode = 1;
    }
  } else if (next !== doc) {
    fs.writeFileSync(DOC, next);
    process.stdout.write(`updated ${path.relative(ROOT, DOC)}\n`);
  } else {
    process.stdout.write(`${path.relative(ROOT, DOC)} already up to date\n`);
  }
}
