/**
 * `prequal score --evaluator NAME` on a terminal: walks what the evaluator has not scored yet,
 * candidate by candidate, and saves each answer the moment it is given (one row, one
 * transaction). Ctrl-C therefore loses nothing already answered and half-writes nothing, and
 * running the command again resumes where the evaluator stopped.
 */
import chalk from 'chalk';
import { checkScoreRows, normalizePoints, type ScoreRow } from '../committee/score-rows.js';
import {
  findScoringRefusal,
  listScoringItems,
  type ManualCriterion,
  type ScoringItem,
} from '../committee/scoring-work.js';
import type { CriteriaSet, Lang } from '../core/types.js';
import { formatIssue, UserError } from '../errors.js';
import { loadCommitteeView } from '../pipeline/committee-view.js';
import { recordScoreRows } from '../pipeline/import-scores.js';
import type { Session } from '../pipeline/session.js';
import { reportLanguage } from '../pipeline/session.js';
import { renderCandidateFacts } from './candidate-facts.js';
import { askText } from './prompts.js';
import { terminalSafe } from './terminal-text.js';

const SOURCE = 'prompt';

/** Prompts for every manual score the evaluator still owes; refuses up front anyone who may not score. */
export async function scoreInteractively(
  session: Session,
  evaluator: string,
  criteria: CriteriaSet,
): Promise<void> {
  const { ctx } = session;
  const refusal = findScoringRefusal(session, evaluator);
  if (refusal) throw new UserError(`cannot score: ${refusal.reason}`);
  const items = listScoringItems(session, evaluator, criteria);
  const pending = items.filter((item) => item.current === null);
  if (items.length === 0) {
    ctx.out('nothing to score: the criteria have no manual criterion, or no dossier is valid\n');
    return;
  }
  if (pending.length === 0) {
    ctx.out(`${terminalSafe(evaluator)} has given all ${items.length} score(s): nothing left to score\n`);
    return;
  }
  const lang = reportLanguage(session);
  ctx.out(
    `${terminalSafe(evaluator)}: ${pending.length} of ${items.length} score(s) to give. ` +
      'Each answer is saved at once; Ctrl-C stops, running the command again resumes.\n',
  );
  let recorded = 0;
  let shown: string | null = null;
  try {
    for (const item of pending) {
      if (shown !== item.candidate.id) {
        ctx.out(
          `\n${renderCandidateFacts(item.candidate.id, item.candidate.dossier, lang, session.tender.submission.closes)}`,
        );
        shown = item.candidate.id;
      }
      ctx.out(renderCriterion(item.criterion, lang));
      await askAndSave(session, evaluator, criteria, item);
      recorded += 1;
    }
  } finally {
    const remaining = pending.length - recorded;
    ctx.out(
      `\n${recorded} score(s) recorded for ${terminalSafe(evaluator)}; ` +
        (remaining === 0 ? 'nothing left to score.\n' : `${remaining} remaining.\n`),
    );
  }
}

function renderCriterion(criterion: ManualCriterion, lang: Lang): string {
  const label = terminalSafe(criterion.label[lang]);
  const guidance = terminalSafe(criterion.rule.guidance[lang]);
  return `\n  ${chalk.bold(`${criterion.id} — ${label}`)} (max ${criterion.max ?? 0})\n  ${chalk.dim(guidance)}\n`;
}

/** Asks points then comment, then records that one score in its own transaction. */
async function askAndSave(
  session: Session,
  evaluator: string,
  criteria: CriteriaSet,
  item: ScoringItem,
): Promise<void> {
  const { criterion, candidate } = item;
  const base = { evaluator, candidate: candidate.id, criterion: criterion.id, file: SOURCE };
  const validatePoints = pointsValidator(session, base, criteria);
  const range = criterion.rule.scale
    ? `one of ${criterion.rule.scale.join(', ')}`
    : `0–${criterion.max ?? 0}`;
  const points = await askText(`${candidate.id} ${criterion.id} points (${range}):`, {
    validate: validatePoints,
  });
  const comment = await askText(`${candidate.id} ${criterion.id} comment:`, {
    validate: (text) => (text.trim() === '' ? 'a comment is required with every score' : true),
  });
  // The clock is read per answer: a scoring session can last an hour.
  const at = session.ctx.now().toISOString();
  const row: ScoreRow = { ...base, points: normalizePoints(points), comment: comment.trim() };
  const result = recordScoreRows({ ...session, at }, [row], criteria, SOURCE);
  if (result.issues.length > 0) {
    throw new UserError(`score not recorded: ${result.issues.map(formatIssue).join('; ')}`);
  }
}

/** The same points checks as every other way of scoring, run on the typed text. */
function pointsValidator(
  session: Session,
  base: Omit<ScoreRow, 'points' | 'comment'>,
  criteria: CriteriaSet,
): (text: string) => true | string {
  const view = loadCommitteeView(session);
  return (text) => {
    const row: ScoreRow = { ...base, points: normalizePoints(text), comment: '-' };
    const problem = checkScoreRows([row], criteria, view, session.at).issues.find((i) => i.path === 'points');
    return problem ? problem.message : true;
  };
}
