/**
 * Runs the exporters a command asks for. Each format is one function in EXPORTERS; a new
 * format is added there or, from elsewhere, with `registerExporter`.
 * Unchanged Markdown, JSON and letters are not rewritten, so their dates stay meaningful.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EvaluationReport, Lang } from '../core/types.js';
import { EXIT, UserError } from '../errors.js';
import { describeWriteError, removeStaleTemporaries } from './atomic-write.js';
import { type CandidateVisitor, runCandidatePass } from './candidate-pass.js';
import { jsonPieces } from './json.js';
import { LetterFolderWriter } from './letter-folder.js';
import { renderLetterFiles, sanitizeFileNamePart } from './letters.js';
import { loadTemplate, renderReportPieces, type TemplateName } from './markdown.js';
import { ocdsApplication, ocdsLanguage } from './ocds.js';
import { OcdsStream } from './ocds-stream.js';
import { recoverStagedFolders } from './staged-folder.js';
import {
  ChunkFileWriter,
  type ExportedFile,
  type KnownFiles,
  recordFile,
  writeChunksIfChanged,
} from './write-outputs.js';
import { startWorkbook } from './xlsx.js';

export { type ExportedFile, writeIfChanged } from './write-outputs.js';

/** The formats of SPEC §6 built here; EXPORTERS also holds `ocds`, and others join through registerExporter. */
export const EXPORT_FORMATS = ['xlsx', 'md', 'json', 'letters'] as const;
/** The letters' folder inside the output folder. */
export const LETTERS_DIR = 'letters';

export interface ExportOptions {
  formats: readonly string[];
  lang: Lang;
  /** Absolute output folder; created when missing. */
  outDir: string;
  /** Folder holding report.<lang>.md and letter.<lang>.md. */
  templatesDir: string;
  /** Files of an earlier export, recognised unchanged by record instead of being read back. */
  known?: KnownFiles;
  /**
   * A full garbage collection (the commands pass pipeline/collect-garbage.ts), run before each
   * format written after the candidate pass and every `lettersPerCollection` letters. At 100,000
   * candidates the pass and the letters each leave ~50–100 MB of garbage beside the report, and
   * V8 grew the heap to hold it rather than collect: the run's peak RSS came at the end of the
   * letters (600 MiB in one run) and fell by ~100 MB with these collections.
   */
  collectGarbage?: () => void;
  /** Letters written between two collections (default 20,000). */
  lettersPerCollection?: number;
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
  const writer = await LetterFolderWriter.open(path.join(options.outDir, LETTERS_DIR), options.known);
  const lettersPerCollection = options.lettersPerCollection ?? 20_000;
  let count = 0;
  try {
    // Rendered and written one by one (a broken template fails on the first letter, before any write).
    const letters = renderLetterFiles(report, options.lang, template);
    for (;;) {
      const next = renderTemplateError(options, 'letter', () => letters.next());
      if (next.done) break;
      if (count > 0 && count % lettersPerCollection === 0) options.collectGarbage?.();
      count += 1;
      writer.add(next.value);
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer.finish(options.lang);
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
    'md',
    async (report, options) => {
      const pieces = await renderWithTemplate(options, 'report', (text) =>
        renderReportPieces(report, options.lang, text),
      );
      return [await writeChunksIfChanged(path.join(options.outDir, `report.${options.lang}.md`), pieces)];
    },
  ],
  ['letters', exportLetters],
]);

/**
 * Exporters that go through the candidates: driven together in one pass (candidate-pass.ts), so
 * each candidate's full results and dossier are read once for all of them.
 */
export type PassExporter = (report: EvaluationReport, options: ExportOptions) => Promise<CandidateVisitor>;

/** The workbook; its record (size and time) is taken once it is in place. */
async function startXlsx(report: EvaluationReport, options: ExportOptions): Promise<CandidateVisitor> {
  const name = `prequal-${sanitizeFileNamePart(report.tender.reference)}${languageSuffix(report, options.lang)}.xlsx`;
  const book = await startWorkbook(report, options.lang, path.join(options.outDir, name));
  return {
    ...book,
    finish: async () =>
      (await book.finish()).map((entry) => ({ ...entry, record: recordFile(entry.file) ?? undefined })),
  };
}

/** The JSON document of SPEC §6, a candidate at a time, rewritten only when its bytes change. */
async function startJson(report: EvaluationReport, options: ExportOptions): Promise<CandidateVisitor> {
  const file = path.join(options.outDir, `shortlist${languageSuffix(report, options.lang)}.json`);
  const pieces = jsonPieces(report, options.lang);
  const writer = await ChunkFileWriter.open(file);
  try {
    writer.write(pieces.head());
  } catch (error) {
    await writer.abort();
    throw error;
  }
  let finished = false;
  return {
    visit: (candidate, detail) => writer.write(pieces.candidate(candidate, detail.results())),
    finish: async () => {
      writer.write(pieces.tail());
      finished = true;
      return [await writer.finish()];
    },
    abort: async () => {
      if (!finished) await writer.abort();
    },
  };
}

