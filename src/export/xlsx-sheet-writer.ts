/**
 * One worksheet as it streams: each row becomes XML at once and goes to the sheet's deflate
 * stream; column widths and the sheet's extent are tracked on the way.
 *
 * Widths are fitted over every row, yet `<cols>` comes before the rows in the sheet's XML. So
 * the rows are compressed as a deflate stream of their own, and when the sheet ends the part
 * before them is compressed with a sync flush (byte-aligned blocks, none marked final) and put
 * in front: non-final blocks followed by a complete stream make a valid deflate stream. The
 * entry's CRC-32 is combined from the two parts' (crc32Combine).
 */
import zlib from 'node:zlib';
import { crc32Combine } from './crc32-combine.js';
import { type CompressionOptions, DeflatedText } from './deflated-text.js';
import { safeCellText } from './text-safety.js';
import {
  type ColumnKind,
  columnLetter,
  fittedWidth,
  longestLine,
  numberWidth,
  rowHeight,
  type SheetCell,
  type SheetColumn,
  type Tone,
  wrappedLines,
} from './xlsx-sheet.js';
import {
  emptyCell,
  excelSerial,
  numberCell,
  rowXml,
  textCell,
  worksheetEnd,
  worksheetStart,
} from './xlsx-sheet-xml.js';
import { HEADER_STYLE, styleSlot } from './xlsx-styles.js';
import type { ZipEntry } from './zip-writer.js';

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  /** Columns kept visible when scrolling right. */
  frozenColumns?: number;
  /** The currency money columns are shown in. */
  currency: string;
}

export interface WorkbookSheet {
  addRow(cells: SheetCell[]): void;
  /** Resolves when the compressed output has caught up enough that memory stays bounded; call every few thousand rows. */
  drain(): Promise<void>;
}

export class SheetWriter implements WorkbookSheet {
  readonly #kinds: ColumnKind[];
  readonly #headers: string[];
  readonly #letters: string[];
  /** Widest cell of each column so far, in characters. */
  readonly #widest: number[];
  readonly #body: DeflatedText;
  #rows = 1;
  #lastColumn: number;
  #ended = false;

  /** `styles` maps each styleSlot to the workbook's format index (StyleTable.indexesFor). */
  constructor(
    readonly spec: SheetSpec,
    private readonly styles: Uint16Array,
    private readonly compression: CompressionOptions,
  ) {
    this.#kinds = spec.columns.map((column) => column.kind);
    this.#headers = spec.columns.map((column) => safeCellText(column.header));
    this.#letters = spec.columns.map((_, index) => columnLetter(index + 1));
    this.#widest = spec.columns.map(() => 0);
    this.#lastColumn = spec.columns.length;
    this.#body = new DeflatedText(compression);
    const header = this.#headers.map((text, index) =>
      textCell(`${this.#letter(index)}1`, HEADER_STYLE, text),
    );
    this.#body.write(rowXml(1, undefined, header.join('')));
  }

  #letter(index: number): string {
    let letter = this.#letters[index];
    if (letter === undefined) {
      letter = columnLetter(index + 1);
      this.#letters[index] = letter;
    }
    return letter;
  }

  #widen(index: number, width: number): void {
    if (width > (this.#widest[index] ?? 0)) this.#widest[index] = width;
  }

  #style(kind: ColumnKind, tone: Tone | undefined, numeric: boolean): number {
    return this.styles[styleSlot(kind, tone, numeric)] as number;
  }

  addRow(cells: SheetCell[]): void {
    if (this.#ended) throw new Error(`sheet ${this.spec.name} is already written`);
    const row = ++this.#rows;
    let xml = '';
    let lines = 1;
    for (let index = 0; index < cells.length; index += 1) {
      const cell = cells[index];
      if (cell === null || cell === undefined) continue;
      const styled = typeof cell === 'object' && !(cell instanceof Date);
      const value = styled ? cell.value : cell;
      const kind = (styled ? cell.kind : undefined) ?? this.#kinds[index] ?? 'text';
      const tone = styled ? cell.tone : undefined;
      const reference = this.#letter(index) + row;
      if (typeof value === 'string') {
        const text = safeCellText(value);
        // An empty text is a blank cell (a spreadsheet counts an empty string as a value).
        if (text === '') {
          xml += emptyCell(reference, this.#style(kind, tone, false));
          continue;
        }
        this.#widen(index, longestLine(text));
        if (kind === 'wrap') lines = Math.max(lines, wrappedLines(text));
        xml += textCell(reference, this.#style(kind, tone, false), text);
      } else if (value === null) {
        // A blank with a tone keeps its colour.
        if (tone) xml += emptyCell(reference, this.#style(kind, tone, false));
      } else {
        const number = value instanceof Date ? excelSerial(value) : value;
        // NaN or an invalid date has no spreadsheet value: the cell stays empty.
        if (!Number.isFinite(number)) continue;
        this.#widen(index, numberWidth(value, kind));
        xml += numberCell(reference, this.#style(kind, tone, true), number);
      }
    }
    this.#lastColumn = Math.max(this.#lastColumn, cells.length);
    this.#body.write(rowXml(row, lines > 1 ? rowHeight(lines) : undefined, xml));
  }

  drain(): Promise<void> {
    return this.#body.drain();
  }

  /** Ends the sheet and returns its ZIP entry (`partName`), the part before the rows in front. */
  async end(partName: string): Promise<ZipEntry> {
    this.#ended = true;
    this.#body.write(worksheetEnd(this.spec.columns.length));
    const rows = await this.#body.end();
    const start = Buffer.from(
      worksheetStart({
        frozenColumns: this.spec.frozenColumns ?? 0,
        widths: this.#headers.map((header, index) => fittedWidth(header, this.#widest[index] ?? 0)),
        lastColumn: this.#lastColumn,
        lastRow: this.#rows,
      }),
    );
    const deflatedStart = zlib.deflateRawSync(start, {
      level: this.compression.level,
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
    });
    return {
      name: partName,
      crc: crc32Combine(zlib.crc32(start), rows.crc, rows.size),
      size: start.length + rows.size,
      compressedSize: deflatedStart.length + rows.deflated.size,
      data: (async function* () {
        yield deflatedStart;
        yield* rows.deflated.pieces();
      })(),
    };
  }

  /** Drops the compressed rows and their temporary file. */
  close(): Promise<void> {
    this.#ended = true;
    return this.#body.close();
  }
}
