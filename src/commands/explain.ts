import chalk from 'chalk';
import type { Context } from '../context.js';
import type { Bilingual, CriteriaSet, Lang, RankedCandidate } from '../core/types.js';
import { UserError } from '../errors.js';
import { buildJsonCandidate } from '../export/json.js';
import { evaluateWorkspace } from '../pipeline/evaluate-workspace.js';
import { resolveCandidateId } from '../pipeline/resolve-candidate.js';
import { reportLanguage, withReadingSession } from '../pipeline/session.js';
import { issueLine, terminalSafe } from '../ui/terminal-text.js';

const EXTRA_LABELS: Record<string, Bilingual> = {
  sanctions: { fr: 'Listes de sanctions', en: 'Sanctions lists' },
};

export interface ExplainOptions {
  json?: boolean;
  lang?: string;
  closest?: boolean;
}

/** `prequal explain <candidate>`: every criterion's verdict with its explanation. */
export async function explainCommand(ctx: Context, options: ExplainOptions, given: string): Promise<void> {
  await withReadingSession(ctx, async (session) => {
    const evaluation = await evaluateWorkspace(session);
    const { report } = evaluation;
    const lang = reportLanguage(session, options.lang);
    const id = resolveCandidateId(
      given,
      report.shortlist.candidates.map((c) => c.id),
    );
    const candidate = report.shortlist.candidates.find((c) => c.id === id);
    if (!candidate) throw new UserError(`unknown candidate "${given}"`);
    if (options.closest) {
      const { closestChangeCommand } = await import('./closest.js');
      closestChangeCommand(session, evaluation, candidate, lang, options.json === true);
      return;
    }
    if (options.json) {
      ctx.out(`${JSON.stringify(buildJsonCandidate(report, candidate, lang), null, 2)}\n`);
      return;
    }
    // Every explanation line: the ranked candidate carries only the first of each.
    const full = { ...candidate, criteria: report.resultsOf(candidate) };
    ctx.out(renderExplanation(full, report.criteria, lang));
  });
}

export function renderExplanation(candidate: RankedCandidate, criteria: CriteriaSet, lang: Lang): string {
  const lines = [
    chalk.bold(`${terminalSafe(candidate.id)} — ${terminalSafe(candidate.name)} (${candidate.country})`),
    `status: ${candidate.status}${candidate.rank === null ? '' : `, rank ${candidate.rank}`}${candidate.total === null ? '' : `, total ${candidate.total.toFixed(2)}`}`,
  ];
  for (const reason of candidate.reasons)
    lines.push(chalk.red(`  ✗ ${reason.criterion}: ${terminalSafe(reason.message[lang])}`));
  for (const error of candidate.errors) lines.push(chalk.red(`  ${issueLine(error)}`));
  // Criteria of the grid first, in their order, then gates added by the run (sanctions screening).
  const extra = Object.keys(candidate.criteria)
    .filter((id) => !criteria.criteria.some((c) => c.id === id))
    .map((id) => ({ id, label: EXTRA_LABELS[id] ?? { fr: id, en: id }, max: undefined }));
  for (const criterion of [...criteria.criteria, ...extra]) {
    const result = candidate.criteria[criterion.id];
    if (!result) continue;
    const verdict = result.pending
      ? chalk.yellow('pending')
      : result.kind === 'gate'
        ? result.passed
          ? chalk.green('pass')
          : chalk.red('fail')
        : `${(result.points ?? 0).toFixed(2)} / ${criterion.max ?? 0}`;
    const flags = result.flags?.length ? chalk.yellow(` [${result.flags.join(', ')}]`) : '';
    lines.push('', `${chalk.bold(criterion.id)} ${terminalSafe(criterion.label[lang])}: ${verdict}${flags}`);
    for (const line of result.explanation) lines.push(`  ${terminalSafe(line[lang])}`);
  }
  if (candidate.warnings.length > 0) {
    lines.push('', 'warnings:');
    for (const warning of candidate.warnings) lines.push(`  ${issueLine(warning)}`);
  }
  return `${lines.join('\n')}\n`;
}
