import type { Context } from '../context.js';
import { EXIT, ExitError } from '../errors.js';
import { collectGarbage } from '../pipeline/collect-garbage.js';
import { type IngestResult, ingestDossiers } from '../pipeline/ingest-dossiers.js';
import { withSession } from '../pipeline/session.js';
import { progressBar } from '../ui/progress.js';
import { issueLine, terminalSafe } from '../ui/terminal-text.js';

export interface IngestOptions {
  strict?: boolean;
  json?: boolean;
}

/** `prequal ingest`: validates and stores every dossier, then prints what changed. */
export async function ingestCommand(ctx: Context, options: IngestOptions): Promise<void> {
  const result = await withSession(ctx, async (session) => {
    const bar = progressBar(ctx, 'reading dossiers');
    try {
      return await ingestDossiers(session, { onProgress: bar, collectGarbage });
    } finally {
      bar.end();
    }
  });
  if (options.json) ctx.out(`${JSON.stringify(ingestJson(result), null, 2)}\n`);
  else ctx.out(renderIngestSummary(result));
  if (options.strict && result.summary.invalid.length > 0) {
    throw new ExitError(EXIT.notFinal, `${result.summary.invalid.length} invalid dossier(s) (--strict)`);
  }
}

export function ingestJson(result: IngestResult) {
  const { summary } = result;
  return {
    valid: summary.valid.length,
    invalid: summary.invalid.map((i) => ({ id: i.id, errors: i.errors })),
    added: summary.added,
    updated: summary.updated,
    unchanged: summary.unchanged.length,
    withdrawn: summary.withdrawn,
    reactivated: summary.reactivated,
    warnings: result.warnings,
  };
}

export function renderIngestSummary(result: IngestResult): string {
  const { summary } = result;
  const lines = [
    `dossiers: ${summary.valid.length + summary.invalid.length} (${summary.valid.length} valid, ${summary.invalid.length} invalid)`,
    `  added ${summary.added.length}, updated ${summary.updated.length}, unchanged ${summary.unchanged.length}, withdrawn ${summary.withdrawn.length}${summary.reactivated.length ? `, reactivated ${summary.reactivated.length}` : ''}`,
  ];
  for (const invalid of summary.invalid) {
    // A candidate id is a file or folder name: it may hold escape sequences too.
    lines.push(`invalid ${terminalSafe(invalid.id)}:`);
    for (const issue of invalid.errors) lines.push(`  ${issueLine(issue)}`);
  }
  for (const id of summary.withdrawn)
    lines.push(`withdrawn ${terminalSafe(id)}: its files are no longer in dossiers/ (kept in the store)`);
  if (result.warnings.length > 0) {
    lines.push('warnings:');
    for (const warning of result.warnings) lines.push(`  ${issueLine(warning)}`);
  }
  return `${lines.join('\n')}\n`;
}
