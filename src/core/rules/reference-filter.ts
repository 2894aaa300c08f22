import { subtractYears } from '../dates.js';
import { roundAmount, toTenderCurrency } from '../money.js';
import { bi, biMap, formatExactMoney, formatMoney, joinFacts } from '../text.js';
import type { Bilingual, Reference, ReferenceFilter, Tender } from '../types.js';

/** What the filter needs besides the reference: the deadline date and the expanded countries. */
export interface FilterSetting {
  filter: ReferenceFilter;
  tender: Tender;
  /** `D`, the deadline's UTC date. */
  deadline: string;
  /** `countries_any` expanded to ISO codes, or null when the filter has none. */
  countries: ReadonlySet<string> | null;
}

/** One reference through the filter: its effective value, and every part of the filter it fails. */
export interface ReferenceCheck {
  counted: boolean;
  /** `value * share` in the tender currency, rounded to the cent. */
  value: number;
  failures: Bilingual[];
  /** The date facts that passed (`ended 2022-12-31`, `ongoing, included`). */
  notes: Bilingual[];
}

/** The reference's end date against the deadline window; adds to failures or notes. */
function checkDates(ref: Reference, s: FilterSetting, failures: Bilingual[], notes: Bilingual[]): void {
  const d = s.deadline;
  const end = ref.end;
  if (end === undefined || end > d) {
    // include_ongoing counts an unfinished reference whatever the window.
    if (s.filter.include_ongoing) notes.push(bi('en cours, retenue', 'ongoing, included'));
    else if (end === undefined) failures.push(bi('en cours (sans date de fin)', 'ongoing (no end date)'));
    else
      failures.push(bi(`en cours : se termine le ${end}, après le ${d}`, `ongoing: ends ${end}, after ${d}`));
    return;
  }
  if (s.filter.within_years !== undefined) {
    const from = subtractYears(d, s.filter.within_years);
    if (end < from) {
      failures.push(bi(`terminée le ${end}, avant le ${from}`, `ended ${end}, before ${from}`));
      return;
    }
  }
  notes.push(bi(`terminée le ${end}`, `ended ${end}`));
}

/** Applies every part of the filter, so the explanation names all the reasons a reference fails. */
export function checkReference(ref: Reference, s: FilterSetting): ReferenceCheck {
  const failures: Bilingual[] = [];
  const notes: Bilingual[] = [];
  const value = roundAmount(toTenderCurrency(ref.value * ref.share, ref.currency, s.tender));
  checkDates(ref, s, failures, notes);
  const { tags_any, tags_all, countries_any, min_value } = s.filter;
  if (tags_any && !tags_any.some((tag) => ref.tags.includes(tag))) {
    failures.push(bi(`aucun thème parmi ${tags_any.join(', ')}`, `no tag among ${tags_any.join(', ')}`));
  }
  const lacking = (tags_all ?? []).filter((tag) => !ref.tags.includes(tag));
  if (lacking.length > 0)
    failures.push(bi(`thème manquant : ${lacking.join(', ')}`, `missing tag: ${lacking.join(', ')}`));
  if (s.countries && countries_any && !ref.countries.some((c) => s.countries?.has(c.toUpperCase()))) {
    const where = countries_any.join(', ');
    failures.push(bi(`aucun pays parmi ${where}`, `no country among ${where}`));
  }
  if (min_value !== undefined && value < min_value) {
    failures.push(
      biMap((lang) => {
        const shown = formatMoney(value, s.tender.currency, lang);
        const min = formatExactMoney(min_value, s.tender.currency, lang);
        return lang === 'fr'
          ? `valeur effective ${shown}, inférieure à ${min}`
          : `effective value ${shown}, below ${min}`;
      }),
    );
  }
  return { counted: failures.length === 0, value, failures, notes };
}

/** "filter: tag among human_rights; ended between 2020-11-28 and 2025-11-28; …". */
export function describeFilter(s: FilterSetting): Bilingual {
  const f = s.filter;
  const parts: Bilingual[] = [];
  if (f.tags_any)
    parts.push(bi(`un thème parmi ${f.tags_any.join(', ')}`, `a tag among ${f.tags_any.join(', ')}`));
  if (f.tags_all)
    parts.push(bi(`tous les thèmes ${f.tags_all.join(', ')}`, `every tag of ${f.tags_all.join(', ')}`));
  if (f.countries_any)
    parts.push(
      bi(`un pays parmi ${f.countries_any.join(', ')}`, `a country among ${f.countries_any.join(', ')}`),
    );
  const from = f.within_years === undefined ? null : subtractYears(s.deadline, f.within_years);
  parts.push(
    from
      ? bi(`terminée entre le ${from} et le ${s.deadline}`, `ended between ${from} and ${s.deadline}`)
      : bi(`terminée au plus tard le ${s.deadline}`, `ended on or before ${s.deadline}`),
  );
  if (f.include_ongoing) parts.push(bi('ou en cours', 'or ongoing'));
  if (f.min_value !== undefined) {
    const min = f.min_value;
    parts.push(
      biMap((lang) =>
        lang === 'fr'
          ? `valeur effective d'au moins ${formatExactMoney(min, s.tender.currency, lang)}`
          : `effective value at least ${formatExactMoney(min, s.tender.currency, lang)}`,
      ),
    );
  }
  const list = joinFacts(parts);
  return { fr: `filtre : ${list.fr}`, en: `filter: ${list.en}` };
}
