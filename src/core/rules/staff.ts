import { describeEntity } from '../entities.js';
import { biMap, formatQuantity } from '../text.js';
import type { Bilingual, Lang, Rule } from '../types.js';
import { decisiveNote, joinBi, judgeMeasures, type Measure, verdictTail } from './measure.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';
import { describeLinearScale, linearScale } from './scale.js';

type StaffRule = Extract<Rule, { type: 'staff' }>;

const FIELD_NAMES: Record<StaffRule['field'], Bilingual> = {
  total: { fr: 'personnel total', en: 'total staff' },
  relevant: { fr: 'personnel pertinent', en: 'relevant staff' },
};

/** Sum of `staff[field]` over the pooled entities (or per entity); a missing figure counts as 0. */
export const staffRule: RuleModule<StaffRule> = {
  evaluate(ctx: RuleContext<StaffRule>): RuleOutcome {
    const { rule } = ctx;
    const field = FIELD_NAMES[rule.field];
    const eachMember = rule.applies_to === 'each_member';
    const details: Bilingual[] = ctx.entities.map((entity) => {
      const who = describeEntity(entity);
      const count = entity.staff?.[rule.field];
      return biMap((lang) => {
        const sep = lang === 'fr' ? ' : ' : ': ';
        if (count === undefined)
          return `${who[lang]}${sep}${lang === 'fr' ? 'non déclaré, compté 0' : 'not given, counted as 0'}`;
        return `${who[lang]}${sep}${formatQuantity(count, lang)}`;
      });
    });
    const countOf = (entities: typeof ctx.entities) =>
      entities.reduce((sum, entity) => sum + (entity.staff?.[rule.field] ?? 0), 0);
    const measures: Measure[] = eachMember
      ? ctx.entities.map((entity) => ({ who: describeEntity(entity), value: countOf([entity]) }))
      : [{ who: null, value: countOf(ctx.entities) }];
    const scale = linearScale(ctx.criterion, rule.from, rule.to);
    const judgement = judgeMeasures(
      ctx.criterion,
      measures,
      { threshold: rule.at_least, name: 'at_least' },
      scale?.toPoints,
    );
    const quantity = (value: number) => (lang: Lang) => formatQuantity(value, lang);
    const head: Bilingual = eachMember
      ? { fr: `${field.fr} de chaque membre`, en: `${field.en} of each member` }
      : biMap(
          (lang) =>
            `${field[lang]}${lang === 'fr' ? ' : ' : ': '}${quantity(judgement.decisive.value)(lang)}`,
        );
    const summary = joinBi(
      head,
      decisiveNote(judgement, quantity(judgement.decisive.value)),
      verdictTail(ctx.criterion, judgement, quantity(rule.at_least ?? 0)),
    );
    const scaleLine = scale ? [describeLinearScale(ctx.criterion, scale, quantity)] : [];
    return {
      passed: judgement.passed,
      rawPoints: judgement.rawPoints,
      metrics: { count: judgement.decisive.value },
      explanation: [summary, ...scaleLine, ...details],
    };
  },
};
