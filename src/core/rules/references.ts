import { expandCountries } from '../countries.js';
import { roundAmount } from '../money.js';
import { biMap, colon, formatMoney, joinFacts } from '../text.js';
import type { Bilingual, ItemVerdict, Rule } from '../types.js';
import { judgeCounts, nameItem } from './counting.js';
import { checkReference, describeFilter, type FilterSetting } from './reference-filter.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type ReferencesRule = Extract<Rule, { type: 'references' }>;

const NOUN: Bilingual = { fr: 'référence', en: 'reference' };

/**
 * Counts the references of every entity that pass the filter (pooled, or per entity with
 * `applies_to: each_member`); one item verdict per reference, counted or not, says why.
 */
export const referencesRule: RuleModule<ReferencesRule> = {
  evaluate(ctx: RuleContext<ReferencesRule>): RuleOutcome {
    const { rule, tender } = ctx;
    const setting: FilterSetting = {
      filter: rule.filter,
      tender,
      deadline: ctx.deadline,
      countries: rule.filter.countries_any ? expandCountries(rule.filter.countries_any, tender) : null,
    };
    const several = ctx.entities.length > 1;
    const items: ItemVerdict[] = [];
    for (const entity of ctx.entities) {
      entity.references.forEach((ref, i) => {
        const check = checkReference(ref, setting);
        const name = nameItem(NOUN, i + 1, entity, several);
        const valueFact = biMap((lang) => {
          const value = formatMoney(check.value, tender.currency, lang);
          return lang === 'fr' ? `valeur effective ${value}` : `effective value ${value}`;
        });
        const facts = joinFacts(check.counted ? [...check.notes, valueFact] : check.failures);
        const verb = check.counted
          ? { fr: 'retenue', en: 'counted' }
          : { fr: 'non retenue', en: 'not counted' };
        const why = biMap((lang) => `${name[lang]} ${verb[lang]}${colon(lang)}${facts[lang]}`);
        items.push({
          entity: entity.index,
          entityName: entity.name,
          item: i,
          counted: check.counted,
          value: check.value,
          why,
        });
      });
    }
    const totalValue = roundAmount(
      items.reduce((sum, item) => sum + (item.counted ? (item.value ?? 0) : 0), 0),
    );
    const verdict = judgeCounts(
      ctx.criterion,
      ctx.entities,
      items,
      rule,
      {
        counted: { fr: 'références retenues', en: 'references counted' },
        perItem: { fr: 'référence retenue', en: 'reference counted' },
        each: { fr: 'références retenues pour chaque membre', en: 'references counted for each member' },
      },
      (lang) =>
        lang === 'fr'
          ? ` (valeur effective totale ${formatMoney(totalValue, tender.currency, lang)})`
          : ` (total effective value ${formatMoney(totalValue, tender.currency, lang)})`,
    );
    return {
      passed: verdict.judgement.passed,
      rawPoints: verdict.judgement.rawPoints,
      metrics: { count: verdict.count, total_value: totalValue },
      explanation: [
        verdict.summary,
        describeFilter(setting),
        ...verdict.pointsLine,
        ...items.map((item) => item.why),
      ],
      items,
    };
  },
};
