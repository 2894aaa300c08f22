import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { EvaluationReport, Lang } from '../core/types.js';
import { defaultTemplatesDir } from '../export/markdown.js';
import { type ExportedFile, runExports } from '../export/registry.js';
import { evaluateWorkspace, reportLanguage } from '../pipeline/evaluate-workspace.js';
import { assertFinal } from '../pipeline/exit-status.js';
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

/** Writes the exports of a report and records the export in the audit trail. */
export async function exportReport(
  session: Session,
  report: EvaluationReport,
  options: ExportOptions,
): Promise<ExportedFile[]> {
  const { ctx } = session;
  const lang: Lang = reportLanguage(session, options.lang);
  const outDir = options.out ? path.resolve(ctx.cwd, options.out) : path.join(ctx.workspace, 'out');
  const files = await runExports(report, {
    formats: options.format ?? DEFAULT_FORMATS,
    lang,
    outDir,
    templatesDir: templatesFor(ctx.workspace),
  });
  const written = files.filter((f) => f.written || f.removed);
  if (written.length > 0) {
    appendAudit(session.store, {
      at: session.at,
      who: ctx.user,
      action: 'export.write',
      subject: path.relative(ctx.workspace, outDir) || '.',
      after: written.map((f) => path.basename(f.file)),
      why: `export (${lang}) of criteria version ${report.criteriaVersion}`,
    });
  }
  for (const file of files) {
    const state = file.removed ? 'removed' : file.written ? 'written' : 'unchanged';
    ctx.err(`${state}: ${path.relative(ctx.cwd, file.file) || file.file}\n`);
  }
  return files;
}

/**
 * A workspace may carry its own `templates/` (a secretary's edited report and letters);
 * otherwise the templates shipped with prequal are used.
 */
function templatesFor(workspace: string): string {
  const own = path.join(workspace, 'templates');
  return fs.existsSync(own) ? own : defaultTemplatesDir();
}
