/**
 * Runs the exporters a command asks for. Each format is one function in EXPORTERS; a new
 * format is added there or, from elsewhere, with `registerExporter`.
 * Unchanged Markdown, JSON and letters are not rewritten, so their dates stay meaningful.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EvaluationReport, Lang } from '../core/types.js';
import { EXIT, UserError } from '../errors.js';
import { describeWriteError, writeFileAtomic } from './atomic-write.js';
import { renderJson } from './json.js';
import { renderLetters, sanitizeFileNamePart } from './letters.js';
import { loadTemplate, renderReport, type TemplateName } from './markdown.js';
import { renderOcds } from './ocds.js';
import { writeWorkbook } from './xlsx.js';

/** The formats of SPEC §6 built here; EXPORTERS also holds `ocds`, and others join through registerExporter. */
export const EXPORT_FORMATS = ['xlsx', 'md', 'json', 'letters'] as const;

export interface ExportOptions {
  formats: readonly string[];
  lang: Lang;
  /** Absolute output folder; created when missing. */
  outDir: string;
  /** Folder holding report.<lang>.md and letter.<lang>.md. */
  templatesDir: string;
}

export interface ExportedFile {
  /** Absolute path. */
  file: string;
  /** False when the file already held exactly this content and was left untouched. */
  written: boolean;
  /** True for a stale letter deleted because its candidate no longer gets one. */
  removed?: boolean;
}

export type Exporter = (report: EvaluationReport, options: ExportOptions) => Promise<ExportedFile[]>;

/** Writes `content` unless `file` already holds exactly these bytes. */
export async function writeIfChanged(file: string, content: string): Promise<ExportedFile> {
  const next = Buffer.from(content, 'utf8');
  const previous = await fs.readFile(file).catch(() => null);
  if (previous?.equals(next)) return { file, written: false };
  await writeFileAtomic(file, next);
  return { file, written: true };
}

/** Loads a template, reporting a broken one with its path (the secretary edits them). */
async function renderWithTemplate<T>(
  options: ExportOptions,
  name: TemplateName,
  render: (text: string) => T,
): Promise<T> {
  const text = await loadTemplate(options.templatesDir, name, options.lang);
  try {
    return render(text);
  } catch (error) {
    const file = path.join(options.templatesDir, `${name}.${options.lang}.md`);
    throw new UserError(`${file}: ${(error as Error).message}`);
  }
}

async function exportLetters(report: EvaluationReport, options: ExportOptions): Promise<ExportedFile[]> {
  const letters = await renderWithTemplate(options, 'letter', (text) =>
    renderLetters(report, options.lang, text),
  );
  const folder = path.join(options.outDir, 'letters');
  await fs
    .mkdir(folder, { recursive: true })
    .catch((error) => Promise.reject(describeWriteError(folder, error)));
  const results: ExportedFile[] = [];
  for (const letter of letters)
    results.push(await writeIfChanged(path.join(folder, letter.file), letter.content));
  // A letter left from an earlier run (a candidate since shortlisted) must not be sent by mistake.
  const current = new Set(letters.map((letter) => letter.file));
  const suffix = `.${options.lang}.md`;
  for (const name of (await fs.readdir(folder)).sort()) {
    if (!name.startsWith('letter-') || !name.endsWith(suffix) || current.has(name)) continue;
    await fs.rm(path.join(folder, name), { force: true });
    results.push({ file: path.join(folder, name), written: false, removed: true });
  }
  return results;
}

/** Built-in exporters by format; see registerExporter. */
export const EXPORTERS = new Map<string, Exporter>([
  [
    'xlsx',
    async (report, options) => {
      const file = path.join(options.outDir, `prequal-${sanitizeFileNamePart(report.tender.reference)}.xlsx`);
      await writeWorkbook(report, options.lang, file);
      return [{ file, written: true }];
    },
  ],
  [
    'md',
    async (report, options) => {
      const content = await renderWithTemplate(options, 'report', (text) =>
        renderReport(report, options.lang, text),
      );
      return [await writeIfChanged(path.join(options.outDir, `report.${options.lang}.md`), content)];
    },
  ],
  [
    'json',
    async (report, options) => [
      await writeIfChanged(path.join(options.outDir, 'shortlist.json'), renderJson(report, options.lang)),
    ],
  ],
  ['letters', exportLetters],
  [
    'ocds',
    async (report, options) => {
      const file = path.join(options.outDir, `ocds-${sanitizeFileNamePart(report.tender.reference)}.json`);
      return [await writeIfChanged(file, renderOcds(report))];
    },
  ],
]);

/** Adds or replaces the exporter of `format` (e.g. `ocds`). */
export function registerExporter(format: string, exporter: Exporter): void {
  EXPORTERS.set(format, exporter);
}

/**
 * Writes every requested format into `outDir`, each file atomically. Unknown formats are a
 * usage error raised before anything is written.
 */
export async function runExports(report: EvaluationReport, options: ExportOptions): Promise<ExportedFile[]> {
  const formats = [...new Set(options.formats)];
  const unknown = formats.filter((format) => !EXPORTERS.has(format));
  if (unknown.length) {
    const known = [...EXPORTERS.keys()].join(', ');
    throw new UserError(`Unknown export format: ${unknown.join(', ')} (known: ${known})`, EXIT.usage);
  }
  await fs
    .mkdir(options.outDir, { recursive: true })
    .catch((error) => Promise.reject(describeWriteError(options.outDir, error)));
  const results: ExportedFile[] = [];
  for (const format of formats) {
    const exporter = EXPORTERS.get(format);
    if (exporter) results.push(...(await exporter(report, options)));
  }
  return results;
}
