import { parseCsv } from '../core/csv.js';
import type { InputIssue } from '../core/types.js';
import type { ScoreRow } from './score-rows.js';

export const SCORE_HEADER = ['evaluator', 'candidate', 'criterion', 'points', 'comment'] as const;

/**
 * Reads a score sheet in CSV (SPEC §5: header `evaluator,candidate,criterion,points,comment`,
 * UTF-8, RFC 4180). Structural problems (header, field count, quoting) are reported per line.
 */
export function readScoreCsv(text: string, file: string): { rows: ScoreRow[]; issues: InputIssue[] } {
  // French-locale spreadsheets save "CSV" with semicolons: say so once instead of a cascade of errors.
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.includes(',') && firstLine.includes(';')) {
    const message = 'fields are separated by ";" — save the sheet as "CSV UTF-8 (comma delimited)"';
    return { rows: [], issues: [{ file, line: 1, path: '', message }] };
  }
  const parsed = parseCsv(text);
  const issues: InputIssue[] = parsed.errors.map((e) => ({
    file,
    line: e.line,
    path: '',
    message: e.message,
  }));
  const [header, ...records] = parsed.rows;
  if (!header)
    return { rows: [], issues: [...issues, { file, line: 1, path: '', message: 'the file is empty' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  if (names.join(',') !== SCORE_HEADER.join(',')) {
    issues.push({
      file,
      line: parsed.lines[0] ?? 1,
      path: '',
      message: `header must be exactly "${SCORE_HEADER.join(',')}", found ${JSON.stringify(header.join(','))}`,
    });
    return { rows: [], issues };
  }
  const rows: ScoreRow[] = [];
  records.forEach((record, index) => {
    const line = parsed.lines[index + 1];
    if (record.length !== SCORE_HEADER.length) {
      issues.push({
        file,
        line,
        path: '',
        message: `expected ${SCORE_HEADER.length} fields, found ${record.length}`,
      });
      return;
    }
    const [evaluator = '', candidate = '', criterion = '', points = '', comment = ''] = record;
    rows.push({
      evaluator: evaluator.trim(),
      candidate: candidate.trim(),
      criterion: criterion.trim(),
      points,
      comment,
      file,
      line,
    });
  });
  return { rows, issues };
}
