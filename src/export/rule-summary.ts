/**
 * One-line summaries of criteria for the report's criteria grid, so a reader sees what
 * each rule demanded without opening criteria.yaml.
 */

import { formatExactMoney } from '../core/text.js';
import type { CriteriaSet, Criterion, ExpertFilter, Lang, ReferenceFilter, Rule } from '../core/types.js';
import { formatPlain } from './format.js';
import { labelsFor } from './labels.js';

type Phrase = Record<Lang, string>;

const list = (items: string[]): string => items.join(', ');

/** Joins clauses with a semicolon, spaced before it in French typography. */
export function joinClauses(parts: string[], lang: Lang): string {
  return parts.join(lang === 'fr' ? ' ; ' : '; ');
}

/** `label : value` in French typography, `label: value` in English. */
export function withColon(label: string, value: string, lang: Lang): string {
  return `${label}${lang === 'fr' ? ' : ' : ': '}${value}`;
}

/** The criterion's label in `lang`, or the wording of a reason code (`threshold`, `invalid`…), or the id. */
export function criterionLabel(criteria: CriteriaSet, id: string, lang: Lang): string {
  const criterion = criteria.criteria.find((candidate) => candidate.id === id);
  return criterion?.label[lang] ?? labelsFor(lang).reasonCriteria[id] ?? id;
}

function describeReferenceFilter(filter: ReferenceFilter, currency: string, lang: Lang): string[] {
  const parts: string[] = [];
  const fr = lang === 'fr';
  if (filter.tags_any?.length)
    parts.push(withColon(fr ? 'thèmes (au moins un)' : 'tags (any)', list(filter.tags_any), lang));
  if (filter.tags_all?.length)
    parts.push(withColon(fr ? 'thèmes (tous)' : 'tags (all)', list(filter.tags_all), lang));
  if (filter.countries_any?.length)
    parts.push(withColon(fr ? 'pays' : 'countries', list(filter.countries_any), lang));
  if (filter.within_years !== undefined) {
    const years = formatPlain(filter.within_years, lang);
    if (filter.within_years === 1) parts.push(fr ? 'achevées dans l’année' : 'completed within 1 year');
    else parts.push(fr ? `achevées dans les ${years} ans` : `completed within ${years} years`);
  }
  if (filter.min_value !== undefined) {
    parts.push(`${fr ? 'valeur' : 'value'} ≥ ${formatExactMoney(filter.min_value, currency, lang)}`);
  }
  if (filter.include_ongoing) parts.push(fr ? 'missions en cours comprises' : 'ongoing included');
  return parts;
}

function describeExpertFilter(filter: ExpertFilter, lang: Lang): string[] {
  const parts: string[] = [];
  if (filter.min_years !== undefined) {
    const years = formatPlain(filter.min_years, lang);
    const one = lang === 'fr' ? filter.min_years < 2 : filter.min_years === 1;
    parts.push(
      lang === 'fr'
        ? `au moins ${years} ${one ? 'an' : 'ans'} d'expérience`
        : `at least ${years} ${one ? "year's" : "years'"} experience`,
    );
  }
  if (filter.domains_any?.length)
    parts.push(withColon(lang === 'fr' ? 'domaines' : 'domains', list(filter.domains_any), lang));
  return parts;
}

/** `≥ 5` for gates, `0 pt at 10 → max at 20` for linear scores. */
function describeThreshold(
  rule: { at_least?: number; from?: number; to?: number },
  format: (n: number) => string,
  lang: Lang,
): string {
  if (rule.at_least !== undefined) return `≥ ${format(rule.at_least)}`;
  if (rule.from !== undefined && rule.to !== undefined) {
    return lang === 'fr'
      ? `0 point à ${format(rule.from)}, maximum à ${format(rule.to)}`
      : `0 points at ${format(rule.from)}, maximum at ${format(rule.to)}`;
  }
  return '';
}

function describeRule(rule: Rule, currency: string, lang: Lang): string {
  const fr = lang === 'fr';
  const plain = (n: number) => formatPlain(n, lang);
  // `1 référence`, `2 références`, `1 point`: French keeps 0 and 1 singular, English only 1.
  const counted = (n: number, singular: string, plural: string) =>
    `${plain(n)} ${(fr ? Math.abs(n) < 2 : n === 1) ? singular : plural}`;
  // The grid's amounts as written, never rounded to one they are not.
  const money = (n: number) => formatExactMoney(n, currency, lang);
  const eachMember: Phrase = { fr: ' (chaque membre)', en: ' (each member)' };
  const scope = (applies?: string) => (applies === 'each_member' ? eachMember[lang] : '');
  switch (rule.type) {
    case 'deadline':
      return fr ? 'reçu entre l’ouverture et la date limite' : 'received between opening and deadline';
    case 'documents':
      return withColon(fr ? 'pièces requises' : 'required documents', list(rule.required), lang);
    case 'nationality':
      return withColon(fr ? 'nationalités admises' : 'eligible nationalities', list(rule.allowed), lang);
    case 'declarations':
      return withColon(fr ? 'déclarations requises' : 'required declarations', list(rule.required), lang);
    case 'turnover': {
      const head = fr
        ? `chiffre d’affaires moyen des ${plain(rule.years)} derniers exercices`
        : `average turnover over the last ${plain(rule.years)} financial years`;
      const threshold = rule.average_at_least !== undefined ? { at_least: rule.average_at_least } : rule;
      return `${head} ${describeThreshold(threshold, money, lang)}${scope(rule.applies_to)}`;
    }
    case 'current_ratio':
      return `${fr ? 'ratio de liquidité générale' : 'current ratio'} ≥ ${plain(rule.at_least)}${eachMember[lang]}`;
    case 'staff': {
      const field: Phrase =
        rule.field === 'total'
          ? { fr: 'effectif total', en: 'total staff' }
          : { fr: 'personnel qualifié', en: 'relevant staff' };
      return `${field[lang]} ${describeThreshold(rule, plain, lang)}${scope(rule.applies_to)}`;
    }
    case 'references':
    case 'experts': {
      const [one, many] =
        rule.type === 'references'
          ? fr
            ? ['référence', 'références']
            : ['reference', 'references']
          : ['expert', 'experts'];
      const head =
        rule.points_each !== undefined
          ? `${counted(rule.points_each, 'point', 'points')} ${fr ? 'par' : 'per'} ${one}`
          : `${fr ? 'au moins' : 'at least'} ${counted(rule.at_least ?? 0, one, many)}`;
      const filter =
        rule.type === 'references'
          ? describeReferenceFilter(rule.filter, currency, lang)
          : describeExpertFilter(rule.filter, lang);
      return joinClauses([head, ...filter], lang) + scope(rule.applies_to);
    }
    case 'manual': {
      const how =
        rule.aggregate === 'median' ? { fr: 'médiane', en: 'median' } : { fr: 'moyenne', en: 'mean' };
      const judgement = `${fr ? 'appréciation des évaluateurs' : 'evaluators’ judgement'} (${how[lang]})`;
      const scale = rule.scale?.length
        ? [withColon(fr ? 'barème' : 'scale', list(rule.scale.map(plain)), lang)]
        : [];
      return joinClauses([judgement, ...scale], lang);
    }
  }
}

/** A one-line, human description of what `criterion` requires, in `lang`. */
export function summarizeRule(criterion: Criterion, currency: string, lang: Lang): string {
  return describeRule(criterion.rule, currency, lang);
}
