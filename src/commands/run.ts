import type { Context } from '../context.js';
import type { EvaluationReport, Lang } from '../core/types.js';
import { renderJsonPieces } from '../export/json.js';
import { resolveOutDir } from '../export/out-dir.js';
import { assertKnownFormats } from '../export/registry.js';
import { collectGarbage } from '../pipeline/collect-garbage.js';
import type { evaluateWorkspace as EvaluateWorkspace } from '../pipeline/evaluate-workspace.js';
import { assertFinality, type Finality, finalityOf } from '../pipeline/exit-status.js';
import { importCriteriaFile } from '../pipeline/import-criteria.js';
import { importScoreFiles } from '../pipeline/import-scores.js';
import { ingestDossiers } from '../pipeline/ingest-dossiers.js';
import {
  keyTableSnapshot,
  markSnapshot,
  readTableSnapshot,
  type SnapshotFacts,
  type SnapshotMark,
  type StagedSnapshot,
  stageTableSnapshot,
} from '../pipeline/run-snapshot.js';
import { reportLanguage, type Session, withSession } from '../pipeline/session.js';
import type { CriteriaVersion } from '../store/index.js';
import { progressBar } from '../ui/progress.js';
import { rankTablePieces } from '../ui/rank-table.js';
import { type ProducedExports, produceReleasedExports, recordExports, replayExports } from './export.js';
import { renderIngestSummary } from './ingest.js';
import { reportScoreImports } from './score.js';

export interface RunOptions {
  out?: string;
  format?: string[];
  lang?: string;
  strict?: boolean;
  json?: boolean;
}

/**
 * `prequal run`: ingest + criteria import + scores/*.csv + score + export, for scripts.
 * Exit code per SPEC §7: 0, or 3 when the shortlist is not final; 1 when a score file was rejected.
 */
export async function runCommand(ctx: Context, options: RunOptions): Promise<void> {
  // A usage error is reported before any work is done.
  if (options.format) assertKnownFormats(options.format);
  resolveOutDir(ctx, options.out);
  const { finality, imports } = await withSession(ctx, async (session) => {
    const bar = progressBar(ctx, 'reading dossiers');
    const ingest = await ingestDossiers(session, { onProgress: bar, collectGarbage });
    bar.end();
    collectGarbage();
    ctx.err(renderIngestSummary(ingest));
    const { version, created } = await importCriteriaFile(session);
    ctx.err(`criteria version ${version.version}${created ? ' (new)' : ''}\n`);
    const imports = importScoreFiles(session, version.criteria);
    const lang = reportLanguage(session, options.lang);
    // Taken once, before anything reads the evaluation (see SnapshotMark): the replay looks the
    // table up by its key, and a full run keys its new table against it. --json keeps no snapshot.
    const mark = options.json ? null : markSnapshot(session, version, lang);
    const replayed = mark === null ? null : replayRun(session, mark, lang, options);
    if (replayed) return { finality: replayed, imports };
    // Loaded only now: a replayed run needs neither the evaluation nor the schemas it pulls in
    // (zod and some hundred modules, longer to load than such a run takes otherwise).
    const [{ refreshEvaluations }, { evaluateWorkspace }] = await Promise.all([
      import('../pipeline/refresh-evaluations.js'),
      import('../pipeline/evaluate-workspace.js'),
    ]);
    // Evaluates what the cache lacks on worker threads; the report below then reads the cache.
    const scoring = progressBar(ctx, 'scoring');
    const refreshed = await refreshEvaluations(session, version, { onProgress: scoring });
    scoring.end();
    collectGarbage();
    const { finality, staged, produced } = await evaluateAndExport(session, version, lang, mark, options, {
      evaluable: refreshed.evaluated,
      evaluateWorkspace,
    });
    // Recorded once the report is out of reach: its candidates need not outlive the exports.
    // The table snapshot is keyed only now, as the key covers the export's own audit entry.
    collectGarbage();
    recordExports(session, produced, (own) =>
      staged === null ? null : keyTableSnapshot(session, version, staged, own),
    );
    return { finality, imports };
  });
  reportScoreImports(ctx, imports);
  assertFinality(finality, { strict: options.strict });
}

/**
 * Ranks the cached evaluations, prints the table (or --json) and writes the exports; returns
 * what is left to record. The report lives only in here.
 */
async function evaluateAndExport(
  session: Session,
  version: CriteriaVersion,
  lang: Lang,
  mark: SnapshotMark | null,
  options: RunOptions,
  facts: { evaluable: number; evaluateWorkspace: typeof EvaluateWorkspace },
): Promise<{ finality: Finality; staged: StagedSnapshot | null; produced: ProducedExports }> {
  const { report } = await facts.evaluateWorkspace(session, { version: version.version, collectGarbage });
  // Ranking read every summary from the store: their JSON is garbage now (at 100,000 candidates,
  // ~120 of 360 MB of heap), and the table below would otherwise grow the heap on top of it.
  collectGarbage();
  const finality = finalityOf(report.shortlist);
  let staged: StagedSnapshot | null = null;
  // --json: the document carries the run's time, so no snapshot of it is kept.
  if (mark === null) for (const piece of renderJsonPieces(report, lang)) session.ctx.out(piece);
  else staged = printTable(session, report, version, lang, { finality, evaluable: facts.evaluable }, mark);
  return { finality, staged, produced: await produceReleasedExports(session, report, options) };
}

/**
 * Prints the ranked table and stages it as the run's snapshot, piece by piece: the table (tens of
 * megabytes at 100,000 candidates) is never held whole.
 */
function printTable(
  session: Session,
  report: EvaluationReport,
  version: CriteriaVersion,
  lang: Lang,
  facts: SnapshotFacts,
  mark: SnapshotMark,
): StagedSnapshot {
  const pieces = rankTablePieces(report.shortlist, version.criteria, lang);
  return stageTableSnapshot(session, lang, pieces, facts, session.ctx.out, mark);
}

/**
 * When nothing the table and the exports depend on changed since the last run (see run-snapshot.ts)
 * and the exports are intact, prints what that run printed and returns its exit facts; else null.
 * Not for --json: SPEC §6's document carries the run's time, so it is made anew each time.
 */
function replayRun(session: Session, mark: SnapshotMark, lang: Lang, options: RunOptions): Finality | null {
  const { key } = mark;
  const snapshot = key === null ? null : readTableSnapshot(session.store, lang, key);
  if (key === null || snapshot === null) return null;
  // Checked before anything is printed; reported after the table, where a full run reports them.
  const exportLines = replayExports(session, options, key);
  if (exportLines === null) return null;
  const scoring = progressBar(session.ctx, 'scoring');
  scoring(snapshot.evaluable, snapshot.evaluable);
  scoring.end();
  session.ctx.out(snapshot.table);
  session.ctx.err(exportLines);
  return snapshot.finality;
}
