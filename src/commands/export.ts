import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { formatNumber } from '../core/text.js';
import type { EvaluationReport, Lang } from '../core/types.js';
import { exportKeyer } from '../export/export-key.js';
import { renderJsonPieces } from '../export/json.js';
import { defaultTemplatesDir } from '../export/markdown.js';
import { resolveOutDir } from '../export/out-dir.js';
import {
  assertKnownFormats,
  type ExportedFile,
  LETTERS_DIR,
  runExportsByFormat,
} from '../export/registry.js';
import { joinPieces } from '../export/text-pieces.js';
import type { FileRecord } from '../export/write-outputs.js';
import { collectGarbage } from '../pipeline/collect-garbage.js';
import { assertFinality, type Finality, finalityOf } from '../pipeline/exit-status.js';
import {
  type ExportState,
  exportStateName,
  isFormatIntact,
  previousExport,
  readExportState,
  writeExportState,
} from '../pipeline/export-state.js';
import { reportLanguage, type Session, withSession } from '../pipeline/session.js';
import { appendAudit } from '../store/index.js';

export const DEFAULT_FORMATS = ['xlsx', 'md', 'json', 'letters', 'ocds'];

export interface ExportOptions {
  format?: string[];
  lang?: string;
  out?: string;
  /** Also print SPEC §6's JSON document on stdout, for scripts. */
  json?: boolean;
}

/** `prequal export`: every format (or --format) into <workspace>/out (or --out), atomically. */
export async function exportCommand(ctx: Context, options: ExportOptions): Promise<void> {
  if (options.format) assertKnownFormats(options.format);
  resolveOutDir(ctx, options.out);
  const finality = await withSession(ctx, async (session) => {
    const { finality, produced } = await evaluateAndProduce(session, options);
    // Recorded once the report is out of reach, as `run` does.
    collectGarbage();
    recordExports(session, produced);
    return finality;
  });
  assertFinality(finality, {});
}

/** Ranks the stored evaluations and writes the exports; the report lives only in here. */
async function evaluateAndProduce(
  session: Session,
  options: ExportOptions,
): Promise<{ finality: Finality; produced: ProducedExports }> {
  // Loaded here, not with this module: `run` uses its export functions on a replay too.
  const { evaluateWorkspace } = await import('../pipeline/evaluate-workspace.js');
  const { report } = await evaluateWorkspace(session, { collectGarbage });
  const finality = finalityOf(report.shortlist);
  // SPEC §6 names `export --json` with the read commands: the same document `rank --json` prints.
  if (options.json) {
    for (const piece of renderJsonPieces(report, reportLanguage(session, options.lang)))
      session.ctx.out(piece);
  }
  return { finality, produced: await produceReleasedExports(session, report, options) };
}

/**
 * produceExports for a command that reads nothing more of the report: the ranked summaries no
 * export needs are released first (the exports read those candidates' results one at a time,
 * from the store) and the heap they held is collected before the exports fill it again.
 */
export async function produceReleasedExports(
  session: Session,
  report: EvaluationReport,
  options: ExportOptions,
): Promise<ProducedExports> {
  report.releaseSummaries?.(report.shortlist.candidates);
  collectGarbage();
  return produceExports(session, report, options);
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
  return recordExports(session, await produceExports(session, report, options));
}

/**
 * What produceExports made, and all recordExports needs to record it: not the report, so that a
 * caller that drops the report before recording frees every candidate first (at 100,000
 * candidates the records and the audit entry are made on top of nothing else).
 */
export interface ProducedExports {
  resolved: ResolvedExport;
  stateName: string;
  /** The previous state, when made from the same inputs. */
  current: ExportState | null;
  keyOf: ReturnType<typeof exportKeyer>;
  criteriaVersion: number;
  files: ExportedFile[];
  built: Record<string, Record<string, FileRecord>>;
  failure?: { error: unknown };
}

/**
 * Writes the stale formats of a report. The formats put in place before one fails are still
 * returned, to be recorded and audited: the pass formats are written before the others, so a
 * broken report template must not leave a changed shortlist.json that no audit entry names (the
 * next export would find its bytes unchanged).
 */
