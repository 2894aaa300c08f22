import { dossierFacts, evaluateCriterion } from '../core/evaluate.js';
import type { AttachmentFact, CriteriaSet, Criterion, Dossier, Tender } from '../core/types.js';
import { type EvaluationPart, toEvaluationPart } from '../store/evaluation-parts.js';
import type { DossierSourceText } from '../store/index.js';

/** A stored dossier to evaluate against some criteria of a set (their indexes, in the order stored). */
export interface EvaluationTask {
  source: DossierSourceText;
  criteria: number[];
}

/**
 * Evaluates the task's criteria on one dossier from its stored JSON and answers with the stored
 * form of the results: the form both ends of an evaluation worker use, so neither side clones an
 * object graph. Null when the engine threw on this dossier: nothing is cached for it, and
 * `scoreCandidates`, evaluating it again, reports it as invalid with the reason, while every other
 * dossier is still evaluated.
 */
export function evaluateTask(
  task: EvaluationTask,
  criteria: CriteriaSet,
  tender: Tender,
): EvaluationPart | null {
  try {
    const { source } = task;
    const dossier = JSON.parse(source.document) as Dossier;
    const facts = dossierFacts(dossier, JSON.parse(source.attachments) as AttachmentFact[], tender);
    const results = task.criteria.map((index) =>
      evaluateCriterion(criteria.criteria[index] as Criterion, facts),
    );
    const { name, country } = dossier.candidate;
    const candidate = { id: source.id, dossierHash: source.hash, name, country, warnings: source.warnings };
    return toEvaluationPart(candidate, results);
  } catch {
    return null;
  }
}
