import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/export/xlsx.js';
import { buildEvaluatorsTable } from '../../src/export/xlsx-records.js';
import { buildSampleReport, HOSTILE_NAME_CLEAN } from './sample-report.js';

let dir = '';
const books: Record<'fr' | 'en', ExcelJS.Workbook> = {} as never;

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function sheet(lang: 'fr' | 'en', name: string): ExcelJS.Worksheet {
  const found = books[lang].getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

/** The row whose first cells start with `values` (e.g. candidate id). */
function findRow(ws: ExcelJS.Worksheet, column: number, value: string, nth = 0): ExcelJS.Row {
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row) => {
    if (row.getCell(column).value === value) rows.push(row);
  });
  const row = rows[nth];
  if (!row) throw new Error(`no row with ${value}`);
  return row;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prequal-xlsx-'));
  for (const lang of ['fr', 'en'] as const) {
    const file = path.join(dir, `book-${lang}.xlsx`);
    await writeWorkbook(buildSampleReport(), lang, file);
    books[lang] = await readBook(file);
  }
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeWorkbook', () => {
  it('writes the six sheets with headers in the chosen language', () => {
    expect(books.en.worksheets.map((ws) => ws.name)).toEqual([
      'Shortlist',
      'Gates',
      'Experience',
      'Evaluators',
      'Audit',
      'Run',
    ]);
    expect(headers(sheet('en', 'Shortlist'))).toEqual([
      'Rank',
      'Id',
      'Candidate',
      'Country',
      'Status',
      'Total',
      'ADM-1',
      'ADM-2',
      'ELI-1',
      'SEL-3',
      'EXP-1',
      'EXP-3',
      'Reasons',
    ]);
    expect(headers(sheet('fr', 'Shortlist')).slice(0, 6)).toEqual([
      'Rang',
      'Identifiant',
      'Candidat',
      'Pays',
      'Statut',
      'Total',
    ]);
    expect(headers(sheet('fr', 'Gates'))).toContain('Décision manuelle');
    expect(headers(sheet('en', 'Experience'))).toContain('SEL-3 counted?');
    // The value of every reference, counted or not: « retenue » would say it counted.
    expect(headers(sheet('fr', 'Experience'))).toContain('Valeur effective');
    expect(headers(sheet('fr', 'Evaluators'))).toContain('Écart');
  });

  it('styles every sheet: bold header, frozen header row, filter over the header, fitted widths', () => {
    for (const ws of books.en.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBe(`A1:${ws.getRow(1).getCell(ws.columnCount).address.replace(/\d+$/, '')}1`);
      for (const column of ws.columns) expect(column.width ?? 9).toBeLessThanOrEqual(60);
    }
    expect(sheet('en', 'Shortlist').getColumn(3).width).toBeGreaterThan(20);
  });

  it('writes numbers, points and PASS/FAIL verdicts with formats and status colours', () => {
    const row = findRow(sheet('en', 'Shortlist'), 2, 'c01-idsec');
    expect(row.getCell(1).value).toBe(1);
    expect(row.getCell(6).value).toBe(38);
    expect(row.getCell(6).numFmt).toBe('0.00');
    expect(row.getCell(7).value).toBe('PASS');
    expect(row.getCell(11).value).toBe(20);
    expect(row.getCell(5).value).toBe('Shortlisted');
    expect(row.getCell(5).fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFC6EFCE' },
    });
    const late = findRow(sheet('fr', 'Shortlist'), 2, 'c07-late');
    expect(late.getCell(7).value).toBe('Non conforme');
    expect(late.getCell(8).value).toBe('Conforme');
    expect(late.getCell(13).value).toContain('ELI-1 : US n’est pas un pays admis');
    const invalid = findRow(sheet('en', 'Shortlist'), 2, 'c08-broken');
    expect(invalid.getCell(5).font?.color?.argb).toBe('FFFFFFFF');
    expect(invalid.getCell(6).value).toBeNull();
    // A reason code reads as in the report, never as the bare code.
    expect(findRow(sheet('fr', 'Shortlist'), 2, 'c08-broken').getCell(13).value).toBe(
      'Dossier irrecevable (illisible ou incomplet) : dossier illisible',
    );
    const pending = findRow(sheet('en', 'Shortlist'), 2, 'c06-delta');
    expect(pending.getCell(12).value).toBe('pending');
  });

  it('keeps candidate-written text as plain strings, never formulas', () => {
    const row = findRow(sheet('en', 'Shortlist'), 2, 'c02-hostile');
    const cell = row.getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(HOSTILE_NAME_CLEAN);
    const scored = findRow(sheet('en', 'Evaluators'), 2, 'c02-hostile');
    expect(scored.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(scored.getCell(3).value).toBe(HOSTILE_NAME_CLEAN);
    const comment = scored.getCell(6);
    expect(comment.type).toBe(ExcelJS.ValueType.String);
    expect(comment.value).toBe('=1+1 "quoted" <i>x</i>');
    for (const ws of books.en.worksheets) {
      ws.eachRow((r) =>
        r.eachCell((c) => {
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(c.type).not.toBe(ExcelJS.ValueType.Hyperlink);
          expect(c.formula).toBeUndefined();
        }),
      );
    }
  });

  it('lists gates per candidate with when it was received, the reason and the override', () => {
    const ws = sheet('en', 'Gates');
    expect(headers(ws).slice(0, 4)).toEqual(['Id', 'Candidate', 'Received (UTC)', 'Criterion']);
    expect(headers(sheet('fr', 'Gates'))[2]).toBe('Reçu le (UTC)');
    // On the deadline gate's row, a real date-time the sheet sorts and filters by: the instant in
    // UTC, which the format says.
    const adm1 = findRow(ws, 1, 'c01-idsec', 0);
    expect(adm1.getCell(4).value).toBe('ADM-1');
    expect(adm1.getCell(3).value).toEqual(new Date('2025-11-27T10:15:00Z'));
    expect(adm1.getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm:ss "UTC"');
    const adm2 = findRow(ws, 1, 'c01-idsec', 1);
    expect(adm2.getCell(3).value).toBeNull();
    expect(adm2.getCell(4).value).toBe('ADM-2');
    expect(adm2.getCell(6).value).toBe('PASS');
    expect(adm2.getCell(8).value).toBe(
      'Paul Martin, 2025-12-03T09:30:00Z: Certificat fourni sous le nom rccm-2025.pdf',
    );
    const eli = findRow(ws, 1, 'c07-late', 2);
    expect(eli.getCell(6).value).toBe('FAIL');
    expect(eli.getCell(7).value).toBe('Retard Conseil LLC: US is not allowed (EU, ACP)');
    expect(eli.getCell(7).alignment?.wrapText).toBe(true);
    const invalid = findRow(ws, 1, 'c08-broken');
    expect(invalid.getCell(3).value).toBeNull();
    expect(invalid.getCell(7).value).toBe('unreadable dossier');
  });

  it('lists every reference with real dates, effective value and whether each criterion counted it', () => {
    const ws = sheet('en', 'Experience');
    const member = findRow(ws, 2, 'Human Rights Academy GmbH');
    expect(member.getCell(1).value).toBe('c01-idsec');
    expect(member.getCell(3).value).toBe(1);
    expect(member.getCell(7).value).toEqual(new Date(Date.UTC(2023, 0, 15)));
    // Day first, as the committee writes dates in French and in English.
    expect(member.getCell(7).numFmt).toBe('dd/mm/yyyy');
    expect(member.getCell(8).value).toEqual(new Date(Date.UTC(2024, 4, 31)));
    expect(member.getCell(9).value).toBe(200000);
    expect(member.getCell(9).numFmt).toBe('#,##0.00 "EUR"');
    expect(member.getCell(11).value).toBe('yes — counted: human rights, 2024-05-31');
    const old = findRow(ws, 1, 'c01-idsec', 1);
    expect(old.getCell(12).value).toBe('no — not counted: ended 2019-06-30, before 2020-11-28');
    // No rule verdict: value * share / rate (216,460 USD × 0.5 / 1.0823).
    const computed = findRow(ws, 1, 'c05-gamma');
    expect(computed.getCell(9).value).toBeCloseTo(100000, 6);
    expect(computed.getCell(11).value).toBeNull();
  });

  it('lists manual scores by candidate name and id, with the committee value, spread and consensus flag', () => {
    const ws = sheet('en', 'Evaluators');
    expect(headers(ws).slice(0, 4)).toEqual(['Evaluator', 'Id', 'Candidate', 'Criterion']);
    expect(headers(sheet('fr', 'Evaluators')).slice(0, 4)).toEqual([
      'Évaluateur',
      'Identifiant',
      'Candidat',
      'Critère',
    ]);
    // The evaluator, the id and the name stay in view when scrolling right.
    expect(ws.views[0]).toMatchObject({ xSplit: 3 });
    const row = findRow(ws, 2, 'c02-hostile', 1);
    expect((row.values as unknown[]).slice(1)).toEqual([
      'Marie Sow',
      'c02-hostile',
      HOSTILE_NAME_CLEAN,
      'EXP-3',
      20,
      'Excellente',
      'scores/marie.csv:3',
      15.5,
      9,
      'yes — spread above threshold',
    ]);
    expect(row.getCell(8).numFmt).toBe('0.00');
    const idsec = findRow(ws, 2, 'c01-idsec');
    expect(idsec.getCell(3).value).toBe('Institut Droits & Sécurité SARL');
    expect(idsec.getCell(10).value).toBe('no');
    // A score kept for a candidate whose dossier was withdrawn since: no name to show.
    const report = buildSampleReport();
    const kept = { ...report.scores[0]!, candidate: 'c99-withdrawn' };
    const rows = [...buildEvaluatorsTable({ ...report, scores: [kept] }, 'en').rows];
    expect(rows[0]?.slice(0, 3)).toEqual([kept.evaluator, 'c99-withdrawn', '']);
  });

  it('records the audit log and the run with real dates and hashes', () => {
    const audit = findRow(sheet('en', 'Audit'), 4, 'override');
    expect(audit.getCell(2).value).toEqual(new Date('2025-12-03T09:30:00Z'));
    expect(audit.getCell(2).numFmt).toBe('dd/mm/yyyy hh:mm:ss "UTC"');
    expect(audit.getCell(7).value).toBe('{"passed":false}');
    expect(audit.getCell(8).value).toBe('{"passed":true}');
    const run = sheet('fr', 'Run');
    expect(findRow(run, 1, "Date d'exécution").getCell(2).value).toEqual(new Date('2025-12-05T14:00:00Z'));
    expect(findRow(run, 1, 'Version de prequal').getCell(2).value).toBe('0.1.0');
    expect(findRow(run, 1, 'Grille de critères').getCell(3).value).toBe('c'.repeat(64));
    expect(findRow(run, 1, 'Liste de sanctions (version)').getCell(2).value).toBe('EU-FSF 2025-11-30');
    const dossier = findRow(run, 1, 'Dossier c08-broken');
    expect((dossier.values as unknown[]).slice(1)).toEqual([
      'Dossier c08-broken',
      'dossiers/c08-broken/dossier.yaml',
      '8'.repeat(64),
    ]);
    expect(books.en.created).toEqual(new Date('2025-12-05T14:00:00Z'));
  });

  it('leaves the previous workbook in place when the write fails', async () => {
    const blocker = path.join(dir, 'blocker');
    await fs.writeFile(blocker, 'a file, not a folder');
    const file = path.join(blocker, 'book.xlsx');
    await expect(writeWorkbook(buildSampleReport(), 'en', file)).rejects.toThrow(`Cannot write ${file}`);
    const target = path.join(dir, 'book-en.xlsx');
    const before = await fs.readFile(target);
    await fs.mkdir(path.join(dir, 'locked.xlsx'));
    await fs.writeFile(path.join(dir, 'locked.xlsx', 'x'), '');
    await expect(writeWorkbook(buildSampleReport(), 'en', path.join(dir, 'locked.xlsx'))).rejects.toThrow(
      /Cannot write/,
    );
    expect(await fs.readFile(target)).toEqual(before);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
  });
});
