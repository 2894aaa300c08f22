import { bi, biMap, colon, formatQuantity, joinFacts } from '../text.js';
import type { Bilingual, Expert, ExpertFilter, ItemVerdict, Rule } from '../types.js';
import { judgeCounts, nameItem } from './counting.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type ExpertsRule = Extract<Rule, { type: 'experts' }>;

const NOUN: Bilingual = { fr: 'expert', en: 'expert' };

/** Every reason an expert does not count (empty when it does). */
function checkExpert(expert: Expert, filter: ExpertFilter): Bilingual[] {
  const failures: Bilingual[] = [];
  const minYears = filter.min_years;
  if (minYears !== undefined && expert.years < minYears) {
    failures.push(
      biMap((lang) =>
        lang === 'fr'
          ? `${formatQuantity(expert.years, lang)} ans d'expérience, moins de ${formatQuantity(minYears, lang)}`
          : `${formatQuantity(expert.years, lang)} years of experience, fewer than ${formatQuantity(minYears, lang)}`,
      ),
    );
  }
  const domains = filter.domains_any;
  if (domains && !domains.some((d) => expert.domains.includes(d))) {
    failures.push(bi(`aucun domaine parmi ${domains.join(', ')}`, `no domain among ${domains.join(', ')}`));
  }
  return failures;
}

/** "filter: at least 10 years; a domain among human_rights". */
function describeExpertFilter(filter: ExpertFilter): Bilingual {
  const parts: Bilingual[] = [];
  const minYears = filter.min_years;
  if (minYears !== undefined) {
    parts.push(biMap((lang) => (lang === 'fr' ? `au moins ${minYears} ans` : `at least ${minYears} years`)));
  }
  if (filter.domains_any) {
    const list = filter.domains_any.join(', ');
    parts.push(bi(`un domaine parmi ${list}`, `a domain among ${list}`));
  }
  if (parts.length === 0) return bi('filtre : tous les experts clés', 'filter: every key expert');
  const list = joinFacts(parts);
  return { fr: `filtre : ${list.fr}`, en: `filter: ${list.en}` };
}

/** Counts the key experts of the lead and every member with enough years and, if asked, a listed domain. */
export const expertsRule: RuleModule<ExpertsRule> = {
  evaluate(ctx: RuleContext<ExpertsRule>): RuleOutcome {
    const several = ctx.entities.length > 1;
    const items: ItemVerdict[] = [];
    for (const entity of ctx.entities) {
      entity.experts.forEach((expert, i) => {
        const failures = checkExpert(expert, ctx.rule.filter);
        const name = nameItem(NOUN, i + 1, entity, several);
        const counted = failures.length === 0;
        const reasons = joinFacts(failures);
        const why = biMap((lang) => {
          const head = `${name[lang]} (${expert.name})`;
          if (!counted)
            return `${head} ${lang === 'fr' ? 'non retenu' : 'not counted'}${colon(lang)}${reasons[lang]}`;
          const years = formatQuantity(expert.years, lang);
          const domains = expert.domains.join(', ');
          return lang === 'fr'
            ? `${head} retenu${colon(lang)}${years} ans, domaines ${domains || 'aucun'}`
            : `${head} counted${colon(lang)}${years} years, domains ${domains || 'none'}`;
        });
        items.push({ entity: entity.index, entityName: entity.name, item: i, counted, why });
      });
    }
    const verdict = judgeCounts(ctx.criterion, ctx.entities, items, ctx.rule, {
      counted: { fr: 'experts clés retenus', en: 'key experts counted' },
      perItem: { fr: 'expert clé retenu', en: 'key expert counted' },
      each: { fr: 'experts clés retenus pour chaque membre', en: 'key experts counted for each member' },
    });
    return {
      passed: verdict.judgement.passed,
      rawPoints: verdict.judgement.rawPoints,
      metrics: { count: verdict.count },
      explanation: [
        verdict.summary,
        describeExpertFilter(ctx.rule.filter),
        ...verdict.pointsLine,
        ...items.map((i) => i.why),
      ],
      items,
    };
  },
};
