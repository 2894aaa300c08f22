import type { Context } from '../context.js';
import { EXIT, ExitError, UserError } from '../errors.js';
import { importScoreFiles, type ScoreImport } from '../pipeline/import-scores.js';
import type { RefreshResult } from '../pipeline/refresh-evaluations.js';
import { withSession } from '../pipeline/session.js';
import { progressBar } from '../ui/progress.js';
import { issueLine } from '../ui/terminal-text.js';

export interface ScoreOptions {
  evaluator?: string;
  candidate?: string;
  criterion?: string;
  points?: string;
  comment?: string;
  from?: string;
}

/**
 * `prequal score`: without --evaluator/--from, reads scores/*.csv and evaluates every valid
 * dossier against the current criteria (cached: nothing changed, nothing recomputed). With
 * --evaluator or --from, records manual scores (see manual-scoring.ts).
 */
export async function scoreCommand(ctx: Context, options: ScoreOptions): Promise<void> {
  if (options.evaluator !== undefined || options.from !== undefined) {
    const { manualScoreCommand } = await import('./manual-scoring.js');
    return manualScoreCommand(ctx, options);
  }
  for (const flag of ['candidate', 'criterion', 'points', 'comment'] as const) {
    if (options[flag] !== undefined) throw new UserError(`--${flag} goes with --evaluator`, EXIT.usage);
  }
  // Loaded here, not with this module: `run` uses reportScoreImports on a replay too.
  const [{ requireEvaluableCriteria }, { refreshEvaluations }] = await Promise.all([
    import('../pipeline/check-stored-inputs.js'),
    import('../pipeline/refresh-evaluations.js'),
  ]);
  const imports = await withSession(ctx, async (session) => {
    const version = await requireEvaluableCriteria(session);
    const imported = importScoreFiles(session, version.criteria);
    const bar = progressBar(ctx, 'scoring');
    // Only the cache is brought up to date: nothing needs the evaluations themselves here.
    const scored = await refreshEvaluations(session, version, { onProgress: bar });
    bar.end();
    ctx.out(
      `criteria version ${version.version}: ${scored.evaluated} candidate(s) evaluated (${describeComputed(scored, version.criteria.criteria.length)}), ${scored.invalid} invalid\n`,
    );
    return imported;
  });
  reportScoreImports(ctx, imports);
}

/**
 * What a refresh computed, per criterion and candidate: `1 criterion of 12 computed for 9950,
 * 0 unchanged` after a threshold changed, `12 criteria of 12 computed for 9950, …` the first time.
 */
export function describeComputed(scored: RefreshResult, criteria: number): string {
  const parts = scored.computedCriteria.map(
    (entry, i) =>
      `${entry.criteria} ${entry.criteria === 1 ? 'criterion' : 'criteria'}${i === 0 ? ` of ${criteria} computed` : ''} for ${entry.dossiers}`,
  );
  return [...parts, `${scored.evaluated - scored.computed} unchanged`].join(', ');
}

/** Prints what each score file gave; any rejected file makes the command fail after the work is done. */
export function reportScoreImports(ctx: Context, imports: ScoreImport[]): void {
  for (const entry of imports) {
    if (entry.issues.length === 0) {
      if (entry.recorded > 0) ctx.err(`${entry.file}: ${entry.recorded} score(s) recorded\n`);
      continue;
    }
    ctx.err(`${entry.file}: nothing recorded, ${entry.issues.length} problem(s):\n`);
    for (const issue of entry.issues) ctx.err(`  ${issueLine(issue)}\n`);
  }
  const rejected = imports.filter((i) => i.issues.length > 0).map((i) => i.file);
  if (rejected.length > 0)
    throw new ExitError(EXIT.failure, `score file(s) rejected: ${rejected.join(', ')}`);
}