export async function produceExports(
  session: Session,
  report: EvaluationReport,
  options: ExportOptions,
): Promise<ProducedExports> {
  const resolved = resolveExport(session, options);
  const { lang, outDir, formats, templatesDir, templates } = resolved;
  const keyOf = exportKeyer(report, { lang, templates });
  const stateName = exportStateName(session.ctx.workspace, outDir, lang);
  const { current, known } = previousExport(session.store, stateName, keyOf(), outDir);
  const files: ExportedFile[] = [];
  const built: Record<string, Record<string, FileRecord>> = {};
  const stale = formats.filter((format) => {
    const records = current?.files[format];
    return !(records && isFormatIntact(outDir, records));
  });
  // Every stale format at once, so those that go through the candidates share one reading of them.
  const produced = new Map<string, ExportedFile[]>();
  let failure: { error: unknown } | undefined;
  if (stale.length > 0) {
    try {
      await runExportsByFormat(
        report,
        { formats: stale, lang, outDir, templatesDir, known, collectGarbage },
        (format, made) => produced.set(format, made),
      );
    } catch (error) {
      failure = { error };
    }
  }
  for (const format of formats) {
    const made = produced.get(format);
    if (made) {
      files.push(...made);
      built[format] = recordsOf(outDir, made);
      continue;
    }
    // Stale and not made: its exporter failed (or was not reached); nothing of it is in place.
    if (stale.includes(format)) continue;
    const records = current?.files[format] ?? {};
    for (const name of Object.keys(records)) files.push({ file: path.join(outDir, name), written: false });
  }
  const criteriaVersion = report.criteriaVersion;
  return {
    resolved,
    stateName,
    current,
    keyOf,
    criteriaVersion,
    files,
    built,
    ...(failure ? { failure } : {}),
  };
}

/**
 * Audits and records what produceExports made, reports it on stderr and throws its failure, if
 * any. `runSnapshotKey`, called once the export's own audit entry is appended and only when
 * nothing failed, gives the run snapshot the files are current under (see replayExports).
 */
export function recordExports(
  session: Session,
  produced: ProducedExports,
  runSnapshotKey?: (own?: { seq: number; hash: string }) => string | null,
): ExportedFile[] {
  const { ctx } = session;
  const { resolved, current, files, built, failure } = produced;
  const written = files.filter((f) => f.written || f.removed);
  let auditHead: { seq: number; hash: string } | undefined;
  if (written.length > 0) {
    auditHead = appendAudit(session.store, {
      at: session.at,
      who: ctx.user,
      action: 'export.write',
      subject: path.relative(ctx.workspace, resolved.outDir) || '.',
      after: written.map((f) => path.basename(f.file)),
      why: `export (${resolved.lang}) of criteria version ${produced.criteriaVersion}`,
    });
  }
  // A snapshot that cannot be keyed only makes the next run evaluate again: the files are
  // still recorded and reported before that failure is thrown.
  let runKey: string | null = null;
  let keyFailure: { error: unknown } | undefined;
  try {
    runKey = failure ? null : (runSnapshotKey?.(auditHead) ?? null);
  } catch (error) {
    keyFailure = { error };
  }
  const snapshotKey = runKey === null ? undefined : exportSnapshotKey(runKey, resolved);
  const marked = snapshotKey !== undefined && snapshotKey !== current?.snapshotKey;
  if (Object.keys(built).length > 0 || auditHead || (marked && current)) {
    // Keyed with the audit head that includes this export's own entry, so the next run, if
    // nothing else happened, finds the same key. Formats not rebuilt now stay valid only if
    // they were made from the same inputs.
    writeExportState(session.store, produced.stateName, {
      key: produced.keyOf(auditHead),
      files: { ...(current?.files ?? {}), ...built },
      ...(snapshotKey === undefined ? {} : { snapshotKey }),
    });
  }
  for (const piece of joinPieces(exportedFileLines(ctx.cwd, resolved.outDir, files))) ctx.err(piece);
  if (failure) throw failure.error;
  if (keyFailure) throw keyFailure.error;
  return files;
}

