/**
 * The parts of an .xlsx package around its worksheets: content types, relationships, document
 * properties and the workbook (sheet list, print titles, filter ranges). Small, fixed XML.
 */

import { columnLetter } from './xlsx-sheet.js';
import { escapeXml } from './xml-text.js';

export interface WorkbookProperties {
  creator: string;
  /** Recorded as both created and modified: the run clock, so the same run gives the same file. */
  created: Date;
}

/** What the workbook part needs of a sheet. */
export interface SheetEntry {
  name: string;
  columnCount: number;
}

export interface PackagePart {
  name: string;
  text: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOCUMENT_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument';

export const worksheetPartName = (index: number) => `xl/worksheets/sheet${index + 1}.xml`;

function relationships(targets: { type: string; target: string }[]): string {
  const items = targets.map(
    ({ type, target }, index) => `<Relationship Id="rId${index + 1}" Type="${type}" Target="${target}"/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">${items.join('')}</Relationships>`;
}

function contentTypes(sheets: SheetEntry[]): string {
  const overrides = [
    ['/xl/workbook.xml', `${CONTENT_TYPE}.spreadsheetml.sheet.main+xml`],
    ['/xl/styles.xml', `${CONTENT_TYPE}.spreadsheetml.styles+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', `${CONTENT_TYPE}.extended-properties+xml`],
    ...sheets.map((_, index) => [
      `/${worksheetPartName(index)}`,
      `${CONTENT_TYPE}.spreadsheetml.worksheet+xml`,
    ]),
  ];
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

/** W3CDTF to the second, as Office writes it. */
const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function coreProperties(properties: WorkbookProperties): string {
  const when = w3cdtf(properties.created);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(properties.creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appProperties(sheets: SheetEntry[]): string {
  const names = sheets.map((sheet) => `<vt:lpstr>${escapeXml(sheet.name)}</vt:lpstr>`).join('');
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"` +
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>prequal</Application>' +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    '</Properties>'
  );
}

/** A sheet-local defined name: Excel reads the print titles and the filter range from these. */
function definedName(name: string, index: number, sheet: string, range: string, hidden = false): string {
  const reference = `'${sheet.replace(/'/g, "''")}'!${range}`;
  return `<definedName name="${name}" localSheetId="${index}"${hidden ? ' hidden="1"' : ''}>${escapeXml(reference)}</definedName>`;
}

function workbook(sheets: SheetEntry[]): string {
  const list = sheets.map(
    (sheet, index) =>
      `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
  );
  const names = sheets.flatMap((sheet, index) => {
    const last = columnLetter(Math.max(1, sheet.columnCount));
    return [
      definedName('_xlnm._FilterDatabase', index, sheet.name, `$A$1:$${last}$1`, true),
      definedName('_xlnm.Print_Titles', index, sheet.name, '$1:$1'),
    ];
  });
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${DOCUMENT_RELATIONSHIP}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets>${list.join('')}</sheets><definedNames>${names.join('')}</definedNames>` +
    '</workbook>'
  );
}

/** Every part but the worksheets, in the order they are stored. */
export function packageParts(
  properties: WorkbookProperties,
  sheets: SheetEntry[],
  styles: string,
): PackagePart[] {
  const sheetRelationships = sheets.map((_, index) => ({
    type: `${DOCUMENT_RELATIONSHIP}/worksheet`,
    target: worksheetPartName(index).replace('xl/', ''),
  }));
  return [
    { name: '[Content_Types].xml', text: contentTypes(sheets) },
    {
      name: '_rels/.rels',
      text: relationships([
        { type: `${DOCUMENT_RELATIONSHIP}/officeDocument`, target: 'xl/workbook.xml' },
        { type: `${RELATIONSHIPS}/metadata/core-properties`, target: 'docProps/core.xml' },
        { type: `${DOCUMENT_RELATIONSHIP}/extended-properties`, target: 'docProps/app.xml' },
      ]),
    },
    { name: 'docProps/core.xml', text: coreProperties(properties) },
    { name: 'docProps/app.xml', text: appProperties(sheets) },
    { name: 'xl/workbook.xml', text: workbook(sheets) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: relationships([
        ...sheetRelationships,
        { type: `${DOCUMENT_RELATIONSHIP}/styles`, target: 'styles.xml' },
      ]),
    },
    { name: 'xl/styles.xml', text: styles },
  ];
}
