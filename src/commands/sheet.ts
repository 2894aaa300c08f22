import path from 'node:path';
import { writeScoreSheet } from '../committee/score-sheet-export.js';
import { importScoreSheet } from '../committee/score-sheet-import.js';
import { slugOfName } from '../committee/score-sheet-layout.js';
import { findScoringRefusal, listScoringItems } from '../committee/scoring-work.js';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { requireCriteriaVersion } from '../pipeline/import-criteria.js';
import { reportLanguage, withSession } from '../pipeline/session.js';
import { appendAudit } from '../store/index.js';
import { reportImport } from './manual-scoring.js';

export interface SheetExportOptions {
  evaluator: string;
  out?: string;
  lang?: string;
}

/**
 * `prequal sheet export --evaluator NAME`: the evaluator's offline score sheet, one row per
 * candidate × manual criterion, with the scores they already gave filled in.
 */
export async function sheetExportCommand(ctx: Context, options: SheetExportOptions): Promise<void> {
  await withSession(ctx, async (session) => {
    const version = requireCriteriaVersion(session);
    const refusal = findScoringRefusal(session, options.evaluator);
    // An undeclared evaluator may still receive the sheet: the declaration is checked at import.
    if (refusal && !refusal.undeclared) throw new UserError(`no score sheet: ${refusal.reason}`);
    if (refusal) ctx.err(`warning: ${refusal.reason}; the sheet cannot be imported until then\n`);
    const items = listScoringItems(session, options.evaluator, version.criteria);
    if (items.length === 0) {
      throw new UserError(
        `nothing to score: criteria version ${version.version} has no manual criterion, or no dossier is valid`,
      );
    }
    const file = options.out
      ? path.resolve(ctx.cwd, options.out)
      : path.join(ctx.workspace, 'out', 'sheets', `score-sheet-${slugOfName(options.evaluator)}.xlsx`);
    const lang = reportLanguage(session, options.lang);
    await writeScoreSheet(file, {
      evaluator: options.evaluator,
      tender: session.tender,
      criteriaVersion: version.version,
      items,
      lang,
      at: session.at,
    });
    const filled = items.filter((i) => i.current !== null).length;
    appendAudit(session.store, {
      at: session.at,
      who: ctx.user,
      action: 'sheet.export',
      subject: options.evaluator,
      after: {
        file: path.relative(ctx.workspace, file),
        rows: items.length,
        prefilled: filled,
        criteriaVersion: version.version,
      },
      why: `offline score sheet (${lang})`,
    });
    ctx.out(`written: ${shownPath(ctx.cwd, file)} (${items.length} row(s), ${filled} already scored)\n`);
  });
}

/** `prequal sheet import FILE`: records a filled score sheet, all or nothing. */
export async function sheetImportCommand(ctx: Context, _options: object, file: string): Promise<void> {
  const result = await withSession(ctx, (session) =>
    importScoreSheet(session, path.resolve(ctx.cwd, file), requireCriteriaVersion(session).criteria),
  );
  reportImport(ctx, result);
}

/** Relative to where the user typed the command when the file is below it, else absolute. */
function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
