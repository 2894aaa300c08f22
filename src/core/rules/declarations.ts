import { describeEntity } from '../entities.js';
import { bi } from '../text.js';
import type { Bilingual, Rule } from '../types.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type DeclarationsRule = Extract<Rule, { type: 'declarations' }>;

/** Each required declaration must be `true` for every entity; `false` and absent both fail. */
export const declarationsRule: RuleModule<DeclarationsRule> = {
  evaluate(ctx: RuleContext<DeclarationsRule>): RuleOutcome {
    const missing: string[] = [];
    const details: Bilingual[] = [];
    for (const entity of ctx.entities) {
      const who = describeEntity(entity);
      for (const name of ctx.rule.required) {
        const value = Object.hasOwn(entity.declarations, name) ? entity.declarations[name] : undefined;
        if (value === true) continue;
        missing.push(`${name} (${entity.name})`);
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
            `déclarations manquantes ou négatives : ${missing.join(', ')} : non satisfait`,
            `declarations missing or negative: ${missing.join(', ')}: not met`,
          );
    return { passed: missing.length === 0, metrics: { missing }, explanation: [summary, ...details] };
  },
};
