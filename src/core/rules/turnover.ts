import { yearOf } from '../dates.js';
import { describeEntity } from '../entities.js';
import { roundAmount, toTenderCurrency } from '../money.js';
import { biMap, colon, formatExactMoney, formatMoney, semicolon } from '../text.js';
import type { Bilingual, Entity, Lang, Rule, Tender } from '../types.js';
import { decisiveNote, joinBi, judgeMeasures, type Measure, verdictTail } from './measure.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';
import { describeLinearScale, linearScale } from './scale.js';

type TurnoverRule = Extract<Rule, { type: 'turnover' }>;

interface YearPart {
  entity: Entity;
  /** Null when the entity reported no turnover for the year (counted as 0). */
  original: { amount: number; currency: string } | null;
  converted: number;
}

/** One entity's turnover for one year, converted to the tender currency. */
function readYear(entity: Entity, year: number, tender: Tender): YearPart {
  const fin = entity.financials;
  const amount = fin?.turnover?.[String(year)];
  if (!fin || amount === undefined) return { entity, original: null, converted: 0 };
  return {
    entity,
    original: { amount, currency: fin.currency },
    converted: toTenderCurrency(amount, fin.currency, tender),
  };
}

/**
 * "2022: 472,591.95 EUR (A: 310,000,000.00 XOF; B: none reported, counted as 0)"; a single entity
 * reporting in the tender currency needs no detail in brackets.
 */
function describeYear(year: number, parts: YearPart[], tender: Tender, named: boolean, lang: Lang): string {
  const total = roundAmount(parts.reduce((sum, p) => sum + p.converted, 0));
  const head = `${year}${colon(lang)}${formatMoney(total, tender.currency, lang)}`;
  const only = parts.length === 1 ? parts[0] : undefined;
  if (!named && only?.original?.currency === tender.currency) return head;
  const pieces = parts.map((p) => {
    const who = named ? `${describeEntity(p.entity)[lang]}${colon(lang)}` : '';
    if (!p.original) return who + (lang === 'fr' ? 'non déclaré, compté 0' : 'none reported, counted as 0');
    return who + formatMoney(p.original.amount, p.original.currency, lang);
  });
  return `${head} (${pieces.join(semicolon(lang))})`;
}

/**
 * Average turnover over the `years` financial years strictly before the deadline's year, summed over
 * the pooled entities (or per entity with `applies_to: each_member`); a missing year counts as 0.
 */
export const turnoverRule: RuleModule<TurnoverRule> = {
  evaluate(ctx: RuleContext<TurnoverRule>): RuleOutcome {
    const { rule, tender } = ctx;
    const last = yearOf(ctx.deadline) - 1;
    const years = Array.from({ length: rule.years }, (_, i) => last - rule.years + 1 + i);
    const span = years.length > 1 ? `${years[0]}–${last}` : `${last}`;
    const eachMember = rule.applies_to === 'each_member';
    const groups = eachMember ? ctx.entities.map((e) => [e]) : [ctx.entities];
    const missingYears: string[] = [];
    const details: Bilingual[] = [];
    const measures: Measure[] = groups.map((group) => {
      const perYear = years.map((year) => group.map((entity) => readYear(entity, year, tender)));
      const sum = perYear.flat().reduce((total, p) => total + p.converted, 0);
      const average = roundAmount(sum / rule.years);
      for (const [i, parts] of perYear.entries()) {
        for (const p of parts) if (!p.original) missingYears.push(`${years[i]} (${p.entity.name})`);
      }
      const who = eachMember && group[0] ? describeEntity(group[0]) : null;
      const named = !eachMember && ctx.entities.length > 1;
      details.push(
        biMap((lang) => {
          const head = who ? `${who[lang]}, ` : '';
          const avg = lang === 'fr' ? 'moyenne' : 'average';
          const yearsText = perYear.map((parts, i) =>
            describeYear(years[i] ?? 0, parts, tender, named, lang),
          );
          return `${head}${avg} ${formatMoney(average, tender.currency, lang)} — ${yearsText.join(semicolon(lang))}`;
        }),
      );
      return { who, value: average };
    });
    const scale = linearScale(ctx.criterion, rule.from, rule.to);
    const judgement = judgeMeasures(
      ctx.criterion,
      measures,
      { threshold: rule.average_at_least, name: 'average_at_least' },
      scale?.toPoints,
    );
    const money = (value: number) => (lang: Lang) => formatMoney(value, tender.currency, lang);
    // The grid's amounts as written (the measured ones are whole cents).
    const exact = (value: number) => (lang: Lang) => formatExactMoney(value, tender.currency, lang);
    const head: Bilingual = eachMember
      ? {
          fr: `chiffre d'affaires moyen ${span} de chaque membre`,
          en: `average turnover ${span} of each member`,
        }
      : biMap((lang) =>
          lang === 'fr'
            ? `chiffre d'affaires moyen ${span} : ${money(judgement.decisive.value)(lang)}`
            : `average turnover ${span}: ${money(judgement.decisive.value)(lang)}`,
        );
    const summary = joinBi(
      head,
      decisiveNote(judgement, money(judgement.decisive.value)),
      verdictTail(ctx.criterion, judgement, exact(rule.average_at_least ?? 0)),
    );
    const scaleLine = scale ? [describeLinearScale(ctx.criterion, scale, exact)] : [];
    return {
      passed: judgement.passed,
      rawPoints: judgement.rawPoints,
      metrics: { average: judgement.decisive.value, missing_years: missingYears },
      explanation: [summary, ...scaleLine, ...details],
    };
  },
};
