import chalk from 'chalk';
import type { CriteriaSet, Lang, RankedCandidate, Shortlist, Status } from '../core/types.js';
import { joinPieces } from '../export/text-pieces.js';
import { padCell, terminalSafe } from './terminal-text.js';

const STATUS_COLOUR: Record<Status, (s: string) => string> = {
  shortlisted: chalk.green,
  reserve: chalk.cyan,
  tied: chalk.yellow,
  pending: chalk.gray,
  rejected: chalk.red,
  invalid: chalk.redBright,
};

const formatPoints = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/**
 * The ranked table of `prequal rank` / `run`: one line per candidate, failed gates under rejected
 * ones, in pieces of about 64 KiB. At 100,000 candidates the table is tens of megabytes: made
 * whole, its lines and their join took some 200 MB of heap at the peak of a run.
 */
export function rankTablePieces(shortlist: Shortlist, criteria: CriteriaSet, lang: Lang): Generator<string> {
  return joinPieces(rankTableLines(shortlist, criteria, lang));
}

function* rankTableLines(shortlist: Shortlist, criteria: CriteriaSet, lang: Lang): Generator<string> {
  const scoreIds = criteria.criteria.filter((c) => c.kind === 'score').map((c) => c.id);
  // Ids are folder or file names, which a candidate may have chosen: made terminal-safe like names.
  let nameWidth = 9;
  let idWidth = 9;
  for (const candidate of shortlist.candidates) {
    nameWidth = Math.max(nameWidth, countCodePoints(terminalSafe(candidate.name)));
    idWidth = Math.max(idWidth, countCodePoints(terminalSafe(candidate.id)));
  }
  nameWidth = Math.min(40, nameWidth);
  const header = [
    padCell('rank', 5),
    padCell('candidate', idWidth),
    padCell('name', nameWidth),
    padCell('status', 11),
    padCell('total', 7),
    ...scoreIds.map((id) => padCell(id, Math.max(6, id.length))),
  ].join(' ');
  yield `${chalk.bold(header.trimEnd())}\n`;
  for (const candidate of shortlist.candidates) {
    yield `${renderRow(candidate, scoreIds, idWidth, nameWidth)}\n`;
    for (const reason of candidate.reasons) {
      yield `${chalk.dim(`      ${reason.criterion}: ${terminalSafe(reason.message[lang])}`)}\n`;
    }
    if (candidate.consensus.length > 0) {
      yield `${chalk.yellow(`      consensus needed on ${candidate.consensus.join(', ')} (evaluators' spread)`)}\n`;
    }
  }
  yield '\n';
  for (const line of renderFooter(shortlist)) yield `${line}\n`;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function renderRow(
  candidate: RankedCandidate,
  scoreIds: string[],
  idWidth: number,
  nameWidth: number,
): string {
  const cells = [
    padCell(candidate.rank === null ? '' : String(candidate.rank), 5),
    padCell(terminalSafe(candidate.id), idWidth),
    padCell(terminalSafe(candidate.name), nameWidth),
    STATUS_COLOUR[candidate.status](padCell(candidate.status, 11)),
    padCell(formatPoints(candidate.total), 7),
    ...scoreIds.map((id) =>
      padCell(formatPoints(candidate.criteria[id]?.points ?? null), Math.max(6, id.length)),
    ),
  ];
  return cells.join(' ').trimEnd();
}

function renderFooter(shortlist: Shortlist): string[] {
  const lines = [`shortlist: ${shortlist.filled} of ${shortlist.min}–${shortlist.max}`];
  const pendingCount = shortlist.candidates.filter((c) => c.status === 'pending').length;
  if (shortlist.below_min) {
    // While scores are pending the count can still rise: say "so far" rather than a verdict.
    lines.push(
      pendingCount > 0
        ? chalk.yellow(
            `so far fewer than ${shortlist.min} candidates qualify; ${pendingCount} pending may still change that`,
          )
        : chalk.red(`fewer than ${shortlist.min} candidates qualify: the shortlist is below its minimum`),
    );
  }
  for (const tie of shortlist.ties.filter((t) => t.at_cut)) {
    lines.push(
      tie.decision
        ? `tie at rank ${tie.rank} decided: ${terminalSafe(tie.decision.chosen.join(', '))} shortlisted (${terminalSafe(tie.decision.reason)})`
        : chalk.yellow(
            `tie at the cut, rank ${tie.rank}: ${terminalSafe(tie.candidates.join(', '))} — the committee must decide (prequal decide --as CHAIR-OR-SECRETARY --choose ID --reason TEXT)`,
          ),
    );
  }
  const pending = shortlist.candidates.filter((c) => c.status === 'pending').map((c) => c.id);
  if (pending.length > 0)
    lines.push(chalk.yellow(`manual scores pending for: ${terminalSafe(pending.join(', '))}`));
  return lines;
}
