#!/usr/bin/env node
/**
 * Writes a synthetic prequalification workspace (SPEC §2–§4) for benchmarks.
 *
 *   node scripts/bench/generate.js DIR N [SEED]
 *
 * The output is a pure function of (N, SEED): same arguments, same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawCandidate } from './dossier.js';
import { Draw, deriveSeed } from './prng.js';
import { renderCriteriaYaml, renderTenderYaml } from './workspace-config.js';

/** @typedef {import('./dossier.js').InvalidKind} InvalidKind */
/**
 * @typedef {object} GenerateSummary
 * @property {number} n
 * @property {number} seed
 * @property {number} dossierBytes total size of the dossier.yaml files
 * @property {{ id: string, kind: InvalidKind }[]} invalid the dossiers made unreadable on purpose
 */

export const DEFAULT_SEED = 20251128;
/** @type {InvalidKind[]} */
const INVALID_KINDS = ['syntax', 'date_without_offset', 'unknown_currency'];

/**
 * How many dossiers are made invalid: about 0.5%, and at least one of each kind when n allows.
 * @param {number} n
 * @returns {number}
 */
export function countInvalid(n) {
  return Math.max(Math.min(INVALID_KINDS.length, n), Math.round(n * 0.005));
}

/**
 * Generates a workspace in `dir` (created if needed; it must not already hold dossiers).
 * @param {string} dir
 * @param {{ n: number, seed?: number }} options
 * @returns {GenerateSummary}
 */
export function generateWorkspace(dir, { n, seed = DEFAULT_SEED }) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive integer, got ${n}`);
  const dossiersDir = path.join(dir, 'dossiers');
  if (fs.existsSync(dossiersDir))
    throw new Error(`${dossiersDir} already exists; generate into a fresh directory`);
  fs.mkdirSync(dossiersDir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'tender.yaml'), renderTenderYaml(n));
  fs.writeFileSync(path.join(dir, 'criteria.yaml'), renderCriteriaYaml());

  const invalidAt = pickInvalidPositions(n, seed);
  const width = String(n).length;
  /** @type {GenerateSummary['invalid']} */
  const invalid = [];
  let dossierBytes = 0;
  for (let i = 0; i < n; i++) {
    const kind = invalidAt.get(i) ?? null;
    const candidateSeed = deriveSeed(seed, i);
    const { yaml, attachments, name } = drawCandidate(candidateSeed, kind);
    const id = `c${String(i + 1).padStart(width, '0')}-${slugify(name)}`;
    const folder = path.join(dossiersDir, id);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'dossier.yaml'), yaml);
    for (const file of attachments) fs.writeFileSync(path.join(folder, file.name), file.content);
    dossierBytes += Buffer.byteLength(yaml);
    if (kind) invalid.push({ id, kind });
  }
  return { n, seed, dossierBytes, invalid };
}

/**
 * Seeded positions of the invalid dossiers, kinds in rotation.
 * @param {number} n
 * @param {number} seed
 * @returns {Map<number, InvalidKind>}
 */
function pickInvalidPositions(n, seed) {
  const draw = new Draw(deriveSeed(seed, -1));
  const positions = new Set();
  const wanted = countInvalid(n);
  while (positions.size < wanted) positions.add(draw.int(0, n - 1));
  /** @type {Map<number, InvalidKind>} */
  const kinds = new Map();
  [...positions].forEach((position, i) => {
    kinds.set(position, /** @type {InvalidKind} */ (INVALID_KINDS[i % INVALID_KINDS.length]));
  });
  return kinds;
}

/**
 * First words of a name, ASCII, for readable folder names.
 * @param {string} name
 */
function slugify(name) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .slice(0, 2)
    .join('-');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, nText, seedText] = process.argv.slice(2);
  if (!dir || !nText) {
    process.stderr.write('usage: node scripts/bench/generate.js DIR N [SEED]\n');
    process.exitCode = 2;
  } else {
    const summary = generateWorkspace(dir, {
      n: Number(nText),
      seed: seedText ? Number(seedText) : DEFAULT_SEED,
    });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  }
}
