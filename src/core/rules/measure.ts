import { finalPoints } from '../money.js';
import { biMap, formatPoints, verdictWord } from '../text.js';
import type { Bilingual, Criterion, Lang } from '../types.js';
import { maxOf, missingParameter } from './rule.js';

/**
 * A quantity measured for the whole candidate (pooled: `who` is null) or for one entity
 * (`applies_to: each_member`).
 */
export interface Measure {
  who: Bilingual | null;
  value: number;
}

/** The verdict over one or more measures, and the measure that decided it. */
export interface Judgement {
  passed?: boolean;
  rawPoints?: number;
  /** Gate: the lowest value. Score: the measure giving the fewest points. */
  decisive: Measure;
  /** Score criteria: the decisive measure's final points (clamped, rounded) for the summary. */
  shownPoints?: number;
}

/**
 * Judges measures against a gate threshold (`value >= threshold` for every measure) or turns them
 * into points. With several measures (each_member), a score takes the lowest entity's points:
 * the weakest member is what the contracting authority relies on, as for a gate.
 */
export function judgeMeasures(
  criterion: Criterion,
  measures: Measure[],
  gate: { threshold: number | undefined; name: string },
  toPoints: ((value: number) => number) | undefined,
): Judgement {
  const first = measures[0];
  if (!first) throw new Error(`criterion ${criterion.id}: nothing to measure`);
  if (criterion.kind === 'gate') {
    const threshold = gate.threshold;
    if (threshold === undefined) throw missingParameter(criterion, gate.name);
    const decisive = measures.reduce((low, m) => (m.value < low.value ? m : low), first);
    return { passed: measures.every((m) => m.value >= threshold), decisive };
  }
  if (!toPoints) throw missingParameter(criterion, 'a points rule');
  let decisive = first;
  let rawPoints = toPoints(first.value);
  for (const m of measures.slice(1)) {
    const points = toPoints(m.value);
    if (points < rawPoints) {
      rawPoints = points;
      decisive = m;
    }
  }
  return { rawPoints, decisive, shownPoints: finalPoints(rawPoints, maxOf(criterion)) };
}

/**
 * The end of a summary line: ", threshold 5: met" for a gate, ": 12.50 points out of 20" for a score.
 * `threshold` is the formatted threshold in each language.
 */
export function verdictTail(
  criterion: Criterion,
  judgement: Judgement,
  threshold: (lang: Lang) => string,
): Bilingual {
  if (judgement.passed !== undefined) {
    const word = verdictWord(judgement.passed);
    return biMap((lang) =>
      lang === 'fr'
        ? `, seuil ${threshold(lang)} : ${word.fr}`
        : `, threshold ${threshold(lang)}: ${word.en}`,
    );
  }
  const points = judgement.shownPoints ?? 0;
  const max = maxOf(criterion);
  return biMap((lang) =>
    lang === 'fr'
      ? ` : ${formatPoints(points, lang)} points sur ${formatPoints(max, lang)}`
      : `: ${formatPoints(points, lang)} points out of ${formatPoints(max, lang)}`,
  );
}

/** Concatenates bilingual fragments. */
export function joinBi(...parts: Bilingual[]): Bilingual {
  return { fr: parts.map((p) => p.fr).join(''), en: parts.map((p) => p.en).join('') };
}

/** " (lowest: Name, value)" after an each_member summary; empty when pooled. */
export function decisiveNote(judgement: Judgement, value: (lang: Lang) => string): Bilingual {
  const who = judgement.decisive.who;
  if (!who) return { fr: '', en: '' };
  return biMap((lang) =>
    lang === 'fr' ? ` (le plus faible : ${who.fr}, ${value(lang)})` : ` (lowest: ${who.en}, ${value(lang)})`,
  );
}
