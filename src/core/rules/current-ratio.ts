import { yearOf } from '../dates.js';
import { describeEntity } from '../entities.js';
import { bi, biMap, verdictWord } from '../text.js';
import type { Bilingual, Entity, Rule } from '../types.js';
import {
  formatRatio,
  formatThreshold,
  meetsThreshold,
  type RatioFinding,
  shownRatio,
} from './ratio-display.js';
import type { RuleContext, RuleModule, RuleOutcome } from './rule.js';

type CurrentRatioRule = Extract<Rule, { type: 'current_ratio' }>;

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
    // Assets and no short-term debt: as liquid as can be, so the gate passes. Nothing over nothing
    // shows no liquidity at all, so that case still fails, with its own reason.
    if (assets > 0) return { unbounded: true };
    return {
      problem: bi(
        `actif et passif courants ${year} nuls : ratio non calculable`,
        `current assets and liabilities for ${year} are both zero: no ratio`,
      ),
    };
  }
  // Unrounded: 1.195 must not pass `at_least: 1.2` by being shown as 1.20.
  return { ratio: assets / liabilities };
}

/**
 * Current assets / current liabilities for the financial year before the deadline's year,
 * for each entity on its own (liquidity cannot be pooled); each must reach `at_least`.
 * An entity with no current liabilities passes and is left out of `lowest` (null when every
 * entity is in that case).
 */
export const currentRatioRule: RuleModule<CurrentRatioRule> = {
  evaluate(ctx: RuleContext<CurrentRatioRule>): RuleOutcome {
    const year = yearOf(ctx.deadline) - 1;
    const threshold = ctx.rule.at_least;
    const ratios: number[] = [];
    const details: Bilingual[] = [];
    // Entities whose ratio cannot be computed: the summary names them, as they are why it fails.
    const missing: Bilingual[] = [];
    let unbounded = 0;
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
      if ('unbounded' in found) {
        unbounded += 1;
        details.push(
          bi(
            `${who.fr} : aucun passif courant ${year} : ratio non borné (atteint)`,
            `${who.en}: no current liabilities for ${year}: ratio not bounded (met)`,
          ),
        );
        continue;
      }
      ratios.push(found.ratio);
      const met = meetsThreshold(found.ratio, threshold);
      if (!met) passed = false;
      const word = verdictWord(met);
      details.push(
        biMap(
          (lang) =>
            `${who[lang]}${lang === 'fr' ? ' : ' : ': '}${formatRatio(found.ratio, threshold, lang)} (${word[lang]})`,
        ),
      );
    }
    const word = verdictWord(passed);
    const low = ratios.length === 0 ? null : Math.min(...ratios);
    const summary = biMap((lang) => {
      const t = formatThreshold(threshold, lang);
      if (missing.length > 0) return summaryWithMissing(year, missing, low, threshold, lang);
      const lowText =
        low !== null
          ? formatRatio(low, threshold, lang)
          : unbounded > 0
            ? lang === 'fr'
              ? 'aucun passif courant, ratio non borné'
              : 'no current liabilities, ratio not bounded'
            : lang === 'fr'
              ? 'non calculable'
              : 'not computable';
      const several = ctx.entities.length > 1;
      return lang === 'fr'
        ? `ratio de liquidité générale ${year}${several ? ', le plus faible des membres' : ''} : ${lowText}, seuil ${t} : ${word.fr}`
        : `current ratio ${year}${several ? ', lowest of the members' : ''}: ${lowText}, threshold ${t}: ${word.en}`;
    });
    const lowest = low === null ? null : shownRatio(low, threshold);
    return { passed, metrics: { lowest }, explanation: [summary, ...details] };
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
  threshold: number,
  lang: 'fr' | 'en',
): string {
  const names = missing.map((entry) => entry[lang]).join(lang === 'fr' ? ' ; ' : '; ');
  const others = low === null ? '' : formatRatio(low, threshold, lang);
  const t = formatThreshold(threshold, lang);
  return lang === 'fr'
    ? `ratio de liquidité générale ${year} non calculable pour ${names}${others ? `, le plus faible des autres membres : ${others}` : ''}, seuil ${t} : non atteint`
    : `current ratio ${year} not computable for ${names}${others ? `, lowest of the other members: ${others}` : ''}, threshold ${t}: not met`;
}
