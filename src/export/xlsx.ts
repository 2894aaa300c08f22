/**
 * The evaluation workbook (SPEC §6): Shortlist, Gates, Experience, Evaluators, Audit and
 * Run sheets, streamed to a temporary file and renamed into place.
 */
import path from 'node:path';
import type { EvaluationReport, Lang } from '../core/types.js';
import { writeViaTemporaryFile } from './atomic-write.js';
import { buildExperienceTable } from './xlsx-experience.js';
import { buildAuditTable, buildEvaluatorsTable, buildRunTable } from './xlsx-records.js';
import { buildGatesTable, buildShortlistTable } from './xlsx-results.js';
import type { SheetTable } from './xlsx-sheet.js';
import { StreamingWorkbook } from './xlsx-writer.js';

/** The sheet builders in workbook order. */
const SHEET_BUILDERS: readonly ((report: EvaluationReport, lang: Lang) => SheetTable)[] = [
  buildShortlistTable,
  buildGatesTable,
  buildExperienceTable,
  buildEvaluatorsTable,
  buildAuditTable,
  buildRunTable,
];

/** The sheets in workbook order. */
export function buildWorkbookTables(report: EvaluationReport, lang: Lang): SheetTable[] {
  return SHEET_BUILDERS.map((build) => build(report, lang));
}

/** Rows added between two waits for the compressor (bounds memory). */
const ROWS_PER_DRAIN = 2000;

/** Streams the workbook into `target`; its compressed sheets wait beside it if they grow large. */
async function streamWorkbook(report: EvaluationReport, lang: Lang, target: string): Promise<void> {
  const workbook = new StreamingWorkbook(
    // The run's clock, not the wall clock: the file records when the evaluation ran.
    { creator: `prequal ${report.toolVersion}`, created: new Date(report.runAt) },
    { spillDirectory: path.dirname(target) },
  );
  try {
    for (const build of SHEET_BUILDERS) {
      const table = build(report, lang);
      const { name, columns, frozenColumns } = table;
      const sheet = workbook.addSheet({ name, columns, frozenColumns, currency: report.tender.currency });
      let written = 0;
      for (const row of table.rows) {
        sheet.addRow(row);
        written += 1;
        if (written % ROWS_PER_DRAIN === 0) await sheet.drain();
      }
    }
  } catch (error) {
    await workbook.discard();
    throw error;
  }
  await workbook.finish(target);
}

/** Writes the workbook of `report` in `lang` to `file`, atomically (the previous file stays on failure). */
export async function writeWorkbook(report: EvaluationReport, lang: Lang, file: string): Promise<void> {
  await writeViaTemporaryFile(file, (temporary) => streamWorkbook(report, lang, temporary));
}
