import type { CandidateEvaluation, CriterionResult } from './types.js';

/**
 * The part of an evaluation that consolidation, ranking and the rank table read: every verdict,
 * points and metrics, and of the explanations only the first line of a failed gate, which is the
 * reason it gives (status.ts). The other lines and the per-item verdicts are what most of an
 * evaluation weighs (several kilobytes per candidate): the exports read them one candidate at a
 * time instead (EvaluationReport.resultsOf), so ranking 10,000 candidates never holds them all.
 */
export function summarizeEvaluation(ev: CandidateEvaluation): CandidateEvaluation {
  const criteria: Record<string, CriterionResult> = {};
  for (const [id, result] of Object.entries(ev.criteria)) criteria[id] = summarizeResult(result);
  return { ...ev, criteria };
}

/** The summary of one criterion's result (see summarizeEvaluation). */
export function summarizeResult(result: CriterionResult): CriterionResult {
  const { items: _items, explanation, ...rest } = result;
  const isReason = result.kind === 'gate' && result.passed === false;
  return { ...rest, explanation: isReason ? explanation.slice(0, 1) : [] };
}
