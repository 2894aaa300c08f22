/**
 * The XML of a worksheet: cells and rows as they stream, and the parts before and after the
 * rows. The part before (`<sheetViews>`, `<cols>`) holds the fitted widths, known only once
 * every row is in, so it is made last and put in front (see xlsx-writer.ts).
 */

import { columnLetter } from './xlsx-sheet.js';
import { escapeCellText } from './xml-text.js';

/** A text cell: always an inline string, so nothing a candidate writes is read as a formula or a number. */
export function textCell(reference: string, style: number, text: string): string {
  return `<c r="${reference}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(text)}</t></is></c>`;
}

export function numberCell(reference: string, style: number, value: number): string {
  return `<c r="${reference}" s="${style}"><v>${value}</v></c>`;
}

/** A cell with a style (its colour) and no value. */
export function emptyCell(reference: string, style: number): string {
  return `<c r="${reference}" s="${style}"/>`;
}

export function rowXml(row: number, height: number | undefined, cells: string): string {
  return height === undefined
    ? `<row r="${row}">${cells}</row>`
    : `<row r="${row}" ht="${height}" customHeight="1">${cells}</row>`;
}

/** Days since 1899-12-30 (Excel's day 0), taken in UTC: a date written as 2023-01-15 shows as 2023-01-15. */
export function excelSerial(date: Date): number {
  return 25569 + date.getTime() / 86_400_000;
}

export interface SheetLayout {
  /** Columns kept visible when scrolling right; the header row is always frozen. */
  frozenColumns: number;
  /** Fitted width of each column. */
  widths: number[];
  /** Extent of the cells written, header included. */
  lastColumn: number;
  lastRow: number;
}

/** Frozen header row (and columns), the cursor on A2 as the workbook opens. */
function sheetView(frozenColumns: number): string {
  const pane =
    frozenColumns > 0
      ? `<pane xSplit="${frozenColumns}" ySplit="1" topLeftCell="${columnLetter(frozenColumns + 1)}2" activePane="bottomRight" state="frozen"/>` +
        '<selection pane="bottomRight" activeCell="A2" sqref="A2"/>'
      : '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';
  return `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`;
}

/** `<cols>`, neighbours of equal width in one range as Excel writes them; nothing when there are no columns. */
function columnWidths(widths: number[]): string {
  let cols = '';
  for (let start = 0; start < widths.length; ) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end += 1;
    cols += `<col min="${start + 1}" max="${end + 1}" width="${widths[start]}" customWidth="1"/>`;
    start = end + 1;
  }
  return cols ? `<cols>${cols}</cols>` : '';
}

/** Everything before the first row. Printed, a sheet fits the page width (landscape). */
export function worksheetStart(layout: SheetLayout): string {
  const extent = `A1:${columnLetter(Math.max(1, layout.lastColumn))}${layout.lastRow}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="${extent}"/>` +
    sheetView(layout.frozenColumns) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columnWidths(layout.widths) +
    '<sheetData>'
  );
}

/**
 * Everything after the last row: the filter on the header row (its range is also named in the
 * workbook), A4 landscape fitted to one page wide; the header row repeats on every printed
 * page through the workbook's print titles.
 */
export function worksheetEnd(columnCount: number): string {
  return (
    `</sheetData><autoFilter ref="A1:${columnLetter(Math.max(1, columnCount))}1"/>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}
