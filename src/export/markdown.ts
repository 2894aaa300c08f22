/**
 * The shortlisting report: a Mustache template from `templates/` filled with the view
 * model of report-view.ts. Every `{{value}}` is escaped for Markdown, so a candidate's
 * name can neither break a table nor inject HTML.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import type { EvaluationReport, Lang } from '../core/types.js';
import { UserError } from '../errors.js';
import { buildReportView } from './report-view.js';
import { escapeMarkdown } from './text-safety.js';

export type TemplateName = 'report' | 'letter';

/** The `templates/` folder shipped with prequal (next to `src/` and `dist/`). */
export function defaultTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** Reads `<templatesDir>/<name>.<lang>.md`; a missing template is a user error naming the file. */
export async function loadTemplate(templatesDir: string, name: TemplateName, lang: Lang): Promise<string> {
  const file = path.join(templatesDir, `${name}.${lang}.md`);
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'not found' : (error as Error).message;
    throw new UserError(`Cannot read template ${file}: ${reason}`);
  }
}

/**
 * Fills a Mustache template with `view`, escaping every `{{value}}` for Markdown. A broken
 * template (unclosed section…) is reported as a user error, since the secretary edits them.
 */
export function renderMarkdownTemplate(templateText: string, view: object): string {
  try {
    return Mustache.render(
      templateText,
      view,
      {},
      { escape: (value: unknown) => escapeMarkdown(String(value)) },
    );
  } catch (error) {
    throw new UserError(`The Markdown template cannot be used: ${(error as Error).message}`);
  }
}

/** Renders the shortlisting report of `report` in `lang` with `templateText` (templates/report.<lang>.md). */
export function renderReport(report: EvaluationReport, lang: Lang, templateText: string): string {
  return renderMarkdownTemplate(templateText, buildReportView(report, lang));
}
