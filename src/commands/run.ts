import type { Context } from '../context.js';
import { renderJson } from '../export/json.js';
import { evaluateWorkspace, reportLanguage } from '../pipeline/evaluate-workspace.js';
import { assertFinal } from '../pipeline/exit-status.js';
import { importCriteriaFile } from '../pipeline/import-criteria.js';
import { importScoreFiles } from '../pipeline/import-scores.js';
import { ingestDossiers } from '../pipeline/ingest-dossiers.js';
import { refreshEvaluations } from '../pipeline/refresh-evaluations.js';
import { withSession } from '../pipeline/session.js';
import { progressBar } from '../ui/progress.js';
import { renderRankTable } from '../ui/rank-table.js';
import { exportReport } from './export.js';
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
  const { shortlist, imports } = await withSession(ctx, async (session) => {
    const bar = progressBar(ctx, 'reading dossiers');
    const ingest = await ingestDossiers(session, { onProgress: bar });
    bar.end();
    ctx.err(renderIngestSummary(ingest));
    const { version, created } = importCriteriaFile(session);
    ctx.err(`criteria version ${version.version}${created ? ' (new)' : ''}\n`);
    const imports = importScoreFiles(session, version.criteria);
    // Evaluates what the cache lacks on worker threads; the report below then reads the cache.
    const scoring = progressBar(ctx, 'scoring');
    await refreshEvaluations(session, version, { onProgress: scoring });
    scoring.end();
    const { report } = evaluateWorkspace(session, { version: version.version });
    const lang = reportLanguage(session, options.lang);
    ctx.out(
      options.json ? renderJson(report, lang) : renderRankTable(report.shortlist, version.criteria, lang),
    );
    await exportReport(session, report, options);
    return { shortlist: report.shortlist, imports };
  });
  reportScoreImports(ctx, imports);
  assertFinal(shortlist, { strict: options.strict });
}
