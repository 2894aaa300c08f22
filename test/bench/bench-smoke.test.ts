import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const GENERATE = path.join(ROOT, 'scripts', 'bench', 'generate.js');
const BENCH = path.join(ROOT, 'scripts', 'bench.js');
const N = 50;
const SEED = 7;
const CURRENCIES = new Set(['EUR', 'XOF', 'USD']);
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Summary {
  n: number;
  seed: number;
  dossierBytes: number;
  invalid: { id: string; kind: 'syntax' | 'date_without_offset' | 'unknown_currency' }[];
}
type Doc = Record<string, unknown>;
type RunBoundPart = { part: string; ms: number; items: number; bytes: number };

function generate(dir: string, seed: number): Summary {
  const result = spawnSync(process.execPath, [GENERATE, dir, String(N), String(seed)], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Summary;
}

function readDoc(file: string): Doc {
  return yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA }) as Doc;
}

/** Every entity of a dossier: the lead's top-level fields and each member. */
function entitiesOf(dossier: Doc): Doc[] {
  return [dossier, ...((dossier.members as Doc[] | undefined) ?? [])];
}

function cliSupportsRun(): boolean {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) return false;
  const help = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'prequal.js'), '--help'], {
    encoding: 'utf8',
  });
  return help.status === 0 && /^\s+run\b/m.test(help.stdout);
}

