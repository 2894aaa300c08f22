#!/usr/bin/env node
/**
 * A LOWER BOUND for `run` with nothing changed: the file-system calls no such run can skip on
 * this machine. An edit in place changes a file, not its folder (README, *Change detection*), so
 * a run that may say "nothing changed" without reading anything must at least list `dossiers/`
 * (a new candidate) and `lstat` every candidate folder and every file in it. Reading and hashing
 * every file instead, as the issue suggests, costs more than that, so the bound holds for it too.
 *
 *   node scripts/bench/stat-bound.js WORKSPACE
 *
 * Prints one JSON line: { ms, paths, listed, bytes }. The folder names are read before the clock
 * starts (a real run knows them from its store), so `ms` covers the listing of `dossiers/` and the
 * `lstat` calls only; the parent adds Node's start-up (`node -e 0`), which any run pays too. The
 * run's other work (its store, the export files it must find intact) is left out: the bound is
 * generous.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

function main() {
  const workspace = process.argv[2];
  if (!workspace) {
    process.stderr.write('usage: node scripts/bench/stat-bound.js WORKSPACE\n');
    return 2;
  }
  const root = path.join(workspace, 'dossiers');
  /** Every candidate folder and file, as a run that recorded them would check them. */
  const paths = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    paths.push(full);
    if (entry.isDirectory()) for (const name of fs.readdirSync(full)) paths.push(path.join(full, name));
  }
  const started = performance.now();
  const listed = fs.readdirSync(root).length;
  let bytes = 0;
  for (const full of paths) bytes += fs.lstatSync(full).size;
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ ms, paths: paths.length, listed, bytes })}\n`);
  return 0;
}

process.exitCode = main();
