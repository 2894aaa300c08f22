import { describeEntity } from '../entities.js';
import { bi } from '../text.js';
import type { Bilingual, Rule } from '../types.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type DeclarationsRule = Extract<Rule, { type: 'declarations' }>;

/** Each required declaration must be `true` for every entity; `false` and absent both fail. */
export const declarationsRule: RuleModule<DeclarationsRule> = {
  evaluate(ctx: RuleContext<DeclarationsRule>): RuleOutcome {
    const missing: string[] = [];
    // For the summary, which is the reason a letter gives: declaring a conflict of interest
    // (false) is not the same as leaving the declaration out.
    const failed: Bilingual[] = [];
    const details: Bilingual[] = [];
    for (const entity of ctx.entities) {
      const who = describeEntity(entity);
      for (const name of ctx.rule.required) {
        const value = Object.hasOwn(entity.declarations, name) ? entity.declarations[name] : undefined;
        if (value === true) continue;
        missing.push(`${name} (${entity.name})`);
        failed.push(
          value === false
            ? bi(`${name} (${entity.name}, déclaré faux)`, `${name} (${entity.name}, declared false)`)
            : bi(`${name} (${entity.name}, non fourni)`, `${name} (${entity.name}, not given)`),
        );
        details.push(
          value === false
            ? bi(`${who.fr} : ${name} déclaré faux`, `${who.en}: ${name} declared false`)
            : bi(`${who.fr} : ${name} non fourni`, `${who.en}: ${name} not given`),
        );
      }
    }
    const required = ctx.rule.required.join(', ');
    const count = ctx.entities.length;
    const summary =
      missing.length === 0
        ? bi(
            `déclarations (${required}) : faites par ${count === 1 ? "l'entité" : `les ${count} entités`} : satisfait`,
            `declarations (${required}): made by ${count === 1 ? 'the entity' : `all ${count} entities`}: met`,
          )
        : bi(
            `déclarations manquantes ou négatives : ${failed.map((f) => f.fr).join(', ')} : non satisfait`,
            `declarations missing or negative: ${failed.map((f) => f.en).join(', ')}: not met`,
          );
    return { passed: missing.length === 0, metrics: { missing }, explanation: [summary, ...details] };
  },
};
