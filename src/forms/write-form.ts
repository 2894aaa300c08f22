/**
 * Writes the application form (.xlsx): bilingual headers, an instruction row, frozen headers,
 * drop-down lists and number/date validation, so that candidates fill in what the dossier
 * validation expects. exceljs is loaded only here, on demand.
 */
import type ExcelJS from 'exceljs';
import type { Dossier, Lang } from '../core/types.js';
import { COUNTRY_CODES } from './country-codes.js';
import { type CellInput, formRowsOf } from './dossier-rows.js';
import {
  BOOLEAN_WORDS,
  type ColumnKind,
  columnLetter,
  FIRST_DATA_ROW,
  type FormSheet,
  HEADER_ROW,
  INSTRUCTION_ROW,
  LISTS_SHEET,
  SHEETS,
  SPARE_ROWS,
} from './layout.js';

export interface FormOptions {
  /** Creation time stamped in the workbook; fixed by default so the same input gives the same file. */
  createdAt?: Date;
}

const FIXED_CREATED = new Date(Date.UTC(2025, 0, 1));
const DATE_FORMAT = 'yyyy-mm-dd';

type Validation = ExcelJS.DataValidation;
/** exceljs supports range validations but does not declare `dataValidations` on Worksheet. */
type WithValidations = { dataValidations: { add(range: string, validation: Validation): void } };

function validationOf(kind: ColumnKind, lang: Lang): Validation | null {
  const fr = lang === 'fr';
  const error = (frText: string, enText: string) => ({
    showErrorMessage: true,
    allowBlank: true,
    error: fr ? frText : enText,
  });
  switch (kind) {
    case 'country':
      return {
        type: 'list',
        formulae: [`${LISTS_SHEET}!$A$1:$A$${COUNTRY_CODES.length}`],
        errorStyle: 'warning',
        ...error('Code pays ISO à deux lettres', 'Two-letter ISO country code'),
      };
    case 'memberRole':
      return {
        type: 'list',
        formulae: ['"member,capacity_provider"'],
        ...error('member ou capacity_provider', 'member or capacity_provider'),
      };
    case 'boolean':
      return {
        type: 'list',
        formulae: [`"${BOOLEAN_WORDS[lang].join(',')}"`],
        ...error('oui ou non', 'yes or no'),
      };
    case 'entity':
    case 'integer':
      return {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        ...error('Nombre entier ≥ 0', 'Whole number ≥ 0'),
      };
    case 'year':
      return {
        type: 'whole',
        operator: 'between',
        formulae: [1900, 2999],
        ...error('Année sur 4 chiffres', 'Four-digit year'),
      };
    case 'amount':
      return {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        ...error('Nombre ≥ 0', 'Number ≥ 0'),
      };
    case 'share':
      return {
        type: 'decimal',
        operator: 'between',
        formulae: [0, 1],
        ...error('Part entre 0 et 1', 'Share between 0 and 1'),
      };
    case 'date':
      return {
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        ...error('Date AAAA-MM-JJ', 'Date YYYY-MM-DD'),
      };
    default:
      return null;
  }
}

/** A row value as the cell should hold it: never a formula, dates as real dates. */
function cellValueOf(kind: ColumnKind, value: CellInput, lang: Lang): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.join(', ');
  if (kind === 'boolean' && typeof value === 'boolean') return BOOLEAN_WORDS[lang][value ? 0 : 1];
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return value;
}

function addSheet(workbook: ExcelJS.Workbook, layout: FormSheet, rows: CellInput[][], lang: Lang): void {
  const sheet = workbook.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const last = columnLetter(layout.columns.length);
  sheet.mergeCells(`A${INSTRUCTION_ROW}:${last}${INSTRUCTION_ROW}`);
  const instruction = sheet.getCell(`A${INSTRUCTION_ROW}`);
  instruction.value = layout.instruction[lang];
  instruction.alignment = { wrapText: true, vertical: 'top' };
  instruction.font = { italic: true };
  sheet.getRow(INSTRUCTION_ROW).height = 36;
  const header = sheet.getRow(HEADER_ROW);
  layout.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.label[lang];
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    sheet.getColumn(i + 1).width = column.width;
    if (column.kind === 'date') sheet.getColumn(i + 1).numFmt = DATE_FORMAT;
  });
  rows.forEach((values, r) => {
    const row = sheet.getRow(FIRST_DATA_ROW + r);
    layout.columns.forEach((column, i) => {
      row.getCell(i + 1).value = cellValueOf(column.kind, values[i], lang);
    });
  });
  const lastRow = FIRST_DATA_ROW + rows.length + SPARE_ROWS - 1;
  layout.columns.forEach((column, i) => {
    const validation = validationOf(column.kind, lang);
    const letter = columnLetter(i + 1);
    if (validation) {
      (sheet as unknown as WithValidations).dataValidations.add(
        `${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`,
        validation,
      );
    }
  });
}

async function writeForm(
  dossier: Dossier | null,
  file: string,
  lang: Lang,
  options: FormOptions,
): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'prequal';
  workbook.created = options.createdAt ?? FIXED_CREATED;
  workbook.modified = options.createdAt ?? FIXED_CREATED;
  const rows = formRowsOf(dossier);
  for (const layout of SHEETS) addSheet(workbook, layout, rows[layout.name] ?? [], lang);
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  COUNTRY_CODES.forEach((code, i) => {
    lists.getCell(`A${i + 1}`).value = code;
  });
  await workbook.xlsx.writeFile(file);
}

/** Writes a blank application form in the given language. */
export async function writeApplicationForm(
  file: string,
  lang: Lang,
  options: FormOptions = {},
): Promise<void> {
  await writeForm(null, file, lang, options);
}

/** Writes a dossier into the application form, e.g. to hand a candidate its data back for correction. */
export async function writeDossierToForm(
  dossier: Dossier,
  file: string,
  lang: Lang,
  options: FormOptions = {},
): Promise<void> {
  await writeForm(dossier, file, lang, options);
}
