import type { Lang, RankedCandidate } from '../core/types.js';
import type { Evaluation } from '../pipeline/evaluate-workspace.js';
import type { Session } from '../pipeline/session.js';
import { terminalSafe } from '../ui/terminal-text.js';
import { findClosestChange } from '../whatif/closest.js';
import { renderClosestAnswer } from '../whatif/render-closest.js';
import { loadSimulationInput } from './whatif.js';

/**
 * `prequal explain <candidate> --closest`: the smallest single relaxation of one published
 * threshold that would have shortlisted the candidate, or why none would. Stores nothing.
 */
export function closestChangeCommand(
  session: Session,
  evaluation: Evaluation,
  candidate: RankedCandidate,
  lang: Lang,
  json: boolean,
): void {
  const scenario = { criteria: evaluation.version.criteria, tender: session.tender };
  const answer = findClosestChange(loadSimulationInput(session), scenario, candidate.id);
  if (json) {
    session.ctx.out(
      `${JSON.stringify({ criteria_version: evaluation.version.version, ...answer }, null, 2)}\n`,
    );
    return;
  }
  session.ctx.out(renderClosestAnswer(answer, terminalSafe(candidate.name), lang));
}
