/**
 * A seeded synthetic workspace for the crash and concurrency tests: mostly bare dossier files
 * (cheap to create, so the suite stays within its time budget) and one in ten a folder with
 * attachments. The criteria are the security grid without the documents gate, so bare
 * dossiers compete too and the ranking is not trivial.
 */
import fs from 'node:fs';
import path from 'node:path';
import { baseDossier, CRITERIA_YAML, DOCUMENTS, TENDER_YAML, toYaml } from './harness.js';

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const COUNTRIES = ['SN', 'ML', 'CI', 'FR', 'DE', 'BE', 'US'];
const TAGS = ['human_rights', 'training', 'justice', 'police'];

/** The id of synthetic candidate `index`. */
export const syntheticId = (index: number): string => `s${String(index).padStart(4, '0')}`;

/** One candidate's dossier, a pure function of `seed`; about one in 200 is invalid (share above 1). */
export function drawDossier(seed: number): string {
  const random = seededRandom(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: T[]): T => items[int(0, items.length - 1)] as T;
  const value = baseDossier(`Candidate ${seed}`);
  value.candidate.country = pick(COUNTRIES);
  if (random() < 0.03) value.submitted_at = '2025-11-28T16:30:00Z';
  value.financials.turnover = {
    2022: int(1, 9) * 100_000,
    2023: int(1, 9) * 100_000,
    2024: int(1, 9) * 100_000,
  };
  value.staff = { total: 20, relevant: int(2, 12) };
  value.references = Array.from({ length: int(1, 5) }, (_, i) => ({
    title: `Project ${i}`,
    countries: [pick(COUNTRIES)],
    start: '2017-01-01',
    end: `${int(2018, 2025)}-06-30`,
    value: int(1, 12) * 50_000,
    currency: 'EUR',
    share: random() < 0.005 ? 1.5 : 1,
    tags: TAGS.filter(() => random() < 0.6),
  }));
  value.experts = Array.from({ length: int(0, 4) }, (_, i) => ({
    name: `Expert ${i}`,
    years: int(3, 20),
    domains: [pick(TAGS)],
  }));
  return toYaml(value);
}

/** Writes candidate `index` (drawn from `seed`) into `dossiers/`, replacing what was there. */
export function writeCandidate(dir: string, index: number, seed: number): void {
  const id = syntheticId(index);
  const dossiers = path.join(dir, 'dossiers');
  if (index % 10 === 0) {
    const folder = path.join(dossiers, id);
    fs.mkdirSync(folder, { recursive: true });
    for (const file of Object.values(DOCUMENTS))
      fs.writeFileSync(path.join(folder, file), `%PDF ${id} ${file}\n`);
    fs.writeFileSync(
      path.join(folder, 'dossier.yaml'),
      `${drawDossier(seed)}documents: ${JSON.stringify(DOCUMENTS)}\n`,
    );
  } else {
    fs.writeFileSync(path.join(dossiers, `${id}.yaml`), drawDossier(seed));
  }
}

/** Criteria of the security grid without ADM-2 (documents), so that bare files can qualify. */
export const SYNTHETIC_CRITERIA = CRITERIA_YAML.replace(/ {2}- id: ADM-2\n(?: {4}.*\n)+/, '');

/** Writes a workspace of `n` candidates into `dir` (created). */
export function writeSyntheticWorkspace(dir: string, n: number, seed: number): void {
  fs.mkdirSync(path.join(dir, 'dossiers'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tender.yaml'), TENDER_YAML.replace('max: 40', 'max: 8'));
  fs.writeFileSync(path.join(dir, 'criteria.yaml'), SYNTHETIC_CRITERIA);
  for (let index = 1; index <= n; index += 1) writeCandidate(dir, index, seed * 100_000 + index);
}
