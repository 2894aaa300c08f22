/**
 * Scanners for the exports of a hostile run: text a candidate wrote must come out inert —
 * never a formula or hyperlink in the workbook, never live Markdown or HTML in the report and
 * letters, never a terminal escape in what is printed.
 */
import ExcelJS from 'exceljs';

/** C0 (except tab and line breaks), DEL and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional overrides and isolates. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** Every text cell of a workbook, and every cell that is a formula or a hyperlink. */
export async function scanWorkbook(
  file: string,
): Promise<{ problems: string[]; texts: Map<string, string[]> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const problems: string[] = [];
  const texts = new Map<string, string[]>();
  workbook.eachSheet((sheet) => {
    const sheetTexts: string[] = [];
    texts.set(sheet.name, sheetTexts);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const where = `${sheet.name}!${cell.address}`;
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) problems.push(`${where} is a formula`);
        if (cell.type === ExcelJS.ValueType.Hyperlink || cell.hyperlink)
          problems.push(`${where} is a hyperlink`);
        const value = cell.value;
        if (typeof value === 'string') {
          sheetTexts.push(value);
          if (CONTROL.test(value)) problems.push(`${where} holds a control character`);
        } else if (value && typeof value === 'object' && 'richText' in value) {
          sheetTexts.push(value.richText.map((part) => part.text).join(''));
        }
      });
    });
  });
  return { problems, texts };
}

/** Cells per row of a Markdown table line: unescaped pipes. */
const pipesOf = (line: string): number => line.match(/(?<!\\)\|/g)?.length ?? 0;

/** Fragments of the payloads of cases-text.ts that must never appear unescaped. */
const LIVE_MARKUP = [
  '<script',
  '<img',
  '<!--',
  '[link](',
  '![img](',
  '**bold**',
  '~~s~~',
  '`code`',
  '\u001b',
  // A bare URL (t07's http://x) is a link in GitHub-flavoured Markdown: its colon must be escaped.
  'http://',
  // So is `www.` after `_`, `*` or `(` (t17): its dot must be escaped.
  'www.evil',
];

/**
 * Problems of a Markdown document built from hostile text: a table whose rows do not all have
 * the same number of cells, live markup from a payload, a line a payload started, control characters.
 */
export function markdownProblems(text: string, where: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  let tableWidth: number | null = null;
  lines.forEach((line, index) => {
    if (!line.startsWith('|')) {
      tableWidth = null;
      return;
    }
    const width = pipesOf(line);
    if (tableWidth === null) tableWidth = width;
    else if (width !== tableWidth)
      problems.push(`${where}:${index + 1}: table row has ${width - 1} cells, header ${tableWidth - 1}`);
  });
  const lower = text.toLowerCase();
  for (const fragment of LIVE_MARKUP) {
    if (lower.includes(fragment.toLowerCase()))
      problems.push(`${where}: live markup ${JSON.stringify(fragment)}`);
  }
  if (/^(- item|===|line two|line three)/m.test(text))
    problems.push(`${where}: a payload line break opened a block`);
  if (CONTROL.test(text.replace(/\r/g, ''))) problems.push(`${where}: control character`);
  if (BIDI.test(text)) problems.push(`${where}: bidirectional override`);
  return problems;
}

/** Problems of text printed to a terminal: any control character but newline, any bidi override. */
export function terminalProblems(text: string, where: string): string[] {
  const problems: string[] = [];
  const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.exec(text);
  if (control) {
    const around = text.slice(Math.max(0, control.index - 30), control.index + 10);
    problems.push(
      `${where}: control character U+${control[0].charCodeAt(0).toString(16)} near ${JSON.stringify(around)}`,
    );
  }
  if (BIDI.test(text)) problems.push(`${where}: bidirectional override`);
  return problems;
}
