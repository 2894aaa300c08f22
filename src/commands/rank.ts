import type { Context } from '../context.js';
import { renderJson } from '../export/json.js';
import { evaluateWorkspace, reportLanguage } from '../pipeline/evaluate-workspace.js';
import { assertFinal } from '../pipeline/exit-status.js';
import { withSession } from '../pipeline/session.js';
import { renderRankTable } from '../ui/rank-table.js';

export interface RankOptions {
  json?: boolean;
  lang?: string;
}

/** `prequal rank`: the ranked table, or SPEC §6's JSON document with --json. */
export async function rankCommand(ctx: Context, options: RankOptions): Promise<void> {
  const shortlist = await withSession(ctx, (session) => {
    const { report, version } = evaluateWorkspace(session);
    const lang = reportLanguage(session, options.lang);
    ctx.out(
      options.json ? renderJson(report, lang) : renderRankTable(report.shortlist, version.criteria, lang),
    );
    return report.shortlist;
  });
  assertFinal(shortlist, {});
}
