/**
 * Reads a filled application form back into the plain object a dossier.yaml parses to, so the
 * ordinary dossier validation applies afterwards. Cell-level problems are reported with the
 * sheet and cell (`References!G5`); the reader never stops at the first one.
 */
import type { InputIssue } from '../core/types.js';
import { isBlank, type Plain, plainOf, readCell } from './cells.js';
import { assembleDocument, type FormRow } from './form-document.js';
import { columnLetter, FIRST_DATA_ROW, type FormSheet, HEADER_ROW, SHEETS } from './layout.js';
import { loadBoundedWorkbook } from './zip-bounds.js';

/** The minimal view of an exceljs worksheet this reader needs. */
interface SheetView {
  getCell(address: string): { value: unknown };
  /** Visits the rows the file defines, in order (exceljs skips the others). */
  eachRow(callback: (row: unknown, rowNumber: number) => void): void;
}

/**
 * Records one sheet may hold. The form comes with SPARE_ROWS rows to fill; a dossier.yaml is
 * bounded by its node count (DEFAULT_LIMITS) the same way. Rows are visited as the file defines
 * them, never counted up to the sheet's last row: an 18 KB form with one cell in row 1,048,576
 * of each sheet made the reader create every row in between, and the run died out of memory.
 */
export const MAX_FORM_ROWS = 5_000;

/** The data rows the sheet defines (blank ones included), in order, and the first past MAX_FORM_ROWS. */
function dataRowNumbers(sheet: SheetView): { numbers: number[]; beyond: number | null } {
  const numbers: number[] = [];
  let beyond: number | null = null;
  sheet.eachRow((_row, rowNumber) => {
    if (rowNumber < FIRST_DATA_ROW || beyond !== null) return;
    if (rowNumber >= FIRST_DATA_ROW + MAX_FORM_ROWS) beyond = rowNumber;
    else numbers.push(rowNumber);
  });
  return { numbers, beyond };
}

function checkHeaders(sheet: SheetView, layout: FormSheet, file: string, issues: InputIssue[]): void {
  layout.columns.forEach((column, i) => {
    const address = `${columnLetter(i + 1)}${HEADER_ROW}`;
    const found = String(plainOf(sheet.getCell(address).value) ?? '').trim();
    if (found !== column.label.fr && found !== column.label.en) {
      issues.push({
        file,
        path: `${layout.name}!${address}`,
        message: `header "${found}" should be "${column.label.en}" (or "${column.label.fr}"): columns must keep their order`,
      });
    }
  });
}

function readRows(sheet: SheetView, layout: FormSheet, file: string, issues: InputIssue[]): FormRow[] {
  const rows: FormRow[] = [];
  const { numbers, beyond } = dataRowNumbers(sheet);
  if (beyond !== null) {
    const last = FIRST_DATA_ROW + MAX_FORM_ROWS - 1;
    issues.push({
      file,
      path: `${layout.name}!A${beyond}`,
      message: `row ${beyond} is beyond the last row a form may use (${last}: at most ${MAX_FORM_ROWS} records per sheet)`,
    });
    return rows;
  }
  for (const r of numbers) {
    const plains: Plain[] = layout.columns.map((_, i) =>
      plainOf(sheet.getCell(`${columnLetter(i + 1)}${r}`).value),
    );
    if (plains.every(isBlank)) continue;
    const row: FormRow = { sheet: layout.name, row: r, values: {}, cells: {} };
    layout.columns.forEach((column, i) => {
      const address = `${columnLetter(i + 1)}${r}`;
      row.cells[column.key] = address;
      const plain = plains[i]!;
      if (isBlank(plain)) return;
      const read = readCell(column.kind, plain as Exclude<Plain, null>);
      row.values[column.key] = read.value;
      if (read.problem) issues.push({ file, path: `${layout.name}!${address}`, message: read.problem });
    });
    rows.push(row);
  }
  return rows;
}

/**
 * Reads the form at `file`. `displayPath` (relative to the workspace, e.g.
 * `dossiers/c01/application-form.xlsx`) is what issues name; it defaults to `file`.
 */
export async function readApplicationForm(
  file: string,
  displayPath: string = file,
): Promise<{ document: unknown; issues: InputIssue[] }> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const issues: InputIssue[] = [];
  try {
    const problem = await loadBoundedWorkbook(workbook, file);
    if (problem !== null) {
      issues.push({ file: displayPath, path: '', message: problem });
      return { document: null, issues };
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    issues.push({ file: displayPath, path: '', message: `not a readable .xlsx workbook: ${reason}` });
    return { document: null, issues };
  }
  const sheets: Record<string, FormRow[]> = {};
  for (const layout of SHEETS) {
    const sheet = workbook.getWorksheet(layout.name);
    if (!sheet) {
      issues.push({ file: displayPath, path: layout.name, message: `sheet "${layout.name}" is missing` });
      sheets[layout.name] = [];
      continue;
    }
    checkHeaders(sheet, layout, displayPath, issues);
    sheets[layout.name] = readRows(sheet, layout, displayPath, issues);
  }
  const document = assembleDocument(sheets, (row, key, message) => {
    issues.push({
      file: displayPath,
      path: `${row.sheet}!${(key === null ? undefined : row.cells[key]) ?? `A${row.row}`}`,
      message,
    });
  });
  return { document, issues };
}
