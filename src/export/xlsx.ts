/**
 * The evaluation workbook (SPEC §6): Shortlist, Gates, Experience, Evaluators, Audit and
 * Run sheets, streamed to a temporary file and renamed into place. The candidate sheets are
 * filled during the export's candidate pass (candidate-pass.ts), so each candidate's full results
 * and dossier are read once for the three sheets and for the other exports of the same pass.
 */
import path from 'node:path';
import type { EvaluationReport, Lang } from '../core/types.js';
import { commitTemporary, createTemporary, describeWriteError, discardTemporary } from './atomic-write.js';
import { type CandidateVisitor, runCandidatePass } from './candidate-pass.js';
import { type CandidateSheet, candidateTable } from './candidate-sheet.js';
import type { ExportedFile } from './write-outputs.js';
import { experienceSheet } from './xlsx-experience.js';
import { buildAuditTable, buildEvaluatorsTable, buildRunTable } from './xlsx-records.js';
import { gatesSheet, shortlistSheet } from './xlsx-results.js';
import type { SheetTable } from './xlsx-sheet.js';
import { StreamingWorkbook } from './xlsx-writer.js';

/** Sheets of rows per candidate, first in the workbook. */
const CANDIDATE_SHEETS: readonly ((report: EvaluationReport, lang: Lang) => CandidateSheet)[] = [
  shortlistSheet,
  gatesSheet,
  experienceSheet,
];

/** Sheets of the committee's and the run's records, after the candidate sheets. */
const RECORD_SHEETS: readonly ((report: EvaluationReport, lang: Lang) => SheetTable)[] = [
  buildEvaluatorsTable,
  buildAuditTable,
  buildRunTable,
];

/** The sheets in workbook order, as plain tables. */
export function buildWorkbookTables(report: EvaluationReport, lang: Lang): SheetTable[] {
  return [
    ...CANDIDATE_SHEETS.map((make) => candidateTable(report, make(report, lang))),
    ...RECORD_SHEETS.map((build) => build(report, lang)),
  ];
}

/** Rows added between two waits for the compressor (bounds memory). */
const ROWS_PER_DRAIN = 2000;

/**
 * Opens the workbook of `report` for `file` as a visitor of the candidate pass: written to a
 * temporary sibling, renamed over `file` by `finish`; on failure `file` is left as it was.
 */
export async function startWorkbook(
  report: EvaluationReport,
  lang: Lang,
  file: string,
): Promise<CandidateVisitor> {
  const temporary = await createTemporary(file);
  const workbook = new StreamingWorkbook(
    // The run's clock, not the wall clock: the file records when the evaluation ran.
    { creator: `prequal ${report.toolVersion}`, created: new Date(report.runAt) },
    { spillDirectory: path.dirname(file) },
  );
  const currency = report.tender.currency;
  const sheets = CANDIDATE_SHEETS.map((make) => {
    const spec = make(report, lang);
    const { name, columns, frozenColumns } = spec;
    return { spec, sink: workbook.addSheet({ name, columns, frozenColumns, currency }) };
  });
  let done = false;
  const abort = async () => {
    if (done) return;
    done = true;
    await workbook.discard().catch(() => undefined);
    await discardTemporary(temporary);
  };
  return {
    visit: (candidate, detail) => {
      for (const { spec, sink } of sheets) for (const row of spec.rowsOf(candidate, detail)) sink.addRow(row);
    },
    drain: async () => {
      for (const { sink } of sheets) await sink.drain();
    },
    finish: async (): Promise<ExportedFile[]> => {
      try {
        for (const build of RECORD_SHEETS) {
          const table = build(report, lang);
          const { name, columns, frozenColumns } = table;
          const sheet = workbook.addSheet({ name, columns, frozenColumns, currency });
          let written = 0;
          for (const row of table.rows) {
            sheet.addRow(row);
            written += 1;
            if (written % ROWS_PER_DRAIN === 0) await sheet.drain();
          }
        }
        await workbook.finish(temporary);
      } catch (error) {
        await abort();
        throw describeWriteError(file, error);
      }
      done = true;
      await commitTemporary(file, temporary);
      return [{ file, written: true }];
    },
    abort,
  };
}

/** Writes the workbook of `report` in `lang` to `file`, atomically (the previous file stays on failure). */
export async function writeWorkbook(report: EvaluationReport, lang: Lang, file: string): Promise<void> {
  await runCandidatePass(report, [await startWorkbook(report, lang, file)]);
}
