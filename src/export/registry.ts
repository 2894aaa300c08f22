/**
 * Runs the exporters a command asks for. Each format is one function in EXPORTERS; a new
 * format is added there or, from elsewhere, with `registerExporter`.
 * Unchanged Markdown, JSON and letters are not rewritten, so their dates stay meaningful.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EvaluationReport, Lang } from '../core/types.js';
import { EXIT, UserError } from '../errors.js';
import { describeWriteError, syncFolder } from './atomic-write.js';
import { renderJsonChunks } from './json.js';
import { renderLetterFiles, sanitizeFileNamePart } from './letters.js';
import { loadTemplate, renderReport, type TemplateName } from './markdown.js';
import { renderOcds } from './ocds.js';
import {
  type ExportedFile,
  type KnownFiles,
  recordFile,
  writeChunksIfChanged,
  writeIfChanged,
  writeSmallFileIfChanged,
} from './write-outputs.js';
import { writeWorkbook } from './xlsx.js';

export { type ExportedFile, writeIfChanged } from './write-outputs.js';

/** The formats of SPEC §6 built here; EXPORTERS also holds `ocds`, and others join through registerExporter. */
export const EXPORT_FORMATS = ['xlsx', 'md', 'json', 'letters'] as const;

export interface ExportOptions {
  formats: readonly string[];
  lang: Lang;
  /** Absolute output folder; created when missing. */
  outDir: string;
  /** Folder holding report.<lang>.md and letter.<lang>.md. */
  templatesDir: string;
  /** Files of an earlier export, recognised unchanged by record instead of being read back. */
  known?: KnownFiles;
}

export type Exporter = (report: EvaluationReport, options: ExportOptions) => Promise<ExportedFile[]>;

/** Runs `render`, reporting a broken template with its path (the secretary edits them). */
function renderTemplateError<T>(options: ExportOptions, name: TemplateName, render: () => T): T {
  try {
    return render();
  } catch (error) {
    const file = path.join(options.templatesDir, `${name}.${options.lang}.md`);
    throw new UserError(`${file}: ${(error as Error).message}`);
  }
}

/** Loads a template and renders with it, reporting a broken one with its path. */
async function renderWithTemplate<T>(
  options: ExportOptions,
  name: TemplateName,
  render: (text: string) => T,
): Promise<T> {
  const text = await loadTemplate(options.templatesDir, name, options.lang);
  return renderTemplateError(options, name, () => render(text));
}

async function exportLetters(report: EvaluationReport, options: ExportOptions): Promise<ExportedFile[]> {
  const template = await loadTemplate(options.templatesDir, 'letter', options.lang);
  const folder = path.join(options.outDir, 'letters');
  // Owner-only like the files (0o700 on creation): the letters' names list the rejected candidates.
  await fs
    .mkdir(folder, { recursive: true, mode: 0o700 })
    .catch((error) => Promise.reject(describeWriteError(folder, error)));
  const results: ExportedFile[] = [];
  const current = new Set<string>();
  // Rendered and written one by one (a broken template fails on the first letter, before any write).
  const letters = renderLetterFiles(report, options.lang, template);
  for (;;) {
    const next = renderTemplateError(options, 'letter', () => letters.next());
    if (next.done) break;
    current.add(next.value.file);
    results.push(
      writeSmallFileIfChanged(path.join(folder, next.value.file), next.value.content, options.known),
    );
  }
  // A letter left from an earlier run (a candidate since shortlisted) must not be sent by mistake.
  const suffix = `.${options.lang}.md`;
  for (const name of (await fs.readdir(folder)).sort()) {
    if (!name.startsWith('letter-') || !name.endsWith(suffix) || current.has(name)) continue;
    await fs.rm(path.join(folder, name), { force: true });
    results.push({ file: path.join(folder, name), written: false, removed: true });
  }
  // The letters were renamed into place without a flush each: one flush of the folder covers them.
  if (results.some((entry) => entry.written || entry.removed)) await syncFolder(folder);
  return results;
}

/**
 * Files in the tender's first language keep plain names (`shortlist.json`); another language gets
 * a suffix (`shortlist.en.json`) so exporting in English never overwrites the French files.
 */
function languageSuffix(report: EvaluationReport, lang: Lang): string {
  return lang === (report.tender.languages[0] ?? 'fr') ? '' : `.${lang}`;
}

/** Built-in exporters by format; see registerExporter. */
export const EXPORTERS = new Map<string, Exporter>([
  [
    'xlsx',
    async (report, options) => {
      const name = `prequal-${sanitizeFileNamePart(report.tender.reference)}${languageSuffix(report, options.lang)}.xlsx`;
      const file = path.join(options.outDir, name);
      await writeWorkbook(report, options.lang, file);
      return [{ file, written: true, record: recordFile(file) ?? undefined }];
    },
  ],
  [
    'md',
    async (report, options) => {
      const content = await renderWithTemplate(options, 'report', (text) =>
        renderReport(report, options.lang, text),
      );
      return [
        await writeIfChanged(path.join(options.outDir, `report.${options.lang}.md`), content, options.known),
      ];
    },
  ],
  [
    'json',
    async (report, options) => [
      await writeChunksIfChanged(
        path.join(options.outDir, `shortlist${languageSuffix(report, options.lang)}.json`),
        renderJsonChunks(report, options.lang),
      ),
    ],
  ],
  ['letters', exportLetters],
  [
    'ocds',
    async (report, options) => {
      const file = path.join(options.outDir, `ocds-${sanitizeFileNamePart(report.tender.reference)}.json`);
      return [await writeIfChanged(file, renderOcds(report), options.known)];
    },
  ],
]);

/** Adds or replaces the exporter of `format` (e.g. `ocds`). */
export function registerExporter(format: string, exporter: Exporter): void {
  EXPORTERS.set(format, exporter);
}

/** The formats asked for, once each; an unknown one is a usage error. */
export function assertKnownFormats(requested: readonly string[]): string[] {
  const formats = [...new Set(requested)];
  const unknown = formats.filter((format) => !EXPORTERS.has(format));
  if (unknown.length) {
    const known = [...EXPORTERS.keys()].join(', ');
    throw new UserError(`unknown export format: ${unknown.join(', ')} (known: ${known})`, EXIT.usage);
  }
  return formats;
}

/**
 * Writes every requested format into `outDir`, each file atomically. Unknown formats are a
 * usage error raised before anything is written.
 */
export async function runExports(report: EvaluationReport, options: ExportOptions): Promise<ExportedFile[]> {
  const formats = assertKnownFormats(options.formats);
  // Owner-only on creation, as the exports inside are (an existing folder keeps its mode).
  await fs
    .mkdir(options.outDir, { recursive: true, mode: 0o700 })
    .catch((error) => Promise.reject(describeWriteError(options.outDir, error)));
  const results: ExportedFile[] = [];
  for (const format of formats) {
    const exporter = EXPORTERS.get(format);
    if (exporter) results.push(...(await exporter(report, options)));
  }
  return results;
}
