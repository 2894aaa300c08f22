import { formatInstantWords } from '../date-words.js';
import { compareInstants, toUtcInstant } from '../dates.js';
import { biMap } from '../text.js';
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
    // In words, as the letter around the reason writes the deadline; exact to the digit that
    // makes a dossier late (16:00:00,0001 is after 16:00).
    const words = (instant: string) => biMap((lang) => formatInstantWords(instant, lang, true));
    const [got, from, to] = [words(received), words(opens), words(closes)];
    if (compareInstants(at, ctx.tender.submission.closes) > 0) {
      return {
        passed: false,
        metrics,
        explanation: [
          biMap((lang) =>
            lang === 'fr'
              ? `reçu le ${got.fr}, après la date limite du ${to.fr}`
              : `received on ${got.en}, after the deadline of ${to.en}`,
          ),
        ],
      };
    }
    if (compareInstants(at, ctx.tender.submission.opens) < 0) {
      return {
        passed: false,
        metrics,
        explanation: [
          biMap((lang) =>
            lang === 'fr'
              ? `reçu le ${got.fr}, avant l'ouverture des dépôts le ${from.fr}`
              : `received on ${got.en}, before submissions opened on ${from.en}`,
          ),
        ],
      };
    }
    return {
      passed: true,
      metrics,
      explanation: [
        biMap((lang) =>
          lang === 'fr'
            ? `reçu le ${got.fr}, dans la période de dépôt du ${from.fr} au ${to.fr}`
            : `received on ${got.en}, within the submission period from ${from.en} to ${to.en}`,
        ),
      ],
    };
  },
};
