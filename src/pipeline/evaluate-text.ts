import { evaluateDossier } from '../core/evaluate.js';
import type { AttachmentFact, CriteriaSet, Dossier, InputIssue, Tender } from '../core/types.js';
import { type EvaluationText, toEvaluationText } from '../store/evaluation-cache.js';
import type { DossierSourceText } from '../store/index.js';

/**
 * Evaluates one dossier from its stored JSON and answers with the evaluation's JSON: the form
 * both ends of an evaluation worker use, so neither side clones an object graph. Null when the
 * engine threw on this dossier: nothing is cached for it, and `scoreCandidates`, evaluating it
 * again, reports it as invalid with the reason, while every other dossier is still evaluated.
 */
export function evaluateDossierText(
  source: DossierSourceText,
  criteria: CriteriaSet,
  tender: Tender,
): EvaluationText | null {
  try {
    return evaluateSource(source, criteria, tender);
  } catch {
    return null;
  }
}

function evaluateSource(source: DossierSourceText, criteria: CriteriaSet, tender: Tender): EvaluationText {
  const evaluation = evaluateDossier(
    {
      id: source.id,
      hash: source.hash,
      dossier: JSON.parse(source.document) as Dossier,
      attachments: JSON.parse(source.attachments) as AttachmentFact[],
      warnings: JSON.parse(source.warnings) as InputIssue[],
    },
    criteria,
    tender,
  );
  return toEvaluationText(evaluation);
}
