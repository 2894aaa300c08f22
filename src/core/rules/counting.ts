import { describeEntity } from '../entities.js';
import { biMap, formatExact, formatQuantity } from '../text.js';
import type { ApplyTo, Bilingual, Criterion, Entity, ItemVerdict, Lang } from '../types.js';
import { decisiveNote, type Judgement, joinBi, judgeMeasures, type Measure, verdictTail } from './measure.js';
import { missingParameter } from './rule.js';

/** The parameters shared by the counting rules (references, experts). */
export interface CountParams {
  at_least?: number;
  points_each?: number;
  applies_to?: ApplyTo;
}

/** What the counting rules report: the decisive count, the verdict and the summary line. */
export interface CountVerdict {
  count: number;
  judgement: Judgement;
  summary: Bilingual;
  /** Scores only: "10 points per reference counted". */
  pointsLine: Bilingual[];
}

/**
 * Counts the items marked `counted`, pooled over every entity or per entity (each_member),
 * and judges the count against `at_least` (gate) or turns it into `points_each × count` (score).
 * `noun` names what is counted in the summary ("references counted").
 */
export function judgeCounts(
  criterion: Criterion,
  entities: Entity[],
  items: ItemVerdict[],
  params: CountParams,
  noun: { counted: Bilingual; each: Bilingual; perItem: Bilingual },
  extra: (lang: Lang) => string = () => '',
): CountVerdict {
  const eachMember = params.applies_to === 'each_member';
  const countFor = (entity: Entity | null) =>
    items.filter((item) => item.counted && (entity === null || item.entity === entity.index)).length;
  const measures: Measure[] = eachMember
    ? entities.map((entity) => ({ who: describeEntity(entity), value: countFor(entity) }))
    : [{ who: null, value: countFor(null) }];
  const pointsEach = params.points_each;
  if (criterion.kind === 'score' && pointsEach === undefined)
    throw missingParameter(criterion, 'points_each');
  const toPoints = pointsEach === undefined ? undefined : (count: number) => count * pointsEach;
  const judgement = judgeMeasures(
    criterion,
    measures,
    { threshold: params.at_least, name: 'at_least' },
    toPoints,
  );
  const quantity = (value: number) => (lang: Lang) => formatQuantity(value, lang);
  const count = judgement.decisive.value;
  const head: Bilingual = eachMember
    ? biMap((lang) => `${noun.each[lang]}${extra(lang)}`)
    : biMap((lang) => `${noun.counted[lang]}${lang === 'fr' ? ' : ' : ': '}${count}${extra(lang)}`);
  const summary = joinBi(
    head,
    decisiveNote(judgement, quantity(count)),
    verdictTail(criterion, judgement, quantity(params.at_least ?? 0)),
  );
  const pointsLine =
    pointsEach === undefined || criterion.kind === 'gate'
      ? []
      : [
          biMap((lang) =>
            lang === 'fr'
              ? `${formatExact(pointsEach, lang)} points par ${noun.perItem.fr}`
              : `${formatExact(pointsEach, lang)} points per ${noun.perItem.en}`,
          ),
        ];
  return { count, judgement, summary, pointsLine };
}

/** "reference 3" or, in a consortium, "Name (member), reference 3". */
export function nameItem(noun: Bilingual, position: number, entity: Entity, several: boolean): Bilingual {
  const who = describeEntity(entity);
  return biMap((lang) => {
    const base = `${noun[lang]} ${position}`;
    return several ? `${who[lang]}, ${base}` : base;
  });
}
