/**
 * The evaluation workbook (SPEC §6): Shortlist, Gates, Experience, Evaluators, Audit and
 * Run sheets, streamed to a temporary file and renamed into place. exceljs is loaded on
 * first use only, since importing it costs more than the rest of the CLI's start-up.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { EvaluationReport, Lang } from '../core/types.js';
import { writeViaTemporaryFile } from './atomic-write.js';
import { candidateTable } from './candidate-sheet.js';
import { experienceSheet } from './xlsx-experience.js';
import { buildAuditTable, buildEvaluatorsTable, buildRunTable } from './xlsx-records.js';
import { gatesSheet, shortlistSheet } from './xlsx-results.js';
import { type SheetTable, writeSheet } from './xlsx-sheet.js';

/** The sheet builders in workbook order. */
const SHEET_BUILDERS: readonly ((report: EvaluationReport, lang: Lang) => SheetTable)[] = [
  (report, lang) => candidateTable(report, shortlistSheet(report, lang)),
  (report, lang) => candidateTable(report, gatesSheet(report, lang)),
  (report, lang) => candidateTable(report, experienceSheet(report, lang)),
  buildEvaluatorsTable,
  buildAuditTable,
  buildRunTable,
];

/** The sheets in workbook order. */
export function buildWorkbookTables(report: EvaluationReport, lang: Lang): SheetTable[] {
  return SHEET_BUILDERS.map((build) => build(report, lang));
}

/** Streams the workbook into `target`; a write error on the file (disk full…) rejects instead of hanging. */
async function streamWorkbook(report: EvaluationReport, lang: Lang, target: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const output = createWriteStream(target);
  const failed = once(output, 'error').then(([error]) => Promise.reject(error));
  const closed = once(output, 'close');
  // Both are observed through the race below; marking them handled avoids a spurious crash.
  failed.catch(() => undefined);
  closed.catch(() => undefined);
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    // The run's clock, not the wall clock: the file records when the evaluation ran.
    workbook.created = new Date(report.runAt);
    workbook.modified = new Date(report.runAt);
    workbook.creator = `prequal ${report.toolVersion}`;
    // One sheet's rows at a time: the Experience sheet alone holds every reference.
    for (const build of SHEET_BUILDERS)
      await writeSheet(workbook, build(report, lang), report.tender.currency);
    await workbook.commit();
    await closed;
  };
  try {
    await Promise.race([write(), failed]);
  } finally {
    if (!output.closed) output.destroy();
  }
}

/** Writes the workbook of `report` in `lang` to `file`, atomically (the previous file stays on failure). */
export async function writeWorkbook(report: EvaluationReport, lang: Lang, file: string): Promise<void> {
  await writeViaTemporaryFile(file, (temporary) => streamWorkbook(report, lang, temporary));
}
