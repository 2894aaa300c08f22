/**
 * Sanctions near matches flagged for the committee's review (SPEC §5), for the report: until
 * now only `explain` showed them, yet the committee must be able to say how each was settled.
 */
import { formatNumber } from '../core/text.js';
import type { CriterionResult, EvaluationReport, Lang, RankedCandidate } from '../core/types.js';
import { formatInstant } from './format.js';
import { labelsFor } from './labels.js';
import { displayCandidate } from './report-view-records.js';

/** Id of the screening gate a sanctions list adds to every candidate's results. */
const SANCTIONS = 'sanctions';

/** The similarity of a near match, carried as the item's `value` by the sanctions gate; null when absent. */
function readSimilarity(result: CriterionResult, index: number): number | null {
  const item = result.items?.filter((entry) => !entry.counted)[index];
  return item?.value ?? null;
}

/** How the secretary settled the review: dismissed, confirmed, or still open. */
function describeResolution(result: CriterionResult, lang: Lang): string {
  const override = result.override;
  const fr = lang === 'fr';
  if (!override || override.passed === undefined) {
    return fr ? 'en attente de la décision du secrétariat' : "awaiting the secretary's decision";
  }
  const what = override.passed
    ? fr
      ? 'écartée par le secrétariat'
      : 'dismissed by the secretary'
    : fr
      ? 'confirmée par le secrétariat (candidature rejetée)'
      : 'confirmed by the secretary (application rejected)';
  return `${what} — ${labelsFor(lang).overrideBy(override.by, formatInstant(override.at, lang), override.reason)}`;
}

function nearMatchesOf(candidate: RankedCandidate, lang: Lang) {
  const result = candidate.criteria[SANCTIONS];
  if (!result?.flags?.includes('review')) return [];
  const matched = Array.isArray(result.metrics.matched) ? result.metrics.matched : [];
  const exact = typeof result.metrics.exact === 'number' ? result.metrics.exact : 0;
  const near = (result.items ?? []).filter((item) => !item.counted);
  const resolution = describeResolution(result, lang);
  return near.map((item, index) => {
    const similarity = readSimilarity(result, index);
    return {
      candidate: displayCandidate(candidate.name, candidate.id),
      entity: item.entityName,
      // Matches are listed exact ones first, then near ones, in the order of the items.
      listed: matched[exact + index] ?? labelsFor(lang).none,
      similarity: similarity === null ? labelsFor(lang).none : formatNumber(similarity, lang, 4),
      resolved: result.override?.passed !== undefined,
      resolution,
    };
  });
}

/** Every sanctions near match flagged for review, with how (or whether) it was settled. */
export function buildSanctionsReview(report: EvaluationReport, lang: Lang) {
  // A released summary has no flagged result: its candidate's results are not read again for nothing.
  return report.shortlist.candidates.flatMap((candidate) =>
    report.isSummaryReleased?.(candidate) ? [] : nearMatchesOf(candidate, lang),
  );
}
