import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Olivier Lemaire'];

describe('prequal init', () => {
  it('scaffolds a workspace from flags that ingests and runs at once', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-init-'));
    const args = [
      'init',
      'my-tender',
      '--reference',
      'POC2-S30',
      '--title-fr',
      'Mission : audit',
      '--title-en',
      'Audit: mission',
    ];
    const result = prequal([...args, '--closes', '2025-11-28T16:00:00Z', ...NOW], { cwd: parent });
    expect(result.code).toBe(0);
    const ws = path.join(parent, 'my-tender');
    expect(fs.readFileSync(path.join(ws, 'tender.yaml'), 'utf8')).toContain('fr: "Mission : audit"');
    const run = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(run.stderr).not.toContain('error');
    expect(JSON.parse(run.stdout).candidates[0]).toMatchObject({ id: 'c01-exemple', status: 'shortlisted' });
    // The shortlist needs 4 candidates: one example is below the minimum, and every output says so.
    expect(JSON.parse(run.stdout).shortlist.below_min).toBe(true);
  });

  it('writes exchange rates that fit the chosen currency, so the example still runs in XOF', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-init-'));
    const args = [
      'init',
      'xof',
      '--reference',
      'R',
      '--title-fr',
      'T',
      '--title-en',
      'T',
      '--currency',
      'XOF',
    ];
    expect(prequal([...args, '--closes', '2025-11-28T16:00:00Z'], { cwd: parent }).code).toBe(0);
    const ws = path.join(parent, 'xof');
    expect(fs.readFileSync(path.join(ws, 'tender.yaml'), 'utf8')).toMatch(
      / {2}EUR: 0\.00152449\n {2}USD: 0\.00164996/,
    );
    const run = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(run.stderr).not.toContain('error');
    expect(JSON.parse(run.stdout).candidates[0]).toMatchObject({ id: 'c01-exemple', status: 'shortlisted' });
  });

  it('refuses to overwrite existing files and asks for missing flags when not on a terminal', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-init-'));
    const args = [
      'init',
      '.',
      '--reference',
      'R',
      '--title-fr',
      'T',
      '--title-en',
      'T',
      '--closes',
      '2025-11-28T16:00:00Z',
    ];
    expect(prequal(args, { cwd: parent }).code).toBe(0);
    const again = prequal(args, { cwd: parent });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refusing to overwrite existing files');
    const missing = prequal(['init', 'other'], { cwd: parent });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--reference is required when not on a terminal');
    const bad = prequal(
      ['init', 'x', '--reference', 'R', '--title-fr', 'T', '--title-en', 'T', '--closes', '2025-11-28 16:00'],
      { cwd: parent },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('RFC 3339');
  });
});

describe('prequal score', () => {
  it('says what it computed: every criterion first, then only the changed one', () => {
    const ws = copyFixture('poc2-s29');
    const cli = (...args: string[]) => prequal([...args, '--workspace', ws, ...NOW]);
    expect(cli('ingest').code).toBe(0);
    expect(cli('criteria', 'import').code).toBe(0);
    expect(cli('score').stdout).toBe(
      'criteria version 1: 17 candidate(s) evaluated (12 criteria of 12 computed for 17, 0 unchanged), 2 invalid\n',
    );
    expect(cli('score').stdout).toBe(
      'criteria version 1: 17 candidate(s) evaluated (17 unchanged), 2 invalid\n',
    );
    const file = path.join(ws, 'criteria.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('average_at_least: 300000', 'average_at_least: 250000'),
    );
    expect(cli('criteria', 'import').code).toBe(0);
    expect(cli('score').stdout).toBe(
      'criteria version 2: 17 candidate(s) evaluated (1 criterion of 12 computed for 17, 0 unchanged), 2 invalid\n',
    );
  });
});

describe('prequal criteria', () => {
  it('creates a version only when the content changed, and keeps every version', () => {
    const ws = copyFixture('poc2-s29');
    expect(prequal(['criteria', 'import', '--workspace', ws, ...NOW]).stdout).toContain(
      'imported criteria version 1',
    );
    expect(prequal(['criteria', 'import', '--workspace', ws, ...NOW]).stdout).toContain(
      'criteria unchanged: version 1',
    );
    const file = path.join(ws, 'criteria.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('shortlist_threshold: 40', 'shortlist_threshold: 45'),
    );
    expect(prequal(['criteria', 'import', '--workspace', ws, ...NOW]).stdout).toContain(
      'imported criteria version 2',
    );
    const list = JSON.parse(prequal(['criteria', 'list', '--workspace', ws, '--json']).stdout) as {
      version: number;
    }[];
    expect(list.map((v) => v.version)).toEqual([1, 2]);
    const shown = JSON.parse(prequal(['criteria', 'show', '1', '--workspace', ws, '--json']).stdout);
    expect(shown.criteria.shortlist_threshold).toBe(40);
    expect(prequal(['criteria', 'show', '7', '--workspace', ws]).stderr).toContain(
      'criteria version 7 does not exist',
    );
  });

  it('reports every problem of a broken criteria file with file, line and reason, and exits 1', () => {
    const ws = copyFixture('poc2-s29');
    const file = path.join(ws, 'criteria.yaml');
    const text = fs
      .readFileSync(file, 'utf8')
      .replace('average_at_least:', 'average_atleast:')
      .replace('max: 40', 'max: forty');
    fs.writeFileSync(file, text);
    const result = prequal(['criteria', 'import', '--workspace', ws]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /criteria\.yaml:\d+:\d+ .*average_atleast.*did you mean "average_at_least"/,
    );
    expect(result.stderr).toMatch(/criteria\.yaml:\d+:\d+ criteria\.\d+\.max/);
  });
});

