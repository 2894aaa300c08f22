import { bi } from '../text.js';
import type { Rule } from '../types.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type ManualRule = Extract<Rule, { type: 'manual' }>;

/**
 * A manual criterion cannot be judged from the dossier: it waits for the committee.
 * `consolidateCandidate` replaces this placeholder with the evaluators' scores.
 */
export const manualRule: RuleModule<ManualRule> = {
  evaluate(_ctx: RuleContext<ManualRule>): RuleOutcome {
    return {
      pending: true,
      metrics: { evaluators: 0 },
      explanation: [bi('en attente des notes du comité', "awaiting the committee's scores")],
    };
  },
};
