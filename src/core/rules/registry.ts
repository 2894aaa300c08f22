import type { Rule, RuleType } from '../types.js';
import { currentRatioRule } from './current-ratio.js';
import { deadlineRule } from './deadline.js';
import { declarationsRule } from './declarations.js';
import { documentsRule } from './documents.js';
import { expertsRule } from './experts.js';
import { manualRule } from './manual.js';
import { nationalityRule } from './nationality.js';
import { referencesRule } from './references.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';
import { staffRule } from './staff.js';
import { turnoverRule } from './turnover.js';

type RuleRegistry = { [K in RuleType]: RuleModule<Extract<Rule, { type: K }>> };

/** Every rule type of SPEC §3 and the module that evaluates it. */
export const RULES: RuleRegistry = {
  deadline: deadlineRule,
  documents: documentsRule,
  nationality: nationalityRule,
  declarations: declarationsRule,
  turnover: turnoverRule,
  current_ratio: currentRatioRule,
  staff: staffRule,
  references: referencesRule,
  experts: expertsRule,
  manual: manualRule,
};

/** Runs the module registered for the context's rule type. */
export function runRule(ctx: RuleContext): RuleOutcome {
  // The registry is keyed by the same discriminant as the context's rule, so the cast is exact.
  const module = RULES[ctx.rule.type] as RuleModule<Rule>;
  return module.evaluate(ctx);
}
