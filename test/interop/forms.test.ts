import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { deflatedEntry, writeZip } from '../../src/export/zip-writer.js';
import { FIRST_DATA_ROW } from '../../src/forms/layout.js';
import { MAX_FORM_ROWS, readApplicationForm } from '../../src/forms/read-form.js';
import { writeApplicationForm, writeDossierToForm } from '../../src/forms/write-form.js';
import { sampleDossier } from './sample-report.js';

const dir = mkdtempSync(join(tmpdir(), 'prequal-forms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens a written form, lets the test change cells, and saves it under a new name. */
async function editForm(source: string, target: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  edit(workbook);
  await workbook.xlsx.writeFile(target);
}

describe('application form round trip', () => {
  it.each(['fr', 'en'] as const)('reads back exactly the dossier it was written from (%s)', async (lang) => {
    const file = join(dir, `roundtrip-${lang}.xlsx`);
    await writeDossierToForm(sampleDossier(), file, lang);
    const { document, issues } = await readApplicationForm(file, 'dossiers/c01/application-form.xlsx');
    expect(issues).toEqual([]);
    expect(document).toEqual(sampleDossier());
  });
});

describe('blank application form', () => {
  it('has every sheet with bilingual headers, an instruction row, frozen headers and validation', async () => {
    const file = join(dir, 'blank-fr.xlsx');
    await writeApplicationForm(file, 'fr');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Identity',
      'Members',
      'Declarations',
      'Financials',
      'Staff',
      'References',
      'Experts',
      'Documents',
      'Lists',
    ]);
    const refs = workbook.getWorksheet('References')!;
    expect(refs.getCell('B2').value).toBe('Intitulé');
    expect(String(refs.getCell('A1').value)).toMatch(/^Pays et mots-clés/);
    expect(refs.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(refs.getCell('G3').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
    });
    expect(refs.getCell('E40').dataValidation).toMatchObject({ type: 'date' });
    expect(workbook.getWorksheet('Declarations')!.getCell('C3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"oui,non"'],
    });
    expect(workbook.getWorksheet('Members')!.getCell('C3').dataValidation?.formulae).toEqual([
      'Lists!$A$1:$A$250',
    ]);
    expect(workbook.getWorksheet('Lists')!.state).toBe('hidden');

    const { document, issues } = await readApplicationForm(file);
    expect(issues.map((i) => [i.path, i.message])).toEqual([['Identity!A3', 'the candidate row is empty']]);
    expect(document).toEqual({
      candidate: {},
      members: [],
      declarations: {},
      references: [],
      experts: [],
      documents: {},
    });
  });
});

