#!/usr/bin/env node
/**
 * The FLOOR of the benchmark: the least work any tool must do on a workspace, i.e. read
 * every dossier file and parse it, single-threaded, with the fastest YAML parser available.
 * Run as a child process so it pays the same Node start-up as the CLI.
 *
 *   node scripts/bench/floor.js WORKSPACE [--parser js-yaml|yaml]
 *
 * Prints one JSON line: { parser, ms, files, bytes, failed }. `ms` covers listing, reading and
 * parsing, not Node start-up or module loading (the parent measures wall time for that).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const DOSSIER_FILES = ['dossier.yaml', 'dossier.yml', 'dossier.json'];

/**
 * Every dossier file of a workspace: `dossiers/ID/dossier.{yaml,yml,json}` or a bare
 * `dossiers/ID.{yaml,yml,json}`; dot-files are ignored (SPEC §4).
 * @param {string} workspace
 * @returns {string[]}
 */
function listDossierFiles(workspace) {
  const root = path.join(workspace, 'dossiers');
  /** @type {string[]} */
  const files = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile() && /\.(ya?ml|json)$/.test(entry.name)) files.push(path.join(root, entry.name));
    if (!entry.isDirectory()) continue;
    const found = DOSSIER_FILES.find((name) => fs.existsSync(path.join(root, entry.name, name)));
    if (found) files.push(path.join(root, entry.name, found));
  }
  return files;
}

/**
 * A text → value parser for one YAML library, imported here so its load time is not timed.
 * @param {'js-yaml' | 'yaml'} parser
 * @returns {Promise<(text: string) => unknown>}
 */
async function loadParser(parser) {
  if (parser === 'yaml') {
    const YAML = await import('yaml');
    return (text) => YAML.parse(text);
  }
  const jsYaml = (await import('js-yaml')).default;
  return (text) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { parser: { type: 'string', default: 'js-yaml' } },
  });
  const workspace = positionals[0];
  const parser = values.parser === 'yaml' ? 'yaml' : 'js-yaml';
  if (!workspace || (values.parser !== 'yaml' && values.parser !== 'js-yaml')) {
    process.stderr.write('usage: node scripts/bench/floor.js WORKSPACE [--parser js-yaml|yaml]\n');
    return 2;
  }
  const parse = await loadParser(parser);
  const started = performance.now();
  const files = listDossierFiles(workspace);
  let bytes = 0;
  let failed = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    bytes += text.length;
    try {
      parse(text);
    } catch {
      // Unreadable dossiers are part of the workload: a tool must try them too.
      failed++;
    }
  }
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ parser, ms, files: files.length, bytes, failed })}\n`);
  return 0;
}

process.exitCode = await main();
