import { linearPoints } from '../money.js';
import { biMap, formatPoints } from '../text.js';
import type { Bilingual, Criterion, Lang } from '../types.js';
import { maxOf, missingParameter } from './rule.js';

/** A score's linear scale: 0 points at `from`, `max` at `to`. */
export interface LinearScale {
  from: number;
  to: number;
  toPoints: (value: number) => number;
}

/** The scale of a score criterion with `from`/`to`; undefined for a gate. */
export function linearScale(
  criterion: Criterion,
  from: number | undefined,
  to: number | undefined,
): LinearScale | undefined {
  if (criterion.kind === 'gate') return undefined;
  if (from === undefined) throw missingParameter(criterion, 'from');
  if (to === undefined) throw missingParameter(criterion, 'to');
  const max = maxOf(criterion);
  return { from, to, toPoints: (value) => linearPoints(value, from, to, max) };
}

/** "scale: 0 points at 100,000.00 EUR, 20.00 points at 1,000,000.00 EUR, linear in between". */
export function describeLinearScale(
  criterion: Criterion,
  scale: LinearScale,
  show: (value: number) => (lang: Lang) => string,
): Bilingual {
  const max = maxOf(criterion);
  return biMap((lang) =>
    lang === 'fr'
      ? `barème : 0 point à ${show(scale.from)(lang)}, ${formatPoints(max, lang)} points à ${show(scale.to)(lang)}, linéaire entre les deux`
      : `scale: 0 points at ${show(scale.from)(lang)}, ${formatPoints(max, lang)} points at ${show(scale.to)(lang)}, linear in between`,
  );
}
