import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { copyFixture, prequal } from './cli-helpers.js';

interface JsonCandidate {
  id: string;
  status: string;
  rank: number | null;
  total: number | null;
  reasons: { criterion: string }[];
}

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Test Runner'];

/** The hand-computed outcome of fixtures/poc2-s29/EXPECTED.md. */
const EXPECTED: Record<string, [string, number | null, number | null, string[]]> = {
  'c01-institut-droits-securite': ['shortlisted', 1, 87, []],
  'c03-consortium-ucad': ['shortlisted', 2, 76.33, []],
  'c05-sahel-gouvernance-droits': ['shortlisted', 3, 70, []],
  'c02-cabinet-ndiaye-associes': ['shortlisted', 4, 67.5, []],
  'c08-euro-sahel-training': ['shortlisted', 5, 60, []],
  'c09-themis-afrique': ['shortlisted', 6, 60, []],
  'c06-ivoire-consult-droits-humains': ['shortlisted', 7, 53, []],
  'c10-teranga-droits-formation': ['shortlisted', 8, 50, []],
  'c07-rights-policing-partners': ['reserve', 9, 50, []],
  'c04-justice-securite-conseil': ['reserve', 10, 40, []],
  'c11-atlantique-securite-conseil': ['rejected', null, 48.33, ['ADM-1']],
  'c12-bureau-kane-et-fils': ['rejected', null, 51, ['ADM-2']],
  'c13-sentinel-conseil': ['rejected', null, 53, ['ELI-1', 'sanctions']],
  'c14-baobab-formation-conseil': ['rejected', null, 64, ['ELI-2']],
  'c16-kedougou-formation-droits': ['rejected', null, 48.5, ['SEL-1', 'SEL-4']],
  'c17-casamance-droits-humains-conseil': ['rejected', null, 31.5, ['threshold']],
  'c18-fleuve-conseil': ['rejected', null, 64, ['SEL-2']],
  'c15-nord-sud-expertise': ['invalid', null, null, ['invalid']],
  'c19-dublin-justice-advisory': ['invalid', null, null, ['invalid']],
};

describe('prequal run on fixtures/poc2-s29', () => {
  it('reproduces the hand-computed shortlist, exits 0, and writes every export', () => {
    const ws = copyFixture('poc2-s29');
    const result = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(result.stderr).toContain('c15-nord-sud-expertise');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      candidates: JsonCandidate[];
      shortlist: { filled: number; below_min: boolean };
    };
    expect(doc.shortlist).toMatchObject({ filled: 8, below_min: false });
    const actual = Object.fromEntries(
      doc.candidates.map((c) => [
        c.id,
        [c.status, c.rank, c.total, [...new Set(c.reasons.map((r) => r.criterion))]],
      ]),
    );
    expect(actual).toEqual(EXPECTED);
    // SPEC §6 order: ranked, then pending, rejected, invalid, each by id.
    expect(doc.candidates.map((c) => c.id)).toEqual(Object.keys(EXPECTED));
    const out = path.join(ws, 'out');
    for (const file of ['prequal-POC2-S29.xlsx', 'report.fr.md', 'shortlist.json', 'ocds-POC2-S29.json']) {
      expect(fs.statSync(path.join(out, file)).size).toBeGreaterThan(0);
    }
    expect(fs.readdirSync(path.join(out, 'letters')).length).toBeGreaterThanOrEqual(9);
  });

  it('gives byte-identical JSON and Markdown for the same inputs, whatever the clock and folder', () => {
    const a = copyFixture('poc2-s29');
    const b = copyFixture('poc2-s29');
    const first = prequal(['run', '--workspace', a, '--json', '--now', '2025-12-05T09:00:00Z']);
    const second = prequal(['run', '--workspace', b, '--json', '--now', '2026-01-10T17:30:00+01:00']);
    expect(first.stdout).toBe(second.stdout);
    for (const file of ['shortlist.json', 'report.fr.md']) {
      expect(fs.readFileSync(path.join(a, 'out', file))).toEqual(fs.readFileSync(path.join(b, 'out', file)));
    }
  });

  it('recognises everything as unchanged on a second run, and --strict exits 3 because of the invalid dossiers', () => {
    const ws = copyFixture('poc2-s29');
    expect(prequal(['run', '--workspace', ws, ...NOW]).code).toBe(0);
    const again = prequal(['run', '--workspace', ws, '--strict', ...NOW]);
    expect(again.stderr).toContain('added 0, updated 0, unchanged 19, withdrawn 0');
    // Unchanged exports are counted in one line, not listed (a large tender has thousands of letters).
    expect(again.stderr).toMatch(/^unchanged: \d+ files in .*out\/$/m);
    expect(again.stderr).not.toMatch(/letter-/);
    expect(again.code).toBe(3);
  });
});

