import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompressionOptions } from '../../src/export/deflated-text.js';
import { StreamingWorkbook } from '../../src/export/xlsx-writer.js';
import { readZipEntries } from './zip-entries.js';

let dir = '';
const properties = { creator: 'prequal test', created: new Date('2025-12-05T14:00:00Z') };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prequal-xlsx-writer-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Writes a workbook filled by `fill` and returns its path, after checking every ZIP entry's CRC and size. */
async function write(
  name: string,
  fill: (workbook: StreamingWorkbook) => Promise<void> | void,
  compression: Partial<CompressionOptions> = {},
): Promise<string> {
  const workbook = new StreamingWorkbook(properties, { spillDirectory: dir, ...compression });
  await fill(workbook);
  const file = path.join(dir, name);
  await workbook.finish(file);
  readZipEntries(await fs.readFile(file));
  return file;
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

const valuesOf = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

/** A 30,000-row sheet, rows fed with a drain every 2,000 as writeWorkbook does. */
async function fillLong(workbook: StreamingWorkbook): Promise<void> {
  const sheet = workbook.addSheet({
    name: 'Long',
    currency: 'EUR',
    columns: [
      { header: 'Id', kind: 'text' },
      { header: 'N', kind: 'int' },
      { header: 'Value', kind: 'money' },
      { header: 'Note', kind: 'wrap' },
    ],
  });
  for (let n = 1; n <= 30_000; n += 1) {
    sheet.addRow([`c${String(n).padStart(5, '0')}`, n, n * 1.25, `note ${n} — é`]);
    if (n % 2000 === 0) await sheet.drain();
  }
}

describe('StreamingWorkbook', () => {
  it('takes rows for two sheets interleaved and keeps each sheet whole, in the order added', async () => {
    const file = await write('interleaved.xlsx', async (workbook) => {
      const gates = workbook.addSheet({
        name: 'Gates',
        currency: 'EUR',
        frozenColumns: 1,
        columns: [
          { header: 'Id', kind: 'text' },
          { header: 'Result', kind: 'text' },
        ],
      });
      const experience = workbook.addSheet({
        name: 'Experience',
        currency: 'XOF',
        columns: [
          { header: 'Id', kind: 'text' },
          { header: 'Start', kind: 'date' },
          { header: 'Value', kind: 'money' },
        ],
      });
      for (let n = 1; n <= 5000; n += 1) {
        gates.addRow([`c${n}`, { value: n % 2 ? 'PASS' : 'FAIL', tone: n % 2 ? 'pass' : 'fail' }]);
        experience.addRow([`c${n}`, new Date(Date.UTC(2020, 0, n)), n * 1000]);
        experience.addRow([`c${n}`, null, null]);
        if (n % 1000 === 0) await Promise.all([gates.drain(), experience.drain()]);
      }
    });
    const workbook = await read(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Gates', 'Experience']);
    const gates = sheetOf(workbook, 'Gates');
    expect(gates.rowCount).toBe(5001);
    expect(valuesOf(gates.getRow(5001))).toEqual(['c5000', 'FAIL']);
    expect(gates.getRow(2).getCell(2).fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(gates.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2' });
    const experience = sheetOf(workbook, 'Experience');
    expect(experience.rowCount).toBe(10_001);
    const last = experience.getRow(10_000);
    expect(last.getCell(2).value).toEqual(new Date(Date.UTC(2020, 0, 5000)));
    expect(last.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(last.getCell(3).value).toBe(5_000_000);
    expect(last.getCell(3).numFmt).toBe('#,##0.00 "XOF"');
    expect(valuesOf(experience.getRow(10_001))).toEqual(['c5000']);
    expect(experience.getColumn(3).width).toBe(Math.ceil('5000000.00'.length * 1.3 + 4) + 1);
  });

  it('gives a row with wrapped text the height of its lines, whatever the fitted width', async () => {
    const lines = (count: number) => Array.from({ length: count }, (_, n) => `line ${n}`).join('\n');
    const file = await write('heights.xlsx', (workbook) => {
      const sheet = workbook.addSheet({
        name: 'Heights',
        currency: 'EUR',
        columns: [
          { header: 'Id', kind: 'text' },
          { header: 'Reason', kind: 'wrap' },
        ],
      });
      sheet.addRow(['one line', 'short']);
      sheet.addRow(['three lines', lines(3)]);
      // 150 characters at 59 a line (the widest column, 60, less one): 3 lines.
      sheet.addRow(['one long line', 'x'.repeat(150)]);
      // Text in a column that does not wrap takes one line, however long.
      sheet.addRow([lines(5), 'short']);
      sheet.addRow(['capped', lines(40)]);
    });
    const sheet = sheetOf(await read(file), 'Heights');
    expect([2, 3, 4, 5, 6].map((row) => sheet.getRow(row).height)).toEqual([
      undefined,
      45,
      45,
      undefined,
      409,
    ]);
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getRow(3).getCell(2).alignment?.wrapText).toBe(true);
  });

  it('writes a 30,000-row sheet whose last row reads back right, spilled to disk or not, byte for byte the same', async () => {
    const inMemory = await write('long.xlsx', fillLong);
    // A threshold of 64 KiB sends the compressed rows through a temporary file.
    const spilled = await write('long-spilled.xlsx', fillLong, { spillThreshold: 1 << 16 });
    expect(await fs.readFile(spilled)).toEqual(await fs.readFile(inMemory));
    expect((await fs.readdir(dir)).filter((name) => name.startsWith('.prequal-spill'))).toEqual([]);
    const sheet = sheetOf(await read(spilled), 'Long');
    expect(sheet.rowCount).toBe(30_001);
    expect(valuesOf(sheet.getRow(30_001))).toEqual(['c30000', 30_000, 37_500, 'note 30000 — é']);
  });

  it('gives the same bytes for the same input', async () => {
    const first = await write('same-1.xlsx', fillLong);
    const second = await write('same-2.xlsx', fillLong);
    expect(await fs.readFile(second)).toEqual(await fs.readFile(first));
  });

  it('keeps XML-special, escape-like and formula-like text as plain strings; drops what XML forbids', async () => {
    const texts: [written: string, shown: string][] = [
      ['<b>bold</b> & "quoted" \'single\' ]]> &amp;', '<b>bold</b> & "quoted" \'single\' ]]> &amp;'],
      ['=1+1', '=1+1'],
      ["+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0"],
      ['@SUM(1)', '@SUM(1)'],
      ['-2+3\t=1+1', '-2+3\t=1+1'],
      ['nul\u0000 bell\u0007 vt\u000b esc\u001b[31mred del\u007f', 'nul bell vt escred del'],
      ['lone \ud800 surrogate \ufffe end, pair 😀 kept', 'lone  surrogate  end, pair 😀 kept'],
      ['  leading and trailing spaces  ', '  leading and trailing spaces  '],
    ];
    const file = await write('special.xlsx', (workbook) => {
      const sheet = workbook.addSheet({
        name: 'Special',
        currency: 'EUR',
        columns: [
          { header: 'Text <&>', kind: 'text' },
          { header: 'Number', kind: 'points' },
        ],
      });
      for (const [written] of texts) sheet.addRow([written, Number.NaN]);
      sheet.addRow(['', { value: null, tone: 'pass' }]);
    });
    const sheet = sheetOf(await read(file), 'Special');
    expect(sheet.getRow(1).getCell(1).value).toBe('Text <&>');
    texts.forEach(([, shown], index) => {
      const row = sheet.getRow(index + 2);
      const cell = row.getCell(1);
      expect(cell.type, shown).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(shown);
      // NaN has no spreadsheet value: no cell.
      expect(row.getCell(2).value).toBeNull();
    });
    // An empty text is a blank cell; a blank cell with a tone keeps its colour.
    const blank = sheet.getRow(texts.length + 2);
    expect(blank.getCell(1).value).toBeNull();
    expect(blank.getCell(2).fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
  });

  it('writes the underscore of an `_xHHHH_` sequence escaped, so spreadsheets show the text as typed', async () => {
    const file = await write('escape-like.xlsx', (workbook) => {
      const sheet = workbook.addSheet({
        name: 'S',
        currency: 'EUR',
        columns: [{ header: 'T', kind: 'text' }],
      });
      sheet.addRow(['_x0041_ and _x00e9_ stay, _x41_ and x0041 too']);
    });
    // Excel and LibreOffice read `_x0041_` in a cell as "A" (checked with LibreOffice 7.4); exceljs's
    // reader does not decode inline strings, so the XML is checked instead.
    const xml = readZipEntries(await fs.readFile(file))
      .get('xl/worksheets/sheet1.xml')
      ?.toString();
    expect(xml).toContain('>_x005F_x0041_ and _x005F_x00e9_ stay, _x41_ and x0041 too</t>');
  });

  it('leaves nothing behind when discarded after a failure', async () => {
    const workbook = new StreamingWorkbook(properties, { spillDirectory: dir, spillThreshold: 1 << 10 });
    const sheet = workbook.addSheet({
      name: 'Partial',
      currency: 'EUR',
      columns: [{ header: 'N', kind: 'int' }],
    });
    for (let n = 0; n < 20_000; n += 1) sheet.addRow([n]);
    await sheet.drain();
    await workbook.discard();
    expect(() => sheet.addRow([1])).toThrow(/already written/);
    expect((await fs.readdir(dir)).filter((name) => name.startsWith('.prequal-spill'))).toEqual([]);
  });
});
