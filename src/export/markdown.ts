/**
 * The shortlisting report: a Mustache template from `templates/` filled with the view
 * model of report-view.ts. Every `{{value}}` is escaped for Markdown, so a candidate's
 * name can neither break a table nor inject HTML. The report is made in pieces
 * (template-stream.ts): at 100,000 candidates it runs to tens of megabytes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import type { EvaluationReport, Lang } from '../core/types.js';
import { UserError } from '../errors.js';
import { buildReportView } from './report-view.js';
import { type ParsedTemplate, parseTemplate, renderTemplatePieces } from './template-stream.js';
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

const escapeValue = (value: unknown) => escapeMarkdown(String(value));

/** A broken template (unclosed section…) is a user error, since the secretary edits them. */
function templateError(error: unknown): UserError {
  return new UserError(`The Markdown template cannot be used: ${(error as Error).message}`);
}

/** Fills a Mustache template with `view`, escaping every `{{value}}` for Markdown. */
export function renderMarkdownTemplate(templateText: string, view: object): string {
  try {
    return Mustache.render(templateText, view, {}, { escape: escapeValue });
  } catch (error) {
    throw templateError(error);
  }
}

/**
 * The shortlisting report of `report` in `lang` with `templateText` (templates/report.<lang>.md),
 * in pieces. The template is parsed at once, so a broken one throws here, before anything is
 * written; the view's rows are made as the pieces are taken.
 */
export function renderReportPieces(
  report: EvaluationReport,
  lang: Lang,
  templateText: string,
): Iterable<string> {
  let template: ParsedTemplate;
  try {
    template = parseTemplate(templateText);
  } catch (error) {
    throw templateError(error);
  }
  return renderTemplatePieces(template, buildReportView(report, lang), escapeValue);
}

/** The whole report as one string (see renderReportPieces). */
export function renderReport(report: EvaluationReport, lang: Lang, templateText: string): string {
  return [...renderReportPieces(report, lang, templateText)].join('');
}
