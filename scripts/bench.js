#!/usr/bin/env node
/**
 * Performance benchmark of the built CLI against a floor (read + parse every dossier).
 *
 *   npm run bench [-- --sizes 1000,10000] [--seed N] [--workdir DIR] [--keep]
 *                    [--write-doc [--doc FILE]] [--dry-cli]
 *
 * See docs/PERFORMANCE.md for the method. Exit 0 whatever the targets; 1 when a CLI step fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from './bench/generate.js';
import { judgeTargets, renderMarkdown, renderText } from './bench/report.js';
import { benchmarkSize, StepFailedError } from './bench/steps.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC_START = '<!-- bench:start -->';
const DOC_END = '<!-- bench:end -->';

function readOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      workdir: { type: 'string', default: path.join(ROOT, '.bench') },
      keep: { type: 'boolean', default: false },
      'write-doc': { type: 'boolean', default: false },
      doc: { type: 'string', default: path.join(ROOT, 'docs', 'PERFORMANCE.md') },
      'dry-cli': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replaceAll('_', '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes: positive integers, got "${values.sizes}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed: an integer, got "${values.seed}"`);
  return {
    sizes,
    seed,
    workdir: path.resolve(values.workdir),
    keep: values.keep,
    doc: values['write-doc'] ? path.resolve(values.doc) : null,
    dryCli: values['dry-cli'],
  };
}

/**
 * The built CLI, or the harness stand-in; fails clearly when nothing is built.
 * @param {boolean} dryCli
 * @returns {string}
 */
function resolveCli(dryCli) {
  if (dryCli) return path.join(ROOT, 'scripts', 'bench', 'dry-cli.js');
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) {
    throw new Error('dist/main.js is missing: build the CLI first (npm run build), or pass --dry-cli');
  }
  return path.join(ROOT, 'bin', 'prequal.js');
}

/**
 * Replaces the text between the bench markers of docs/PERFORMANCE.md (or `--doc FILE`).
 * @param {string} file
 * @param {string} markdown
 */
function writeDoc(file, markdown) {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(DOC_START);
  const end = text.indexOf(DOC_END);
  if (start < 0 || end < start) throw new Error(`${file} lacks the ${DOC_START} … ${DOC_END} markers`);
  fs.writeFileSync(file, `${text.slice(0, start + DOC_START.length)}\n${markdown}\n${text.slice(end)}`);
}

async function main() {
  const options = readOptions();
  const cli = resolveCli(options.dryCli);
  fs.mkdirSync(options.workdir, { recursive: true });
  if (options.dryCli)
    console.error('bench: --dry-cli: a stand-in replaces the CLI; CLI timings mean nothing');
  const cpu = os.cpus();
  const machine = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpus: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    dryCli: options.dryCli,
  };
  const sizes = [];
  let failure = null;
  for (const n of options.sizes) {
    try {
      const size = await benchmarkSize({
        ...options,
        n,
        cli,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      sizes.push(size);
      console.log(`\n${renderText(size)}`);
    } catch (error) {
      if (!(error instanceof StepFailedError)) throw error;
      failure = error.message;
      console.error(`\nbench: ${failure}\n(working copies left in ${options.workdir} for inspection)`);
      break;
    }
  }
  const results = {
    ...machine,
    sizes: sizes.map((size) => ({ ...size, targets: judgeTargets(size) })),
    failure,
  };
  const resultsFile = path.join(options.workdir, 'results.json');
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`\nresults written to ${resultsFile}`);
  if (options.doc && !failure) {
    writeDoc(options.doc, renderMarkdown(sizes, machine));
    console.error(`updated ${options.doc}`);
  }
  return failure ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
