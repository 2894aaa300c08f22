import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { EvaluationReport, Lang } from '../core/types.js';
import { computeExportKey } from '../export/export-key.js';
import { defaultTemplatesDir } from '../export/markdown.js';
import { assertKnownFormats, type ExportedFile, runExports } from '../export/registry.js';
import type { FileRecord } from '../export/write-outputs.js';
import { evaluateWorkspace, reportLanguage } from '../pipeline/evaluate-workspace.js';
import { assertFinal } from '../pipeline/exit-status.js';
import {
  exportStateName,
  isFormatIntact,
  knownFilesOf,
  readExportState,
  writeExportState,
} from '../pipeline/export-state.js';
import { type Session, withSession } from '../pipeline/session.js';
import { appendAudit } from '../store/index.js';

export const DEFAULT_FORMATS = ['xlsx', 'md', 'json', 'letters', 'ocds'];

export interface ExportOptions {
  format?: string[];
  lang?: string;
  out?: string;
}

/** `prequal export`: every format (or --format) into <workspace>/out (or --out), atomically. */
export async function exportCommand(ctx: Context, options: ExportOptions): Promise<void> {
  const shortlist = await withSession(ctx, async (session) => {
    const { report } = evaluateWorkspace(session);
    await exportReport(session, report, options);
    return report.shortlist;
  });
  assertFinal(shortlist, {});
}

/**
 * Writes the exports of a report and records the export in the audit trail. A format whose
 * files were made from the same inputs (the export key) and are still intact is left alone.
 */
export async function exportReport(
  session: Session,
  report: EvaluationReport,
  options: ExportOptions,
): Promise<ExportedFile[]> {
  const { ctx } = session;
  const lang: Lang = reportLanguage(session, options.lang);
  const outDir = options.out ? path.resolve(ctx.cwd, options.out) : path.join(ctx.workspace, 'out');
  const formats = assertKnownFormats(options.format ?? DEFAULT_FORMATS);
  const templatesDir = templatesFor(ctx.workspace);
  const templates = readTemplateTexts(templatesDir, lang);
  const key = computeExportKey(report, { lang, templates });
  const stateName = exportStateName(ctx.workspace, outDir, lang);
  const previous = readExportState(session.store, stateName);
  const current = previous?.key === key ? previous : null;
  const known = knownFilesOf(outDir, previous);
  const files: ExportedFile[] = [];
  const built: Record<string, Record<string, FileRecord>> = {};
  for (const format of formats) {
    const records = current?.files[format];
    if (records && isFormatIntact(outDir, records)) {
      files.push(...Object.keys(records).map((name) => ({ file: path.join(outDir, name), written: false })));
      continue;
    }
    const produced = await runExports(report, { formats: [format], lang, outDir, templatesDir, known });
    files.push(...produced);
    built[format] = recordsOf(outDir, produced);
  }
  const written = files.filter((f) => f.written || f.removed);
  let auditHead: { seq: number; hash: string } | undefined;
  if (written.length > 0) {
    auditHead = appendAudit(session.store, {
      at: session.at,
      who: ctx.user,
      action: 'export.write',
      subject: path.relative(ctx.workspace, outDir) || '.',
      after: written.map((f) => path.basename(f.file)),
      why: `export (${lang}) of criteria version ${report.criteriaVersion}`,
    });
  }
  if (Object.keys(built).length > 0 || auditHead) {
    // Keyed with the audit head that includes this export's own entry, so the next run, if
    // nothing else happened, finds the same key. Formats not rebuilt now stay valid only if
    // they were made from the same inputs.
    writeExportState(session.store, stateName, {
      key: auditHead ? computeExportKey(report, { lang, templates, auditHead }) : key,
      files: { ...(current?.files ?? {}), ...built },
    });
  }
  const lines = files.map((file) => {
    const state = file.removed ? 'removed' : file.written ? 'written' : 'unchanged';
    return `${state}: ${path.relative(ctx.cwd, file.file) || file.file}\n`;
  });
  ctx.err(lines.join(''));
  return files;
}

/** Records of the files an exporter left in place, by path relative to the output folder. */
function recordsOf(outDir: string, files: ExportedFile[]): Record<string, FileRecord> {
  const records: Record<string, FileRecord> = {};
  for (const file of files) if (file.record) records[path.relative(outDir, file.file)] = file.record;
  return records;
}

/** The report and letter templates' text, for the export key; a missing one counts as empty. */
function readTemplateTexts(templatesDir: string, lang: Lang): string[] {
  return (['report', 'letter'] as const).map((name) => {
    try {
      return fs.readFileSync(path.join(templatesDir, `${name}.${lang}.md`), 'utf8');
    } catch {
      return '';
    }
  });
}

/**
 * A workspace may carry its own `templates/` (a secretary's edited report and letters);
 * otherwise the templates shipped with prequal are used.
 */
function templatesFor(workspace: string): string {
  const own = path.join(workspace, 'templates');
  return fs.existsSync(own) ? own : defaultTemplatesDir();
}
