import path from 'node:path';
import type { Context } from '../context.js';
import { EXIT, ExitError, UserError } from '../errors.js';
import { requireCriteriaVersion } from '../pipeline/import-criteria.js';
import { importScoreCsv, recordScoreRows, type ScoreImport } from '../pipeline/import-scores.js';
import { type Session, withSession } from '../pipeline/session.js';
import { issueLine } from '../ui/terminal-text.js';
import type { ScoreOptions } from './score.js';

/**
 * Manual scores: one by flags (`--evaluator --candidate --criterion --points --comment`),
 * in bulk with `--from FILE.csv|FILE.xlsx`, or interactively on a terminal with `--evaluator` alone.
 */
export async function manualScoreCommand(ctx: Context, options: ScoreOptions): Promise<void> {
  const result = await withSession(ctx, async (session) => {
    const criteria = requireCriteriaVersion(session).criteria;
    if (options.from !== undefined) return importFrom(session, path.resolve(ctx.cwd, options.from), criteria);
    const evaluator = options.evaluator ?? '';
    const single = [options.candidate, options.criterion, options.points, options.comment];
    if (single.every((v) => v === undefined)) {
      if (!ctx.interactive) {
        throw new UserError(
          'not on a terminal: give --candidate, --criterion, --points and --comment, or --from FILE',
          EXIT.usage,
        );
      }
      const { scoreInteractively } = await import('../ui/score-prompts.js');
      await scoreInteractively(session, evaluator, criteria);
      return null;
    }
    const missing = (['candidate', 'criterion', 'points', 'comment'] as const).filter(
      (k) => options[k] === undefined,
    );
    if (missing.length > 0)
      throw new UserError(`missing ${missing.map((m) => `--${m}`).join(', ')}`, EXIT.usage);
    return recordScoreRows(
      session,
      [
        {
          evaluator,
          candidate: options.candidate ?? '',
          criterion: options.criterion ?? '',
          points: options.points ?? '',
          comment: options.comment ?? '',
          file: 'command line',
        },
      ],
      criteria,
      'command line',
    );
  });
  if (result) reportImport(ctx, result);
}

async function importFrom(
  session: Session,
  file: string,
  criteria: Parameters<typeof importScoreCsv>[2],
): Promise<ScoreImport> {
  if (file.toLowerCase().endsWith('.xlsx')) {
    const { importScoreSheet } = await import('../committee/score-sheet-import.js');
    return importScoreSheet(session, file, criteria);
  }
  return importScoreCsv(session, file, criteria);
}

/** Prints what an import recorded; when it was refused, every problem and exit 1. */
export function reportImport(ctx: Context, result: ScoreImport): void {
  if (result.issues.length > 0) {
    for (const issue of result.issues) ctx.err(`  ${issueLine(issue)}\n`);
    throw new ExitError(EXIT.failure, `${result.file}: nothing recorded, ${result.issues.length} problem(s)`);
  }
  ctx.out(`${result.file}: ${result.recorded} score(s) recorded, ${result.unchanged} unchanged\n`);
}
