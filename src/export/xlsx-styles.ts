/**
 * The workbook's styles.xml, built from the enumerations of the house style: one cell format
 * per (column kind, tone, numeric value) — the number format applies to numbers and dates only —
 * plus the header's. Cells carry a precomputed index into that table, nothing per cell.
 */

import { type ColumnKind, HEADER_FILL, numberFormat, TONES, type Tone } from './xlsx-sheet.js';
import { escapeXml } from './xml-text.js';

const KIND_INDEX: Record<ColumnKind, number> = {
  text: 0,
  wrap: 1,
  int: 2,
  points: 3,
  money: 4,
  date: 5,
  datetime: 6,
};
const KINDS = Object.keys(KIND_INDEX) as ColumnKind[];
const TONE_NAMES = Object.keys(TONES) as Tone[];
/** Tone slot 0 is "no tone". */
const TONE_INDEX = new Map<Tone | undefined, number>(TONE_NAMES.map((tone, index) => [tone, index + 1]));
const TONE_SLOTS = TONE_NAMES.length + 1;

/** Index of a (kind, tone, numeric) combination in the table returned by StyleTable.indexesFor. */
export function styleSlot(kind: ColumnKind, tone: Tone | undefined, numeric: boolean): number {
  return ((KIND_INDEX[kind] ?? 0) * TONE_SLOTS + (TONE_INDEX.get(tone) ?? 0)) * 2 + (numeric ? 1 : 0);
}

/** The default format (0) and the header's (1). */
export const HEADER_STYLE = 1;

/** Number formats Excel knows by id; any other gets an id from 164 up. */
const BUILT_IN_FORMATS = new Map([
  ['0', 1],
  ['0.00', 2],
]);
const FIRST_CUSTOM_FORMAT = 164;

const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
/** Default, bold (header), then each colour a tone's text has. */
const FONT_COLOURS = [...new Set(TONE_NAMES.flatMap((tone) => TONES[tone].font ?? []))];
const FONTS = [
  `<font>${FONT}</font>`,
  `<font><b/>${FONT}</font>`,
  ...FONT_COLOURS.map(
    (argb) => `<font><sz val="11"/><color rgb="${argb}"/><name val="Calibri"/><family val="2"/></font>`,
  ),
];
/** The two fills every workbook starts with, the header's, then each tone's. */
const FILL_COLOURS = [...new Set([HEADER_FILL, ...TONE_NAMES.map((tone) => TONES[tone].fill)])];
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  ...FILL_COLOURS.map(
    (argb) =>
      `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`,
  ),
];

function cellFormat(numberFormatId: number, fontId: number, fillId: number, alignment: string): string {
  const applied = [
    numberFormatId ? ' applyNumberFormat="1"' : '',
    fontId ? ' applyFont="1"' : '',
    fillId ? ' applyFill="1"' : '',
  ].join('');
  return (
    `<xf numFmtId="${numberFormatId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}` +
    ` applyAlignment="1"><alignment ${alignment}/></xf>`
  );
}

const HEADER_FORMAT = cellFormat(0, 1, 2 + FILL_COLOURS.indexOf(HEADER_FILL), 'vertical="center"');

/** The cell formats of a workbook, in the order its sheets asked for them (so the same sheets give the same file). */
export class StyleTable {
  readonly #customFormats: string[] = [];
  readonly #formats = new Map<string, number>([
    ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0],
    [HEADER_FORMAT, HEADER_STYLE],
  ]);

  /** The format index of every styleSlot for a sheet whose money is in `currency`. */
  indexesFor(currency: string): Uint16Array {
    const indexes = new Uint16Array(KINDS.length * TONE_SLOTS * 2);
    for (const kind of KINDS)
      for (const tone of [undefined, ...TONE_NAMES])
        for (const numeric of [false, true])
          indexes[styleSlot(kind, tone, numeric)] = this.#intern(this.#format(kind, tone, numeric, currency));
    return indexes;
  }

  #format(kind: ColumnKind, tone: Tone | undefined, numeric: boolean, currency: string): string {
    const code = numeric ? numberFormat(kind, currency) : undefined;
    const colours = tone ? TONES[tone] : undefined;
    return cellFormat(
      code === undefined ? 0 : this.#numberFormatId(code),
      colours?.font ? 2 + FONT_COLOURS.indexOf(colours.font) : 0,
      colours ? 2 + FILL_COLOURS.indexOf(colours.fill) : 0,
      kind === 'wrap' ? 'vertical="top" wrapText="1"' : 'vertical="top"',
    );
  }

  #numberFormatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    let index = this.#customFormats.indexOf(code);
    if (index === -1) index = this.#customFormats.push(code) - 1;
    return FIRST_CUSTOM_FORMAT + index;
  }

  #intern(format: string): number {
    let index = this.#formats.get(format);
    if (index === undefined) {
      index = this.#formats.size;
      this.#formats.set(format, index);
    }
    return index;
  }

  toXml(): string {
    const list = (tag: string, items: string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const formats = this.#customFormats.map(
      (code, index) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + index}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', FONTS) +
      list('fills', FILLS) +
      list('borders', ['<border><left/><right/><top/><bottom/><diagonal/></border>']) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', [...this.#formats.keys()]) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      '</styleSheet>'
    );
  }
}
