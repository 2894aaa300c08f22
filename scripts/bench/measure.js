/**
 * Runs one child process and measures its wall time (in the parent, from spawn to exit)
 * and its peak RSS (reported by the child itself through rss-probe.js).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROBE_URL = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-probe.js')).href;
/** Keep only the end of a child's output: enough to explain a failure. */
const TAIL_CHARS = 4000;

/**
 * @typedef {object} Measurement
 * @property {number} wallMs
 * @property {number | null} rssMb peak RSS in MiB, null when the child died before reporting it
 * @property {number | null} code exit code, null when killed by a signal
 * @property {string} stdoutTail
 * @property {string} stderrTail
 */

/**
 * Runs `node [--import probe] ...args` and measures it.
 * @param {string[]} args arguments after `node`
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<Measurement>}
 */
export async function measureNode(args, options = {}) {
  const rssFile = path.join(
    os.tmpdir(),
    `prequal-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`,
  );
  const env = { ...process.env, ...options.env, PREQUAL_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' };
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PROBE_URL, ...args], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdoutTail = '';
  let stderrTail = '';
  child.stdout.on('data', (chunk) => {
    stdoutTail = (stdoutTail + chunk).slice(-TAIL_CHARS);
  });
  child.stderr.on('data', (chunk) => {
    stderrTail = (stderrTail + chunk).slice(-TAIL_CHARS);
  });
  /** @type {number | null} */
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode));
  });
  const wallMs = Math.round(performance.now() - started);
  return { wallMs, rssMb: readRssMb(rssFile), code, stdoutTail, stderrTail };
}

/**
 * Reads and deletes the probe's file; kilobytes → MiB with one decimal.
 * @param {string} file
 * @returns {number | null}
 */
function readRssMb(file) {
  try {
    const kb = Number(fs.readFileSync(file, 'utf8'));
    fs.rmSync(file, { force: true });
    return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Median of the wall times of `runs` runs of the same command; a failed run is returned
 * as is, so a failure is never hidden behind a median.
 * @param {string[]} args
 * @param {number} runs
 * @param {{ cwd?: string }} [options]
 * @returns {Promise<Measurement>}
 */
export async function measureMedian(args, runs, options) {
  /** @type {Measurement[]} */
  const all = [];
  for (let i = 0; i < runs; i++) {
    const run = await measureNode(args, options);
    if (run.code !== 0) return run;
    all.push(run);
  }
  return medianBy(all, (run) => run.wallMs);
}

/**
 * The middle one of `items` by `key` (of an even count, the upper middle).
 * @template T
 * @param {T[]} items not empty
 * @param {(item: T) => number} key
 * @returns {T}
 */
export function medianBy(items, key) {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return /** @type {T} */ (sorted[Math.floor(sorted.length / 2)]);
}

/**
 * The lowest of `items` by `key`: what a lower bound takes, since the machine can only add to it.
 * @template T
 * @param {T[]} items not empty
 * @param {(item: T) => number} key
 * @returns {T}
 */
export function fastestBy(items, key) {
  return items.reduce((best, item) => (key(item) < key(best) ? item : best));
}
