import { utcDateOf } from './dates.js';
import { entitiesOf } from './entities.js';
import { finalPoints } from './money.js';
import { runRule } from './rules/registry.js';
import { maxOf, type RuleContext, type RuleOutcome } from './rules/rule.js';
import type {
  AttachmentFact,
  CandidateEvaluation,
  CriteriaSet,
  Criterion,
  CriterionResult,
  Dossier,
  InputIssue,
  Tender,
} from './types.js';

/** A validated dossier with what the reader found around it. */
export interface DossierInput {
  id: string;
  hash: string;
  dossier: Dossier;
  attachments: AttachmentFact[];
  warnings: InputIssue[];
}

/**
 * Turns a rule's outcome into the criterion's result: a gate keeps its verdict, a score is
 * clamped to `[0, max]` and rounded once, here and nowhere else.
 */
export function toCriterionResult(criterion: Criterion, outcome: RuleOutcome): CriterionResult {
  const result: CriterionResult = {
    criterion: criterion.id,
    kind: criterion.kind,
    passed: null,
    points: null,
    metrics: outcome.metrics,
    explanation: outcome.explanation,
  };
  if (outcome.items) result.items = outcome.items;
  if (outcome.pending) {
    result.pending = true;
    return result;
  }
  if (criterion.kind === 'gate') result.passed = outcome.passed ?? false;
  else result.points = finalPoints(outcome.rawPoints ?? 0, maxOf(criterion));
  return result;
}

/**
 * What the rules look at for one dossier, worked out once for all its criteria: a rule reads these
 * and its own criterion, never another criterion, so each criterion's result can be computed (and
 * cached) on its own.
 */
export type DossierFacts = Omit<RuleContext, 'criterion' | 'rule'>;

export function dossierFacts(dossier: Dossier, attachments: AttachmentFact[], tender: Tender): DossierFacts {
  return {
    dossier,
    entities: entitiesOf(dossier),
    attachments,
    tender,
    deadline: utcDateOf(tender.submission.closes),
  };
}

/** One criterion's result for one dossier. */
export function evaluateCriterion(criterion: Criterion, facts: DossierFacts): CriterionResult {
  return toCriterionResult(criterion, runRule({ ...facts, criterion, rule: criterion.rule }));
}

/**
 * Evaluates one candidate against every criterion, independently of the others.
 * Manual criteria come back pending; `consolidateCandidate` adds the committee's scores.
 */
export function evaluateDossier(
  input: DossierInput,
  criteria: CriteriaSet,
  tender: Tender,
): CandidateEvaluation {
  const facts = dossierFacts(input.dossier, input.attachments, tender);
  const results: Record<string, CriterionResult> = {};
  for (const criterion of criteria.criteria) results[criterion.id] = evaluateCriterion(criterion, facts);
  return {
    id: input.id,
    name: input.dossier.candidate.name,
    country: input.dossier.candidate.country,
    dossierHash: input.hash,
    criteria: results,
    warnings: input.warnings,
  };
}
