import { expandCountries } from '../countries.js';
import { describeEntity } from '../entities.js';
import { bi } from '../text.js';
import type { Bilingual, Rule } from '../types.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type NationalityRule = Extract<Rule, { type: 'nationality' }>;

/** Every entity (lead, members, capacity providers) must have an allowed country. */
export const nationalityRule: RuleModule<NationalityRule> = {
  evaluate(ctx: RuleContext<NationalityRule>): RuleOutcome {
    const allowed = expandCountries(ctx.rule.allowed, ctx.tender);
    const allowedText = ctx.rule.allowed.join(', ');
    const failing: Bilingual[] = [];
    const details = ctx.entities.map((entity) => {
      const who = describeEntity(entity);
      const country = entity.country.toUpperCase();
      if (allowed.has(country)) {
        return bi(`${who.fr} : ${country}, pays admis`, `${who.en}: ${country}, an allowed country`);
      }
      failing.push(bi(`${who.fr} (${country})`, `${who.en} (${country})`));
      return bi(
        `${who.fr} : ${country} ne fait pas partie de ${allowedText}`,
        `${who.en}: ${country} is not among ${allowedText}`,
      );
    });
    const count = ctx.entities.length;
    const summary =
      failing.length === 0
        ? bi(
            count === 1
              ? `nationalité : 1 entité vérifiée, de pays admis (${allowedText}) : satisfait`
              : `nationalité : ${count} entités vérifiées, toutes de pays admis (${allowedText}) : satisfait`,
            count === 1
              ? `nationality: 1 entity checked, from an allowed country (${allowedText}): met`
              : `nationality: ${count} entities checked, all from allowed countries (${allowedText}): met`,
          )
        : bi(
            `nationalité : non admise pour ${failing.map((f) => f.fr).join(', ')} (pays admis : ${allowedText}) : non satisfait`,
            `nationality: not allowed for ${failing.map((f) => f.en).join(', ')} (allowed: ${allowedText}): not met`,
          );
    return {
      passed: failing.length === 0,
      metrics: { members_checked: count },
      explanation: [summary, ...details],
    };
  },
};
