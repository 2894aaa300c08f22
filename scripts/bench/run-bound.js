#!/usr/bin/env node
/**
 * A LOWER BOUND for a full `run`: one part of the reading and writing that no full run can skip,
 * measured on the outputs the run just wrote. The bench adds the parts to the floor's own parse
 * (reading and parsing every dossier), shares them out as if the machine's cores split them
 * perfectly, and adds Node's start-up (`node -e 0`):
 *
 *   hash      read and SHA-256 every other file of every candidate folder (the attachments):
 *             unchanged dossiers are recognised by content hash (issue 6), and the Run sheet
 *             lists the input hashes (SPEC §6)
 *   json      serialise the run's JSON export (`out/shortlist.json`, parsed before the clock) as
 *             it is written, two-space indented, encode it as UTF-8 and write it
 *   letters   write the run's letters (`out/letters/*`, read before the clock)
 *   workbook  deflate the workbook's sheets (their XML inflated before the clock) at the level
 *             the writer uses (3)
 *
 *   node scripts/bench/run-bound.js WORKSPACE PART
 *
 * Prints one JSON line: { part, ms, items, bytes }. `items` counts what was done (files hashed,
 * candidates serialised, letters written, sheets deflated): an output the run did not write
 * counts 0 and takes 0 ms. Everything else a run does is left out: validating, evaluating,
 * storing, ranking, building the workbook's XML and the report, the OCDS release. The bound is
 * generous. The JSON export is parsed whole, so this is meant for up to 10,000 dossiers.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';

/** The dossier files the floor reads and parses (SPEC §4); every other file is an attachment. */
const DOSSIER_FILES = new Set(['dossier.yaml', 'dossier.yml', 'dossier.json']);
/** The writer's zlib level (src/export/xlsx-writer.ts). */
const WORKBOOK_LEVEL = 3;

/** @typedef {{ ms: number, items: number, bytes: number }} Measured */

/** @type {Record<string, (workspace: string) => Measured>} */
const PARTS = {
  hash: hashAttachments,
  json: writeJsonExport,
  letters: writeLetters,
  workbook: deflateWorkbook,
};

function main() {
  const [workspace, part] = process.argv.slice(2);
  const measure = part === undefined ? undefined : PARTS[part];
  if (!workspace || !measure) {
    process.stderr.write(
      `usage: node scripts/bench/run-bound.js WORKSPACE ${Object.keys(PARTS).join('|')}\n`,
    );
    return 2;
  }
  process.stdout.write(`${JSON.stringify({ part, ...measure(workspace) })}\n`);
  return 0;
}

/**
 * @param {string} workspace
 * @returns {Measured}
 */
function hashAttachments(workspace) {
  const root = path.join(workspace, 'dossiers');
  // Listed before the clock, as the floor lists `dossiers/` inside its own.
  const folders = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => path.join(root, entry.name));
  return timed(() => {
    let items = 0;
    let bytes = 0;
    for (const folder of folders)
      for (const name of fs.readdirSync(folder)) {
        if (DOSSIER_FILES.has(name) || name.startsWith('.')) continue;
        const content = fs.readFileSync(path.join(folder, name));
        createHash('sha256').update(content).digest('hex');
        items += 1;
        bytes += content.length;
      }
    return { items, bytes };
  });
}

/**
 * @param {string} workspace
 * @returns {Measured}
 */
function writeJsonExport(workspace) {
  const file = path.join(workspace, 'out', 'shortlist.json');
  if (!fs.existsSync(file)) return { ms: 0, items: 0, bytes: 0 };
  const document = JSON.parse(fs.readFileSync(file, 'utf8'));
  return inScratch((scratch) =>
    timed(() => {
      const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`);
      fs.writeFileSync(path.join(scratch, 'shortlist.json'), bytes);
      return { items: document.candidates?.length ?? 0, bytes: bytes.length };
    }),
  );
}

/**
 * @param {string} workspace
 * @returns {Measured}
 */
function writeLetters(workspace) {
  const folder = path.join(workspace, 'out', 'letters');
  if (!fs.existsSync(folder)) return { ms: 0, items: 0, bytes: 0 };
  const letters = fs.readdirSync(folder).map((name) => ({
    name,
    content: fs.readFileSync(path.join(folder, name)),
  }));
  return inScratch((scratch) =>
    timed(() => {
      let bytes = 0;
      for (const letter of letters) {
        fs.writeFileSync(path.join(scratch, letter.name), letter.content);
        bytes += letter.content.length;
      }
      return { items: letters.length, bytes };
    }),
  );
}

/**
 * @param {string} workspace
 * @returns {Measured}
 */
function deflateWorkbook(workspace) {
  const out = path.join(workspace, 'out');
  const name = fs.existsSync(out) ? fs.readdirSync(out).find((entry) => entry.endsWith('.xlsx')) : undefined;
  if (name === undefined) return { ms: 0, items: 0, bytes: 0 };
  const sheets = [...zipEntries(fs.readFileSync(path.join(out, name)))]
    .filter(([entry]) => entry.startsWith('xl/worksheets/') && entry.endsWith('.xml'))
    .map(([, content]) => content);
  return timed(() => {
    let bytes = 0;
    for (const sheet of sheets) {
      zlib.deflateRawSync(sheet, { level: WORKBOOK_LEVEL });
      bytes += sheet.length;
    }
    return { items: sheets.length, bytes };
  });
}

/**
 * Every entry of a ZIP file, inflated: central directory, then each local header.
 * @param {Buffer} zip
 * @returns {Map<string, Buffer>}
 */
function zipEntries(zip) {
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error('the workbook has no end of central directory');
  const entries = new Map();
  let at = zip.readUInt32LE(end + 16);
  for (let index = zip.readUInt16LE(end + 10); index > 0; index -= 1) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(start, start + compressedSize);
    entries.set(name, method === 8 ? zlib.inflateRawSync(stored) : stored);
  }
  return entries;
}

/**
 * @param {() => { items: number, bytes: number }} work
 * @returns {Measured}
 */
function timed(work) {
  const started = performance.now();
  const done = work();
  return { ms: Math.round(performance.now() - started), ...done };
}

/**
 * Runs `work` with a new scratch folder, removed afterwards.
 * @template T
 * @param {(scratch: string) => T} work
 * @returns {T}
 */
function inScratch(work) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-run-bound-'));
  try {
    return work(scratch);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = main();
