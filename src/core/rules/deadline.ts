import { compareInstants, toUtcInstant } from '../dates.js';
import { bi } from '../text.js';
import type { Rule } from '../types.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type DeadlineRule = Extract<Rule, { type: 'deadline' }>;

/** Passes when `opens <= submitted_at <= closes`, comparing instants (offsets honoured) to the last digit. */
export const deadlineRule: RuleModule<DeadlineRule> = {
  evaluate(ctx: RuleContext<DeadlineRule>): RuleOutcome {
    const received = toUtcInstant(ctx.dossier.submitted_at);
    const opens = toUtcInstant(ctx.tender.submission.opens);
    const closes = toUtcInstant(ctx.tender.submission.closes);
    const at = ctx.dossier.submitted_at;
    const metrics = { submitted_at: received };
    if (compareInstants(at, ctx.tender.submission.closes) > 0) {
      return {
        passed: false,
        metrics,
        explanation: [
          bi(
            `reçu le ${received}, après la date limite du ${closes}`,
            `received ${received}, after the deadline ${closes}`,
          ),
        ],
      };
    }
    if (compareInstants(at, ctx.tender.submission.opens) < 0) {
      return {
        passed: false,
        metrics,
        explanation: [
          bi(
            `reçu le ${received}, avant l'ouverture des dépôts le ${opens}`,
            `received ${received}, before submissions opened on ${opens}`,
          ),
        ],
      };
    }
    return {
      passed: true,
      metrics,
      explanation: [
        bi(
          `reçu le ${received}, dans la période de dépôt du ${opens} au ${closes}`,
          `received ${received}, within the submission period ${opens} to ${closes}`,
        ),
      ],
    };
  },
};