interface ResolvedExport {
  lang: Lang;
  outDir: string;
  formats: string[];
  templatesDir: string;
  templates: string[];
}

/** Language, folder, formats (an unknown one is a usage error) and templates of an export. */
function resolveExport(session: Session, options: ExportOptions): ResolvedExport {
  const { ctx } = session;
  const lang: Lang = reportLanguage(session, options.lang);
  const outDir = resolveOutDir(ctx, options.out);
  const formats = assertKnownFormats(options.format ?? DEFAULT_FORMATS);
  const templatesDir = templatesFor(ctx.workspace);
  return { lang, outDir, formats, templatesDir, templates: readTemplateTexts(templatesDir, lang) };
}

/**
 * The export report for stderr, a line at a time: one line per file written or removed, and a
 * single count of the files left unchanged (a large tender has thousands of letters; a line each
 * is noise). Letters are named one by one up to LETTER_LINES written (or removed); beyond, one
 * line counts them: a first export of 10,000 candidates printed 10,000 lines. `alsoUnchanged`
 * counts unchanged files not in `files`.
 */
export function* exportedFileLines(
  cwd: string,
  outDir: string,
  files: readonly ExportedFile[],
  alsoUnchanged = 0,
): Generator<string> {
  const shown = (file: string) => path.relative(cwd, file) || file;
  const lettersDir = path.join(outDir, LETTERS_DIR);
  const isLetter = (file: ExportedFile) => path.dirname(file.file) === lettersDir;
  const letters = { written: 0, removed: 0 };
  for (const file of files)
    if (isLetter(file) && (file.removed || file.written)) letters[file.removed ? 'removed' : 'written'] += 1;
  const folded = (kind: 'written' | 'removed') => letters[kind] > LETTER_LINES;
  let unchanged = alsoUnchanged;
  for (const file of files) {
    const kind = file.removed ? 'removed' : file.written ? 'written' : null;
    if (kind === null) unchanged += 1;
    else if (!(isLetter(file) && folded(kind))) yield `${kind}: ${shown(file.file)}\n`;
  }
  for (const kind of ['written', 'removed'] as const)
    if (folded(kind))
      yield `${kind}: ${formatNumber(letters[kind], 'en', 0)} letters in ${shown(lettersDir)}/\n`;
  if (unchanged === 0) return;
  const count = `${formatNumber(unchanged, 'en', 0)} ${unchanged === 1 ? 'file' : 'files'}`;
  yield `unchanged: ${count} in ${path.relative(cwd, outDir) || '.'}/\n`;
}

/** Letters written or removed beyond which the export report counts them instead of naming each. */
const LETTER_LINES = 20;

/** The run snapshot key joined with what else the exports are made of (template folder and texts). */
function exportSnapshotKey(snapshotKey: string, resolved: ResolvedExport): string {
  const hash = createHash('sha256').update(`${snapshotKey}\n${resolved.templatesDir}\n`);
  for (const text of resolved.templates) hash.update(createHash('sha256').update(text).digest('hex'));
  return hash.digest('hex');
}

/**
 * For a run whose snapshot matched: when every file of every format asked for was made under
 * that snapshot and is intact, returns the lines exportReport would print (every file unchanged);
 * otherwise null (the run then takes the full path).
 */
export function replayExports(session: Session, options: ExportOptions, snapshotKey: string): string | null {
  const resolved = resolveExport(session, options);
  const state = readExportState(
    session.store,
    exportStateName(session.ctx.workspace, resolved.outDir, resolved.lang),
  );
  if (!state || state.snapshotKey !== exportSnapshotKey(snapshotKey, resolved)) return null;
  let unchanged = 0;
  for (const format of resolved.formats) {
    const records = state.files[format];
    if (!records || !isFormatIntact(resolved.outDir, records)) return null;
    unchanged += Object.keys(records).length;
  }
  return [...exportedFileLines(session.ctx.cwd, resolved.outDir, [], unchanged)].join('');
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