let tmp = '';
let first: Summary;
let ids: string[] = [];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-bench-'));
  first = generate(path.join(tmp, 'a'), SEED);
  generate(path.join(tmp, 'b'), SEED);
  ids = fs.readdirSync(path.join(tmp, 'a', 'dossiers')).sort();
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('generateWorkspace', () => {
  it('writes one folder per candidate with the dossier and three attachments', () => {
    expect(ids).toHaveLength(N);
    for (const id of ids) {
      const files = fs.readdirSync(path.join(tmp, 'a', 'dossiers', id)).sort();
      expect(files).toEqual(['declaration.pdf', 'dossier.yaml', 'formulaire.pdf', 'rccm.pdf']);
    }
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const sample = ['tender.yaml', 'criteria.yaml'];
    for (const id of ids.filter((_, i) => i % 7 === 0)) {
      sample.push(`dossiers/${id}/dossier.yaml`, `dossiers/${id}/rccm.pdf`);
    }
    for (const file of sample) {
      expect(fs.readFileSync(path.join(tmp, 'b', file)), file).toEqual(
        fs.readFileSync(path.join(tmp, 'a', file)),
      );
    }
    generate(path.join(tmp, 'other-seed'), SEED + 1);
    const other = fs.readdirSync(path.join(tmp, 'other-seed', 'dossiers')).sort();
    expect(other).not.toEqual(ids);
  });

  it('writes tender.yaml and a criteria grid without manual criteria', () => {
    const tender = readDoc(path.join(tmp, 'a', 'tender.yaml'));
    expect(tender.reference).toBe(`BENCH-${N}`);
    expect(tender.exchange_rates).toEqual({ XOF: 655.957, USD: 1.0823 });
    expect(tender.shortlist).toEqual({ min: 4, max: 8 });
    const criteria = readDoc(path.join(tmp, 'a', 'criteria.yaml'));
    expect(Object.keys(criteria).sort()).toEqual(['criteria', 'name', 'shortlist_threshold', 'tie_breakers']);
    const rules = (criteria.criteria as { rule: { type: string } }[]).map((c) => c.rule.type);
    expect(rules).not.toContain('manual');
    expect(new Set(rules)).toEqual(
      new Set([
        'deadline',
        'documents',
        'nationality',
        'declarations',
        'turnover',
        'current_ratio',
        'staff',
        'references',
        'experts',
      ]),
    );
  });

  it('names about 0.5% (at least 3) invalid dossiers, each broken as announced', () => {
    expect(first.invalid).toHaveLength(3);
    expect(new Set(first.invalid.map((i) => i.kind))).toEqual(
      new Set(['syntax', 'date_without_offset', 'unknown_currency']),
    );
    for (const { id, kind } of first.invalid) {
      const file = path.join(tmp, 'a', 'dossiers', id, 'dossier.yaml');
      if (kind === 'syntax') {
        expect(() => readDoc(file)).toThrow();
        continue;
      }
      const dossier = readDoc(file);
      if (kind === 'date_without_offset')
        expect(dossier.submitted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      if (kind === 'unknown_currency')
        expect(CURRENCIES.has((dossier.financials as Doc).currency as string)).toBe(false);
    }
  });

  it('writes valid dossiers in the SPEC §4 shape', () => {
    const invalid = new Set(first.invalid.map((i) => i.id));
    let consortia = 0;
    for (const id of ids.filter((candidate) => !invalid.has(candidate))) {
      const dossier = readDoc(path.join(tmp, 'a', 'dossiers', id, 'dossier.yaml'));
      const candidate = dossier.candidate as Doc;
      expect(typeof candidate.name).toBe('string');
      expect(candidate.country).toMatch(/^[A-Z]{2}$/);
      expect(dossier.submitted_at).toMatch(INSTANT_WITH_OFFSET);
      expect(Object.keys(dossier.documents as Doc).sort()).toEqual([
        'application_form',
        'declaration_on_honour',
        'registration_certificate',
      ]);
      expect((dossier.references as Doc[]).length).toBeGreaterThanOrEqual(3);
      expect((dossier.references as Doc[]).length).toBeLessThanOrEqual(12);
      if (dossier.members) consortia++;
      for (const entity of entitiesOf(dossier)) checkEntity(entity);
    }
    expect(consortia).toBeGreaterThan(0);
    expect(consortia).toBeLessThan(N / 2);
  });
});

function checkEntity(entity: Doc): void {
  expect(Object.keys(entity.declarations as Doc).sort()).toEqual([
    'no_conflict_of_interest',
    'no_exclusion_situation',
  ]);
  const financials = entity.financials as Doc | undefined;
  if (financials) {
    expect(CURRENCIES.has(financials.currency as string)).toBe(true);
    for (const year of Object.keys(financials.turnover as Doc))
      expect(['2022', '2023', '2024']).toContain(year);
  }
  for (const reference of (entity.references as Doc[] | undefined) ?? []) {
    expect(CURRENCIES.has(reference.currency as string)).toBe(true);
    expect(reference.value).toBeGreaterThan(0);
    expect(reference.start).toMatch(DATE);
    if (reference.end !== undefined) expect(reference.end).toMatch(/^20(1[7-9]|2[0-6])-\d{2}-\d{2}$/);
    expect((reference.tags as string[]).length).toBeGreaterThan(0);
  }
  if ('role' in entity) expect(['member', 'capacity_provider']).toContain(entity.role);
}

describe('scripts/bench.js', () => {
  it('runs end to end with the harness stand-in and rewrites the doc section', () => {
    const workdir = path.join(tmp, 'dry');
    const doc = path.join(tmp, 'PERFORMANCE.md');
    fs.writeFileSync(doc, 'intro\n<!-- bench:start -->\nSTALE SECTION\n<!-- bench:end -->\nafter\n');
    const args = [
      BENCH,
      '--sizes',
      String(N),
      '--workdir',
      workdir,
      '--dry-cli',
      '--write-doc',
      '--doc',
      doc,
    ];
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(workdir, 'results.json'), 'utf8'));
    expect(results.sizes[0].floor.jsYaml.files).toBe(N);
    // The stat bound checks every candidate folder and its four files.
    expect(results.sizes[0].statBound.paths).toBe(5 * N);
    expect(results.sizes[0].statBound.cores).toBe(os.availableParallelism());
    // The full run's bound hashes every attachment; the stand-in CLI writes no output to serialise.
    expect(results.sizes[0].runBound.parts.map((p: RunBoundPart) => [p.part, p.items])).toEqual([
      ['hash', 3 * N],
      ['json', 0],
      ['letters', 0],
      ['workbook', 0],
    ]);
    expect(results.sizes[0].steps.map((s: { id: string }) => s.id)).toEqual([
      'run',
      'ingest',
      'criteria',
      'score',
      'export',
      'unchanged',
      'rescore',
      'rerun',
    ]);
    const rewritten = fs.readFileSync(doc, 'utf8');
    expect(rewritten).not.toContain('STALE SECTION');
    expect(rewritten).toContain('bound for a run with nothing changed');
    expect(rewritten).toContain('bound for a full run');
    expect(rewritten).toMatch(/on one thread; shared over \d+ cores \d+ ms/);
    expect(rewritten).toMatch(
      /^intro\n<!-- bench:start -->\n[\s\S]*### 50 dossiers[\s\S]*<!-- bench:end -->\nafter\n$/,
    );
  });

  it.skipIf(!cliSupportsRun())('runs end to end against the built CLI', () => {
    const workdir = path.join(tmp, 'real');
    const result = spawnSync(process.execPath, [BENCH, '--sizes', String(N), '--workdir', workdir], {
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(workdir, 'results.json'), 'utf8'));
    expect(results.failure).toBeNull();
    expect(results.sizes[0].steps).toHaveLength(8);
    // The bound re-serialises what the run wrote: every candidate, its letters, the six sheets.
    const parts = new Map<string, RunBoundPart>(
      (results.sizes[0].runBound.parts as RunBoundPart[]).map((p) => [p.part, p]),
    );
    expect(parts.get('json')?.items).toBe(N);
    expect(parts.get('json')?.bytes).toBeGreaterThan(0);
    expect(parts.get('letters')?.items).toBeGreaterThan(0);
    expect(parts.get('workbook')?.items).toBe(6);
  });
});
