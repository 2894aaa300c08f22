import type { CriteriaSet, Tender } from '../../src/core/types.js';
import { gate, makeCriteria, makeTender, score } from '../core/factory.js';

/**
 * A small grid shaped like S29: deadline, turnover, references with a value filter, one score.
 * Only 2 places, a threshold of 20, ties broken by the SEL-4 count.
 */
export function makeGrid(): CriteriaSet {
  return makeCriteria(
    [
      gate('ADM-1', { type: 'deadline' }),
      gate('SEL-1', { type: 'turnover', years: 3, average_at_least: 300000 }),
      gate('SEL-4', {
        type: 'references',
        at_least: 2,
        filter: { tags_any: ['human_rights'], within_years: 5, min_value: 150000 },
      }),
      score('EXP-1', 40, { type: 'references', points_each: 10, filter: { tags_all: ['training'] } }),
    ],
    { shortlist_threshold: 20, tie_breakers: [{ criterion: 'SEL-4', metric: 'count' }] },
  );
}

export function makeSmallTender(max = 2): Tender {
  return makeTender({ shortlist: { min: 1, max } });
}
