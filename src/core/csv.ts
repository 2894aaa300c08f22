/**
 * A small RFC 4180 CSV reader and writer, shared by the sanctions list and `scores/*.csv`.
 *
 * Reading accepts what spreadsheets actually write: a UTF-8 byte-order mark, CRLF or LF line
 * ends (a lone CR too), quoted fields holding commas, quotes (`""`) and line breaks. Blank lines
 * outside quotes are skipped, so a trailing newline or an empty last line never makes a record.
 */

/** One malformed spot in the text; the parser keeps going so that every problem is reported. */
export interface CsvError {
  line: number;
  message: string;
}

export interface ParsedCsv {
  /** Records in file order, each a list of fields. */
  rows: string[][];
  /** 1-based line on which each record starts (`lines[i]` belongs to `rows[i]`). */
  lines: number[];
  errors: CsvError[];
}

/** Parses CSV text into records, with the line each record starts on. */
export function parseCsv(text: string): ParsedCsv {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines: number[] = [];
  const errors: CsvError[] = [];
  let line = 1;
  let record: string[] = [];
  let field = '';
  let recordLine = 1;
  let quoted = false;
  // True once the current field was opened by a quote (even after it closed).
  let wasQuoted = false;
  // Whether the last field of the record being closed was quoted: `""` alone is a record, a blank line is not.
  let lastFieldQuoted = false;
  let i = 0;

  const endField = (): void => {
    record.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = (): void => {
    endField();
    const blank = record.length === 1 && record[0] === '' && !lastFieldQuoted;
    if (!blank) {
      rows.push(record);
      lines.push(recordLine);
    }
    record = [];
  };

  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        field += ch === '\r' && source[i + 1] === '\n' ? '\r\n' : ch;
        i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
        line += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      lastFieldQuoted = wasQuoted;
      endRecord();
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (ch === '"') {
      if (field === '' && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        errors.push({
          line,
          message: 'a quote inside an unquoted field: quote the whole field and double the quote',
        });
        field += ch;
      }
      i += 1;
      continue;
    }
    if (wasQuoted) {
      errors.push({ line, message: 'text after the closing quote of a field' });
      wasQuoted = false;
    }
    field += ch;
    i += 1;
  }
  if (quoted) errors.push({ line: recordLine, message: 'a quoted field is never closed' });
  if (field !== '' || record.length > 0 || wasQuoted) {
    lastFieldQuoted = wasQuoted;
    endRecord();
  }
  return { rows, lines, errors };
}

/**
 * Quotes a field when it holds a comma, a quote or a line break (RFC 4180), or starts with a
 * byte-order mark (which a reader would strip at the start of the file).
 */
export function formatCsvField(value: string): string {
  return /^\uFEFF|[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes records as CSV with CRLF line ends, as RFC 4180 recommends. A record made of one empty
 * field is written `""`, since a blank line would be read back as no record at all.
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => (row.length === 1 && row[0] === '' ? '""' : row.map(formatCsvField).join(',')) + '\r\n')
    .join('');
}