describe('prequal run on an invalid dossier', () => {
  it('addresses it by the name its file still gives, by its id when the file does not parse', async () => {
    const ws = copyFixture('poc2-s29');
    const run = prequal(['run', '--workspace', ws, '--json', '--lang', 'en', ...NOW]);
    expect(run.code).toBe(0);
    // c19 parses but has a currency without a rate; c15 is a YAML syntax error.
    const names = Object.fromEntries(
      (JSON.parse(run.stdout) as { candidates: (JsonCandidate & { name: string })[] }).candidates
        .filter((c) => c.status === 'invalid')
        .map((c) => [c.id, c.name]),
    );
    expect(names).toEqual({
      'c15-nord-sud-expertise': 'c15-nord-sud-expertise',
      'c19-dublin-justice-advisory': 'Dublin Justice Advisory Ltd',
    });
    const out = path.join(ws, 'out');
    const letter = fs.readFileSync(
      path.join(out, 'letters', 'letter-c19-dublin-justice-advisory.en.md'),
      'utf8',
    );
    expect(letter).toContain('**Dublin Justice Advisory Ltd**');
    expect(
      fs.readFileSync(path.join(out, 'letters', 'letter-c15-nord-sud-expertise.en.md'), 'utf8'),
    ).toContain('**c15-nord-sud-expertise**');
    const report = fs.readFileSync(path.join(out, 'report.en.md'), 'utf8');
    expect(report).toContain('### Dublin Justice Advisory Ltd (c19-dublin-justice-advisory)');
    expect(report).toContain('### c15-nord-sud-expertise\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'prequal-POC2-S29.en.xlsx'));
    for (const [sheet, idColumn] of [
      ['Shortlist', 2],
      ['Gates', 1],
    ] as const) {
      const rows = workbook.getWorksheet(sheet)?.getRows(2, 200) ?? [];
      const nameBy = (id: string) =>
        rows.find((r) => r.getCell(idColumn).value === id)?.getCell(idColumn + 1).value;
      expect(nameBy('c19-dublin-justice-advisory'), sheet).toBe('Dublin Justice Advisory Ltd');
      expect(nameBy('c15-nord-sud-expertise'), sheet).toBe('c15-nord-sud-expertise');
    }
  });
});

describe('prequal run on the smaller fixtures', () => {
  it('marks a tie across the cut as tied, names it, and exits 3', () => {
    const ws = copyFixture('tie-at-cut');
    const result = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('tie at the cut');
    const doc = JSON.parse(result.stdout) as {
      candidates: JsonCandidate[];
      ties: { candidates: string[]; at_cut: boolean }[];
    };
    const tied = doc.candidates.filter((c) => c.status === 'tied').map((c) => c.id);
    expect(tied).toHaveLength(2);
    expect(doc.ties.find((t) => t.at_cut)?.candidates).toEqual(tied);
  });

  it('keeps a candidate pending while an evaluator has not scored, and exits 3', () => {
    const ws = copyFixture('pending-scores');
    const result = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('manual scores are pending');
    const doc = JSON.parse(result.stdout) as { candidates: JsonCandidate[] };
    const pending = doc.candidates.filter((c) => c.status === 'pending');
    expect(pending.map((c) => [c.id, c.total, c.rank])).toEqual([[pending[0]?.id, null, null]]);
  });
});

describe('prequal ingest', () => {
  it('prints a summary naming the invalid dossiers, exits 0 (3 with --strict), then reports all unchanged', () => {
    const ws = copyFixture('poc2-s29');
    const first = prequal(['ingest', '--workspace', ws, ...NOW]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('dossiers: 19 (17 valid, 2 invalid)');
    expect(first.stdout).toMatch(
      /invalid c15-nord-sud-expertise:\n {2}dossiers\/c15-nord-sud-expertise\.yaml:24:3: YAML syntax error/,
    );
    expect(first.stdout).toContain('currency GBP has no exchange rate in tender.yaml');
    const second = prequal(['ingest', '--workspace', ws, '--strict', ...NOW]);
    expect(second.stdout).toContain('added 0, updated 0, unchanged 19, withdrawn 0');
    expect(second.code).toBe(3);
  });

  it('marks a removed dossier withdrawn and keeps it in the store', () => {
    const ws = copyFixture('poc2-s29');
    prequal(['ingest', '--workspace', ws, ...NOW]);
    fs.rmSync(path.join(ws, 'dossiers', 'c17-casamance-droits-humains-conseil'), { recursive: true });
    const result = prequal(['ingest', '--workspace', ws, '--json', ...NOW]);
    expect(JSON.parse(result.stdout).withdrawn).toEqual(['c17-casamance-droits-humains-conseil']);
  });

  it('re-reads a dossier whose attachment changed', () => {
    const ws = copyFixture('poc2-s29');
    prequal(['ingest', '--workspace', ws, ...NOW]);
    const folder = path.join(ws, 'dossiers', 'c01-institut-droits-securite');
    const attachment = fs.readdirSync(folder).find((f) => f.endsWith('.pdf')) ?? '';
    fs.writeFileSync(path.join(folder, attachment), '');
    const result = prequal(['ingest', '--workspace', ws, '--json', ...NOW]);
    expect(JSON.parse(result.stdout).updated).toEqual(['c01-institut-droits-securite']);
  });
});

describe('command line', () => {
  it('prints help with examples and exits 0', () => {
    const help = prequal(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: prequal');
    // SPEC §7: --help documents everything, the exit codes included.
    expect(help.stdout).toMatch(
      /Exit codes:\n {2}0 .*\n[\s\S]* {2}3 +completed, but the shortlist is not final/,
    );
    expect(help.stdout).toContain('sanctions near match');
    const runHelp = prequal(['run', '--help']);
    expect(runHelp.stdout).toContain('Examples:');
  });

  it('exits 2 on a usage error and 1 on a broken configuration', () => {
    expect(prequal(['rank', '--bogus']).code).toBe(2);
    expect(prequal(['frobnicate']).code).toBe(2);
    const ws = copyFixture('poc2-s29');
    fs.appendFileSync(path.join(ws, 'tender.yaml'), '\nshortlist_size: 9\n');
    const broken = prequal(['run', '--workspace', ws, ...NOW]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/tender\.yaml:\d+:\d+.*shortlist_size/);
  });
});
