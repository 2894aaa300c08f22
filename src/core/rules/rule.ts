import type {
  AttachmentFact,
  Bilingual,
  Criterion,
  Dossier,
  Entity,
  ItemVerdict,
  MetricValue,
  Rule,
  Tender,
} from '../types.js';

/** Everything a rule may look at; the core never reads files or clocks. */
export interface RuleContext<R extends Rule = Rule> {
  criterion: Criterion;
  rule: R;
  dossier: Dossier;
  /** The lead (index 0) and every member. */
  entities: Entity[];
  /** What the reader found on disk for each `documents` entry. */
  attachments: AttachmentFact[];
  tender: Tender;
  /** `D`: the deadline's UTC calendar date, `YYYY-MM-DD`. */
  deadline: string;
}

/** What a rule found, before the shared wrapper turns it into a CriterionResult. */
export interface RuleOutcome {
  /** Gates: the verdict. */
  passed?: boolean;
  /** Scores: unclamped, unrounded points; the wrapper clamps to [0, max] and rounds once. */
  rawPoints?: number;
  metrics: Record<string, MetricValue>;
  /** First line: the summary with the facts and the threshold; then the details. */
  explanation: Bilingual[];
  items?: ItemVerdict[];
  /** Manual criteria still waiting for the committee. */
  pending?: boolean;
}

/** One rule type. */
export interface RuleModule<R extends Rule = Rule> {
  evaluate(ctx: RuleContext<R>): RuleOutcome;
}

/** A criteria file that reached the core without a field its rule needs: a reader bug, not a dossier problem. */
export function missingParameter(criterion: Criterion, name: string): Error {
  return new Error(`criterion ${criterion.id} (${criterion.kind}, ${criterion.rule.type}) has no ${name}`);
}

/** The `max` of a score criterion. */
export function maxOf(criterion: Criterion): number {
  if (criterion.max === undefined) throw missingParameter(criterion, 'max');
  return criterion.max;
}
