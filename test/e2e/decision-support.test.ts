import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Moussa Diop'];
const C17 = 'c17-casamance-droits-humains-conseil';

/** A fingerprint of what a read-only command must leave alone: the audit trail and the evaluation cache. */
function fingerprint(ws: string): { audit: number; parts: number; digest: string } {
  const db = new Database(path.join(ws, 'prequal.db'), { readonly: true });
  try {
    const audit = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const groups = db.prepare('SELECT * FROM criterion_groups ORDER BY id').all();
    const rows = db.prepare('SELECT * FROM evaluation_parts ORDER BY 1, 2, 3').all();
    const digest = createHash('sha256')
      .update(JSON.stringify([groups, rows]))
      .digest('hex');
    return { audit, parts: rows.length, digest };
  } finally {
    db.close();
  }
}

/** Empties the evaluation cache, as a store whose criteria nothing has evaluated yet. */
function emptyCache(ws: string): void {
  const db = new Database(path.join(ws, 'prequal.db'));
  try {
    db.exec('DELETE FROM evaluation_parts; DELETE FROM criterion_groups');
  } finally {
    db.close();
  }
}

interface Change {
  id: string;
  before: { status: string; rank: number | null } | null;
  after: { status: string; rank: number | null } | null;
  causes: { criterion: string; before: unknown; after: unknown }[];
}

