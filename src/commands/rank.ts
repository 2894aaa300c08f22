import type { Context } from '../context.js';
import { renderJsonPieces } from '../export/json.js';
import { requireEvaluableCriteria } from '../pipeline/check-stored-inputs.js';
import { evaluateWorkspace } from '../pipeline/evaluate-workspace.js';
import { assertFinality, type Finality, finalityOf } from '../pipeline/exit-status.js';
import { markSnapshot, readTableSnapshot, saveTableSnapshot } from '../pipeline/run-snapshot.js';
import { reportLanguage, withReadingSession } from '../pipeline/session.js';
import { rankTablePieces } from '../ui/rank-table.js';

export interface RankOptions {
  json?: boolean;
  lang?: string;
}

/**
 * `prequal rank`: the ranked table, or SPEC §6's JSON document with --json. The table is the
 * stored one when nothing changed since it was made (see run-snapshot.ts); --json, which carries
 * the run's time, is always made anew.
 */
export async function rankCommand(ctx: Context, options: RankOptions): Promise<void> {
  const finality = await withReadingSession(ctx, async (session): Promise<Finality> => {
    const lang = reportLanguage(session, options.lang);
    // Taken before the evaluation reads anything (see SnapshotMark); --json keeps no snapshot.
    const mark = options.json ? null : markSnapshot(session, await requireEvaluableCriteria(session), lang);
    if (mark?.key) {
      const snapshot = readTableSnapshot(session.store, lang, mark.key);
      if (snapshot) {
        ctx.out(snapshot.table);
        return snapshot.finality;
      }
    }
    const { report, version, scored } = await evaluateWorkspace(session);
    const finality = finalityOf(report.shortlist);
    if (mark === null) {
      for (const piece of renderJsonPieces(report, lang)) ctx.out(piece);
      return finality;
    }
    const pieces = rankTablePieces(report.shortlist, version.criteria, lang);
    saveTableSnapshot(
      session,
      version,
      lang,
      pieces,
      { finality, evaluable: scored.evaluations.length },
      ctx.out,
      mark,
    );
    return finality;
  });
  assertFinality(finality, {});
}
