/**
 * The Experience sheet: every reference of every member of every readable dossier, its
 * effective value, and for each references criterion whether it counted and why.
 */
import type {
  Criterion,
  Dossier,
  EvaluationReport,
  ItemVerdict,
  Lang,
  RankedCandidate,
  Reference,
} from '../core/types.js';
import { parseCalendarDate } from './format.js';
import { labelsFor } from './labels.js';
import type { SheetCell, SheetColumn, SheetTable } from './xlsx-sheet.js';

/** The lead (entity 0) and each member (entity i + 1) with their references. */
function listEntities(dossier: Dossier): { index: number; name: string; references: Reference[] }[] {
  return [
    { index: 0, name: dossier.candidate.name, references: dossier.references },
    ...dossier.members.map((member, i) => ({
      index: i + 1,
      name: member.name,
      references: member.references,
    })),
  ];
}

/**
 * The effective value the rules used (carried by their item verdicts); computed as
 * `value * share / rate` only when no rule looked at the reference. Null when the currency has no rate.
 */
function effectiveValue(
  report: EvaluationReport,
  reference: Reference,
  verdicts: (ItemVerdict | undefined)[],
) {
  const fromRule = verdicts.find((verdict) => verdict?.value !== undefined)?.value;
  if (fromRule !== undefined) return fromRule;
  const { currency, exchange_rates } = report.tender;
  const rate = reference.currency === currency ? 1 : exchange_rates[reference.currency];
  return rate ? (reference.value * (reference.share ?? 1)) / rate : null;
}

/** For each references criterion, a lookup of the candidate's item verdicts by entity and item. */
function indexVerdicts(
  candidate: RankedCandidate,
  criteria: Criterion[],
): ((entity: number, item: number) => ItemVerdict | undefined)[] {
  return criteria.map((criterion) => {
    const byItem = new Map<string, ItemVerdict>();
    // The first verdict for an item wins, as a search from the start would find it.
    for (const verdict of candidate.criteria[criterion.id]?.items ?? []) {
      const key = `${verdict.entity}:${verdict.item}`;
      if (!byItem.has(key)) byItem.set(key, verdict);
    }
    return (entity, item) => byItem.get(`${entity}:${item}`);
  });
}

function verdictCell(verdict: ItemVerdict | undefined, lang: Lang): SheetCell {
  if (!verdict) return null;
  const labels = labelsFor(lang);
  const answer = verdict.counted ? labels.yes : labels.no;
  return { value: `${answer} — ${verdict.why[lang]}`, tone: verdict.counted ? 'pass' : 'fail' };
}

/** Dates are real dates when they parse, else the text as written. */
function dateCell(date: string | undefined): SheetCell {
  return parseCalendarDate(date) ?? date ?? null;
}

/** The Experience sheet of `report`. */
export function buildExperienceTable(report: EvaluationReport, lang: Lang): SheetTable {
  const h = labelsFor(lang).headers.experience;
  const referenceCriteria = report.criteria.criteria.filter(
    (criterion) => criterion.rule.type === 'references',
  );
  const columns: SheetColumn[] = [
    { header: h.id, kind: 'text' },
    { header: h.member, kind: 'text' },
    { header: h.number, kind: 'int' },
    { header: h.title, kind: 'wrap' },
    { header: h.client, kind: 'text' },
    { header: h.countries, kind: 'text' },
    { header: h.start, kind: 'date' },
    { header: h.end, kind: 'date' },
    { header: h.value, kind: 'money' },
    { header: h.tags, kind: 'text' },
    ...referenceCriteria.map((criterion) => ({
      header: `${criterion.id} ${h.counted}`,
      kind: 'wrap' as const,
    })),
  ];
  // Every reference of every dossier: rows are made as they are written rather than held,
  // since this sheet alone has several rows per candidate.
  const rows: Iterable<SheetCell[]> = {
    *[Symbol.iterator]() {
      for (const candidate of report.shortlist.candidates) {
        const dossier = report.dossierData[candidate.id];
        if (!dossier) continue;
        const verdictOf = indexVerdicts(candidate, referenceCriteria);
        for (const entity of listEntities(dossier)) {
          for (const [item, reference] of entity.references.entries()) {
            const verdicts = verdictOf.map((find) => find(entity.index, item));
            yield [
              candidate.id,
              entity.name,
              item + 1,
              reference.title,
              reference.client ?? '',
              reference.countries.join(', '),
              dateCell(reference.start),
              dateCell(reference.end),
              effectiveValue(report, reference, verdicts),
              reference.tags.join(', '),
              ...verdicts.map((verdict) => verdictCell(verdict, lang)),
            ];
          }
        }
      }
    },
  };
  return { name: 'Experience', frozenColumns: 2, columns, rows };
}