describe('whatif and explain --closest on fixtures/poc2-s29', () => {
  let ws = '';
  const cli = (...args: string[]) => prequal([...args, '--workspace', ws, ...NOW]);

  beforeAll(() => {
    ws = copyFixture('poc2-s29');
    expect(cli('run').code).toBe(0);
    // A renamed grid is a new version, whose criteria are the ones already evaluated: with the
    // cache emptied, a command that scored it would fill the cache again, which the fingerprint
    // would show.
    const grid = fs.readFileSync(path.join(ws, 'criteria.yaml'), 'utf8');
    fs.writeFileSync(path.join(ws, 'renamed.yaml'), grid.replace(/^name: .*$/m, 'name: S29 grid, renamed'));
    expect(cli('criteria', 'import', 'renamed.yaml').code).toBe(0);
    emptyCache(ws);
  });

  it('whatif threshold=30 shows c17 entering the reserve, and stores nothing', () => {
    const before = fingerprint(ws);
    expect(before.parts).toBe(0);
    const text = cli('whatif', '--set', 'threshold=30');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('nothing is stored');
    expect(text.stdout).toMatch(new RegExp(`${C17}\\s+rejected → reserve\\s+– → 11\\s+31\\.50`));
    expect(text.stdout).toContain('because: shortlist_threshold 40 → 30');
    const json = cli('whatif', '--set', 'threshold=30', '--json');
    const doc = JSON.parse(json.stdout) as { stored: boolean; changes: Change[] };
    expect(doc.stored).toBe(false);
    expect(doc.changes.map((c) => [c.id, c.after?.status, c.after?.rank])).toEqual([[C17, 'reserve', 11]]);
    expect(fingerprint(ws)).toEqual(before);
  });

  it('whatif on a gate: a lower turnover and value bar lets c16 in and reorders the cut', () => {
    const result = cli(
      'whatif',
      '--set',
      'SEL-1.average_at_least=100000',
      '--set',
      'SEL-4.filter.min_value=60000',
      '--json',
    );
    expect(result.code).toBe(0);
    const changes = (JSON.parse(result.stdout) as { changes: Change[] }).changes;
    const c16 = changes.find((c) => c.id === 'c16-kedougou-formation-droits');
    expect(c16?.before?.status).toBe('rejected');
    expect(c16?.after?.status).toBe('reserve');
    expect(c16?.causes).toEqual(
      expect.arrayContaining([
        { criterion: 'SEL-1', before: 'fail', after: 'pass' },
        { criterion: 'SEL-4', before: 'fail', after: 'pass' },
      ]),
    );
  });

  it.each([
    [['--set', 'SEL-1.average_at_least=abc'], 'needs a number'],
    [['--set', 'SEL-1.average_at_least'], 'expected CRITERION.param=value'],
    [['--set', 'XYZ-1.at_least=2'], 'unknown criterion "XYZ-1"'],
    [['--set', 'SEL-2.average_at_least=2'], 'is not a parameter of SEL-2'],
  ])('whatif %j is a usage error (exit 2)', (args, message) => {
    const result = cli('whatif', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('explain c17 --closest: lowering the threshold to 31.5 only reaches the reserve', () => {
    const text = cli('explain', C17, '--closest', '--lang', 'en');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('no single change of one published threshold would shortlist it');
    expect(text.stdout).toContain(
      'lower shortlist_threshold from 40 to 31.5 (21.25 %) → not enough: reserve, rank 11 (cut at 8)',
    );
    const doc = JSON.parse(cli('explain', C17, '--closest', '--json').stdout);
    expect(doc.best).toBeNull();
    expect(doc.attempts).toEqual([
      expect.objectContaining({
        parameter: 'shortlist_threshold',
        from: 40,
        to: 31.5,
        works: false,
        outcome: expect.objectContaining({ status: 'reserve', rank: 11 }),
      }),
    ]);
  });

  it.each([
    [
      'c07-rights-policing-partners',
      'smallest change that shortlists it: raise shortlist.max from 8 to 9 (12.5 %)',
    ],
    [
      'c04-justice-securite-conseil',
      'smallest change that shortlists it: raise shortlist.max from 8 to 10 (25 %)',
    ],
    // Passing SEL-2 would leave c18 pending: a member is a near match on the sanctions list (see
    // fixtures/poc2-s29/EXPECTED.md), which the simulation screens exactly as a real run does.
    ['c18-fleuve-conseil', 'lower SEL-2.at_least from 1 to 0.8 (20 %) → not enough: pending'],
    ['c11-atlantique-securite-conseil', 'no threshold change can fix ADM-1 (deadline)'],
    [
      'c16-kedougou-formation-droits',
      'lower SEL-1.average_at_least from 300,000 to 129,581.66 (56.81 %) → not enough: rejected (SEL-4)',
    ],
    ['c01-institut-droits-securite', 'already shortlisted'],
  ])('explain %s --closest', (id, expected) => {
    const result = cli('explain', id, '--closest', '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
  });

  it('explain --closest stores nothing either', () => {
    const before = fingerprint(ws);
    expect(cli('explain', 'c04-justice-securite-conseil', '--closest').code).toBe(0);
    expect(fingerprint(ws)).toEqual(before);
  });
});

describe('diff between two criteria versions', () => {
  it('lists every changed candidate with the criteria that caused it', () => {
    const ws = copyFixture('poc2-s29');
    const cli = (...args: string[]) => prequal([...args, '--workspace', ws, ...NOW]);
    expect(cli('run').code).toBe(0);
    const grid = fs.readFileSync(path.join(ws, 'criteria.yaml'), 'utf8');
    const v2 = grid
      .replace('average_at_least: 300000', 'average_at_least: 100000')
      .replace('min_value: 150000', 'min_value: 60000');
    expect(v2).not.toBe(grid);
    fs.writeFileSync(path.join(ws, 'criteria-v2.yaml'), v2);
    expect(cli('criteria', 'import', 'criteria-v2.yaml').code).toBe(0);

    const text = cli('diff', '--from', '1', '--to', '2');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('criteria changed: SEL-1, SEL-4');
    expect(text.stdout).toMatch(/c16-kedougou-formation-droits\s+rejected → reserve/);
    expect(text.stdout).toContain('because: SEL-1 fail → pass; SEL-4 fail → pass');

    const doc = JSON.parse(cli('diff', '--from', '1', '--to', '2', '--json').stdout) as {
      from: number;
      to: number;
      changes: Change[];
    };
    expect([doc.from, doc.to]).toEqual([1, 2]);
    const c07 = doc.changes.find((c) => c.id === 'c07-rights-policing-partners');
    expect([c07?.before?.status, c07?.after?.status]).toEqual(['reserve', 'shortlisted']);
    expect(c07?.causes).toContainEqual({ criterion: 'SEL-4.count', before: 2, after: 3 });
    const c10 = doc.changes.find((c) => c.id === 'c10-teranga-droits-formation');
    expect([c10?.before?.status, c10?.after?.status]).toEqual(['shortlisted', 'reserve']);

    const unknown = cli('diff', '--from', '1', '--to', '9');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('criteria version 9 does not exist (versions: 1, 2)');
    expect(cli('diff', '--from', 'one', '--to', '2').code).toBe(2);
  });
});

describe('template application-form', () => {
  it('writes a readable workbook, dated by --now, and never overwrites a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-form-'));
    const file = path.join(dir, 'formulaire.xlsx');
    const result = prequal(
      ['template', 'application-form', '--lang', 'fr', '--out', 'formulaire.xlsx', ...NOW],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Identity', 'Members']));
    expect(String(workbook.getWorksheet('Identity')?.getRow(2).getCell(1).value)).toContain(
      'Nom du candidat',
    );
    expect(workbook.created.toISOString()).toBe('2025-12-05T09:00:00.000Z');

    const size = fs.statSync(file).size;
    const again = prequal(
      ['template', 'application-form', '--lang', 'fr', '--out', 'formulaire.xlsx', ...NOW],
      { cwd: dir },
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(fs.statSync(file).size).toBe(size);

    const english = prequal(['template', 'application-form', '--lang', 'en', ...NOW], { cwd: dir });
    expect(english.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'application-form.xlsx'))).toBe(true);
  });
});