/**
 * The OCDS release, written as the candidates pass (ocds-stream.ts) and rewritten only when its
 * bytes change; what waits for the later lists spills into the output folder.
 */
async function startOcds(report: EvaluationReport, options: ExportOptions): Promise<CandidateVisitor> {
  const file = path.join(options.outDir, `ocds-${sanitizeFileNamePart(report.tender.reference)}.json`);
  const lang = ocdsLanguage(report);
  const writer = await ChunkFileWriter.open(file);
  let stream: OcdsStream;
  try {
    stream = new OcdsStream(report, writer, options.outDir);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  let finished = false;
  return {
    visit: (candidate, detail) => stream.add(ocdsApplication(candidate, detail.dossier(), lang)),
    drain: () => stream.drain(),
    finish: async () => {
      await stream.finish();
      await stream.close();
      finished = true;
      return [await writer.finish()];
    },
    abort: async () => {
      await stream.close();
      if (!finished) await writer.abort();
    },
  };
}

/** Built-in pass exporters by format. */
export const PASS_EXPORTERS = new Map<string, PassExporter>([
  ['xlsx', startXlsx],
  ['json', startJson],
  ['ocds', startOcds],
]);

/** Adds or replaces the exporter of `format`. */
export function registerExporter(format: string, exporter: Exporter): void {
  EXPORTERS.set(format, exporter);
}

/** The formats asked for, once each; an unknown one, or none at all, is a usage error. */
export function assertKnownFormats(requested: readonly string[]): string[] {
  const formats = [...new Set(requested)];
  const unknown = formats.filter((format) => !EXPORTERS.has(format) && !PASS_EXPORTERS.has(format));
  const known = () => [...EXPORTERS.keys(), ...PASS_EXPORTERS.keys()].join(', ');
  if (unknown.length) {
    throw new UserError(`unknown export format: ${unknown.join(', ')} (known: ${known()})`, EXIT.usage);
  }
  // `--format ''` (an unset variable in a script) used to export nothing and exit 0.
  if (formats.length === 0)
    throw new UserError(`--format names no export format (known: ${known()})`, EXIT.usage);
  return formats;
}

/**
 * Writes every requested format into `outDir`, each file atomically. Unknown formats are a
 * usage error raised before anything is written.
 */
export async function runExports(report: EvaluationReport, options: ExportOptions): Promise<ExportedFile[]> {
  const byFormat = await runExportsByFormat(report, options);
  return [...byFormat.values()].flat();
}

/**
 * runExports, with the files of each format apart, in the order the formats were asked for.
 * The formats that go through the candidates share one pass: ask for them together, or each
 * candidate's results are read back and decoded once per format.
 */
export async function runExportsByFormat(
  report: EvaluationReport,
  options: ExportOptions,
  /** Told of each format's files as soon as they are in place, so a later failure loses none. */
  onFormat?: (format: string, files: ExportedFile[]) => void,
): Promise<Map<string, ExportedFile[]>> {
  const formats = assertKnownFormats(options.formats);
  // Owner-only on creation, as the exports inside are (an existing folder keeps its mode).
  await fs
    .mkdir(options.outDir, { recursive: true, mode: 0o700 })
    .catch((error) => Promise.reject(describeWriteError(options.outDir, error)));
  // A folder that cannot be listed is reported by the first file written to it.
  const names = await fs.readdir(options.outDir).catch(() => []);
  await removeStaleTemporaries(options.outDir, names);
  // Before any format: a kill in the middle of swapping the letters may have left no letters/.
  await recoverStagedFolders(options.outDir, names, LETTERS_DIR);
  const byFormat = new Map<string, ExportedFile[]>();
  // A format registered as a plain exporter wins over a built-in pass exporter of the same name.
  const passing = formats.filter((format) => !EXPORTERS.has(format) && PASS_EXPORTERS.has(format));
  const visitors: CandidateVisitor[] = [];
  try {
    for (const format of passing)
      visitors.push(await (PASS_EXPORTERS.get(format) as PassExporter)(report, options));
  } catch (error) {
    await Promise.all(visitors.map((visitor) => visitor.abort().catch(() => undefined)));
    throw error;
  }
  const passed = await runCandidatePass(report, visitors);
  for (const [index, format] of passing.entries()) {
    byFormat.set(format, passed[index] ?? []);
    onFormat?.(format, passed[index] ?? []);
  }
  for (const format of formats) {
    const exporter = EXPORTERS.get(format);
    if (!exporter) continue;
    options.collectGarbage?.();
    const files = await exporter(report, options);
    byFormat.set(format, files);
    onFormat?.(format, files);
  }
  // In the order asked for.
  return new Map(formats.map((format) => [format, byFormat.get(format) ?? []]));
}