describe('cell-level problems', () => {
  it('names the sheet and cell of every unreadable value and keeps the raw text', async () => {
    const source = join(dir, 'source.xlsx');
    const broken = join(dir, 'broken.xlsx');
    await writeDossierToForm(sampleDossier(), source, 'en');
    await editForm(source, broken, (wb) => {
      const refs = wb.getWorksheet('References')!;
      refs.getCell('G5').value = 'lots';
      refs.getCell('F3').value = '2022-02-30';
      refs.getCell('A4').value = 7;
      wb.getWorksheet('Identity')!.getCell('D3').value = '27/11/2025';
      wb.getWorksheet('Declarations')!.getCell('C3').value = 'maybe';
      wb.getWorksheet('Experts')!.getCell('B3').value = null;
    });
    const { document, issues } = await readApplicationForm(broken, 'dossiers/c01/application-form.xlsx');
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['Identity!D3', '"27/11/2025" is not a date and time with an offset (e.g. 2025-11-27T10:15:00Z)'],
      ['Declarations!C3', '"maybe" is not yes or no'],
      ['References!F3', '"2022-02-30" is not a date (YYYY-MM-DD)'],
      ['References!G5', '"lots" is not a number ≥ 0'],
      ['Experts!B3', 'name is required'],
      ['References!A4', 'entity 7 is neither 0 (lead) nor a member number'],
    ]);
    expect(issues.every((i) => i.file === 'dossiers/c01/application-form.xlsx')).toBe(true);
    const doc = document as { submitted_at: string; references: { end?: string }[] };
    expect(doc.submitted_at).toBe('27/11/2025');
    expect(doc.references[0]?.end).toBe('2022-02-30');
  });

  it('reports reordered columns, a missing sheet and a file that is not a workbook', async () => {
    const source = join(dir, 'source2.xlsx');
    const edited = join(dir, 'edited.xlsx');
    await writeApplicationForm(source, 'en');
    await editForm(source, edited, (wb) => {
      wb.getWorksheet('Staff')!.getCell('B2').value = 'Relevant staff';
      wb.removeWorksheet(wb.getWorksheet('Documents')!.id);
    });
    const { issues } = await readApplicationForm(edited);
    expect(issues.map((i) => i.path)).toEqual(['Staff!B2', 'Documents', 'Identity!A3']);

    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip');
    const read = await readApplicationForm(junk, 'dossiers/x/form.xlsx');
    expect(read.document).toBeNull();
    expect(read.issues[0]).toMatchObject({ file: 'dossiers/x/form.xlsx', path: '' });
  });

  it('accepts values typed the way spreadsheets store them', async () => {
    const source = join(dir, 'source3.xlsx');
    const typed = join(dir, 'typed.xlsx');
    await writeDossierToForm(sampleDossier(), source, 'fr');
    await editForm(source, typed, (wb) => {
      wb.getWorksheet('Identity')!.getCell('D3').value = new Date(Date.UTC(2025, 10, 27, 10, 15));
      wb.getWorksheet('Declarations')!.getCell('C3').value = true;
      wb.getWorksheet('References')!.getCell('G3').value = '450000';
      wb.getWorksheet('References')!.getCell('E3').value = '2021-03-01';
    });
    const { document, issues } = await readApplicationForm(typed);
    expect(issues).toEqual([]);
    expect(document).toEqual(sampleDossier());
  });
});

describe('hostile application forms', () => {
  it('refuses a row past the last one a form may use, without visiting the rows in between', async () => {
    const source = join(dir, 'source-far.xlsx');
    const far = join(dir, 'far.xlsx');
    await writeDossierToForm(sampleDossier(), source, 'en');
    // Counted up to the sheet's last row, this 1,048,576th row took gigabytes and a minute per sheet.
    await editForm(source, far, (wb) => {
      for (const name of ['References', 'Experts']) wb.getWorksheet(name)!.getCell('A1048576').value = 'x';
    });
    const { issues } = await readApplicationForm(far, 'dossiers/c01/application-form.xlsx');
    const last = FIRST_DATA_ROW + MAX_FORM_ROWS - 1;
    expect(issues).toEqual([
      {
        file: 'dossiers/c01/application-form.xlsx',
        path: 'References!A1048576',
        message: `row 1048576 is beyond the last row a form may use (${last}: at most ${MAX_FORM_ROWS} records per sheet)`,
      },
      expect.objectContaining({ path: 'Experts!A1048576' }),
    ]);
  });

  it('refuses a form that inflates past the content limit, before exceljs reads it', async () => {
    const bomb = join(dir, 'bomb.xlsx');
    // 60 MB of one letter deflate to some 60 KB: the file is far under the 5 MB file limit.
    await writeZip(
      bomb,
      [deflatedEntry('xl/sharedStrings.xml', 'a'.repeat(60 * 1024 * 1024), 1)],
      new Date(0),
    );
    const { document, issues } = await readApplicationForm(bomb, 'dossiers/z/application-form.xlsx');
    expect(document).toBeNull();
    expect(issues).toEqual([
      {
        file: 'dossiers/z/application-form.xlsx',
        path: '',
        message: 'the workbook holds more than 50 MB once uncompressed: refused unread',
      },
    ]);
  });
});
