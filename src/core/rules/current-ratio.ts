import { yearOf } from '../dates.js';
import { describeEntity } from '../entities.js';
import { roundPoints } from '../money.js';
import { bi, biMap, formatNumber, formatQuantity, verdictWord } from '../text.js';
import type { Bilingual, Entity, Rule } from '../types.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type CurrentRatioRule = Extract<Rule, { type: 'current_ratio' }>;

type RatioFinding = { ratio: number } | { problem: Bilingual };

/** One entity's current ratio for `year`, or why it cannot be computed. */
function findRatio(entity: Entity, year: number): RatioFinding {
  const fin = entity.financials;
  const assets = fin?.current_assets?.[String(year)];
  const liabilities = fin?.current_liabilities?.[String(year)];
  if (assets === undefined && liabilities === undefined) {
    return {
      problem: bi(
        `actif et passif courants ${year} non déclarés`,
        `no current assets or liabilities for ${year}`,
      ),
    };
  }
  if (assets === undefined)
    return { problem: bi(`actif courant ${year} non déclaré`, `no current assets for ${year}`) };
  if (liabilities === undefined) {
    return { problem: bi(`passif courant ${year} non déclaré`, `no current liabilities for ${year}`) };
  }
  if (liabilities === 0) {
    return {
      problem: bi(
        `passif courant ${year} nul : ratio non calculable`,
        `current liabilities for ${year} are zero: no ratio`,
      ),
    };
  }
  // Compared as shown, to 2 decimals, so a ratio printed 1.20 never fails a 1.20 threshold.
  return { ratio: roundPoints(assets / liabilities) };
}

/**
 * Current assets / current liabilities for the financial year before the deadline's year,
 * for each entity on its own (liquidity cannot be pooled); each must reach `at_least`.
 */
export const currentRatioRule: RuleModule<CurrentRatioRule> = {
  evaluate(ctx: RuleContext<CurrentRatioRule>): RuleOutcome {
    const year = yearOf(ctx.deadline) - 1;
    const threshold = ctx.rule.at_least;
    const ratios: number[] = [];
    const details: Bilingual[] = [];
    // Entities whose ratio cannot be computed: the summary names them, as they are why it fails.
    const missing: Bilingual[] = [];
    let passed = true;
    for (const entity of ctx.entities) {
      const who = describeEntity(entity);
      const found = findRatio(entity, year);
      if ('problem' in found) {
        passed = false;
        details.push(bi(`${who.fr} : ${found.problem.fr}`, `${who.en}: ${found.problem.en}`));
        missing.push(bi(`${who.fr} (${found.problem.fr})`, `${who.en} (${found.problem.en})`));
        continue;
      }
      ratios.push(found.ratio);
      if (found.ratio < threshold) passed = false;
      const word = verdictWord(found.ratio >= threshold);
      details.push(
        biMap(
          (lang) =>
            `${who[lang]}${lang === 'fr' ? ' : ' : ': '}${formatNumber(found.ratio, lang)} (${word[lang]})`,
        ),
      );
    }
    const word = verdictWord(passed);
    const low = ratios.length === 0 ? null : Math.min(...ratios);
    const summary = biMap((lang) => {
      const t = formatQuantity(threshold, lang);
      if (missing.length > 0) return summaryWithMissing(year, missing, low, t, lang);
      const lowText =
        low === null ? (lang === 'fr' ? 'non calculable' : 'not computable') : formatNumber(low, lang);
      const several = ctx.entities.length > 1;
      return lang === 'fr'
        ? `ratio de liquidité générale ${year}${several ? ', le plus faible des membres' : ''} : ${lowText}, seuil ${t} : ${word.fr}`
        : `current ratio ${year}${several ? ', lowest of the members' : ''}: ${lowText}, threshold ${t}: ${word.en}`;
    });
    return { passed, metrics: { lowest: low }, explanation: [summary, ...details] };
  },
};

/**
 * The summary when some entity's ratio cannot be computed: it names each one with the missing
 * figure (the reason the criterion fails), then the lowest ratio of the others, if any.
 */
function summaryWithMissing(
  year: number,
  missing: Bilingual[],
  low: number | null,
  threshold: string,
  lang: 'fr' | 'en',
): string {
  const names = missing.map((entry) => entry[lang]).join(lang === 'fr' ? ' ; ' : '; ');
  const others = low === null ? '' : formatNumber(low, lang);
  return lang === 'fr'
    ? `ratio de liquidité générale ${year} non calculable pour ${names}${others ? `, le plus faible des autres membres : ${others}` : ''}, seuil ${threshold} : non atteint`
    : `current ratio ${year} not computable for ${names}${others ? `, lowest of the other members: ${others}` : ''}, threshold ${threshold}: not met`;
}