describe('prequal rank and explain', () => {
  it('prints the ranked table without colour when not on a terminal, and exits 0', () => {
    const ws = copyFixture('poc2-s29');
    prequal(['run', '--workspace', ws, ...NOW]);
    const rank = prequal(['rank', '--workspace', ws]);
    expect(rank.code).toBe(0);
    expect(rank.stdout).not.toContain('\u001b[');
    expect(rank.stdout.split('\n')[1]).toMatch(
      /^1\s+c01-institut-droits-securite\s+Institut Droits & Sécurité SARL\s+shortlisted\s+87\.00/,
    );
    const forced = prequal(['rank', '--workspace', ws], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
  });

  it("explains every criterion's verdict, in French or English", () => {
    const ws = copyFixture('poc2-s29');
    prequal(['run', '--workspace', ws, ...NOW]);
    const en = prequal(['explain', 'c16-kedougou-formation-droits', '--workspace', ws, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('status: rejected');
    expect(en.stdout).toMatch(/SEL-1 .*: fail/);
    expect(en.stdout).toContain('2022: 0.00 EUR (none reported, counted as 0)');
    const fr = prequal(['explain', 'c16-kedougou-formation-droits', '--workspace', ws, '--json']);
    expect(JSON.parse(fr.stdout).criteria['SEL-1'].passed).toBe(false);
    expect(prequal(['explain', 'nobody', '--workspace', ws]).stderr).toContain('unknown candidate "nobody"');
    // A unique prefix of an id is enough.
    expect(prequal(['explain', 'c16', '--workspace', ws]).stdout).toContain(
      'c16-kedougou-formation-droits —',
    );
  });
});

describe('prequal schema', () => {
  it('prints a JSON Schema for each file kind and refuses an unknown kind', () => {
    for (const kind of ['tender', 'criteria', 'dossier']) {
      const result = prequal(['schema', kind]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toHaveProperty('properties');
    }
    expect(prequal(['schema', 'letter']).code).toBe(2);
  });
});

describe('prequal export --json', () => {
  it("prints SPEC §6's document, the one rank --json prints, and still writes the files", () => {
    const ws = copyFixture('poc2-s29');
    expect(prequal(['run', '--workspace', ws, ...NOW]).code).toBe(0);
    fs.rmSync(path.join(ws, 'out'), { recursive: true });
    const exported = prequal(['export', '--workspace', ws, '--json', ...NOW]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(
      JSON.parse(prequal(['rank', '--workspace', ws, '--json', ...NOW]).stdout),
    );
    expect(JSON.parse(exported.stdout).shortlist).toMatchObject({ min: 4, max: 8, filled: 8 });
    expect(fs.existsSync(path.join(ws, 'out', 'report.fr.md'))).toBe(true);
  });
});

describe('prequal export in another language', () => {
  it('writes language-suffixed files beside the default ones instead of overwriting them', () => {
    const ws = copyFixture('poc2-s29');
    expect(prequal(['run', '--workspace', ws, ...NOW]).code).toBe(0);
    const out = path.join(ws, 'out');
    const french = fs.readFileSync(path.join(out, 'shortlist.json'), 'utf8');
    expect(prequal(['export', '--workspace', ws, '--lang', 'en', ...NOW]).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'shortlist.json'), 'utf8')).toBe(french);
    expect(fs.readFileSync(path.join(out, 'shortlist.en.json'), 'utf8')).toContain(
      '"title": "Human rights supervision and training mission"',
    );
    for (const file of [
      'prequal-POC2-S29.xlsx',
      'prequal-POC2-S29.en.xlsx',
      'report.fr.md',
      'report.en.md',
    ]) {
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
  });
});

describe('who acts', () => {
  it('refuses a blank --as, which the audit trail would record as nobody', () => {
    const ws = copyFixture('poc2-s29');
    const blank = prequal(['ingest', '--workspace', ws, '--as', ' ']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toBe('error: --as needs a name: the audit trail records who acted\n');
    expect(fs.existsSync(path.join(ws, 'prequal.db'))).toBe(false);
  });
});
