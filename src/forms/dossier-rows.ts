/**
 * Lays a dossier out as the form's rows (pure): one array of cell values per row, in the
 * column order of `layout.ts`. `undefined` leaves a cell blank; arrays become comma lists.
 */
import type { Dossier, EntityData } from '../core/types.js';

export type CellInput = string | number | boolean | string[] | undefined;
export type SheetRows = Record<string, CellInput[][]>;

/** Financial years an entity reports, in ascending order, whichever figures it gives. */
function yearsOf(financials: NonNullable<EntityData['financials']>): string[] {
  const years = new Set([
    ...Object.keys(financials.turnover ?? {}),
    ...Object.keys(financials.current_assets ?? {}),
    ...Object.keys(financials.current_liabilities ?? {}),
  ]);
  return [...years].sort();
}

function addEntityRows(rows: SheetRows, number: number, data: Omit<EntityData, 'country'>): void {
  for (const [name, value] of Object.entries(data.declarations))
    rows.Declarations!.push([number, name, value]);
  const fin = data.financials;
  if (fin) {
    const years = yearsOf(fin);
    // Currency alone still needs a row, or a round trip would lose it.
    if (years.length === 0) rows.Financials!.push([number, undefined, fin.currency]);
    for (const year of years) {
      rows.Financials!.push([
        number,
        Number(year),
        fin.currency,
        fin.turnover?.[year],
        fin.current_assets?.[year],
        fin.current_liabilities?.[year],
      ]);
    }
  }
  if (data.staff) rows.Staff!.push([number, data.staff.total, data.staff.relevant]);
  for (const r of data.references) {
    rows.References!.push([
      number,
      r.title,
      r.client,
      r.countries,
      r.start,
      r.end,
      r.value,
      r.currency,
      r.share,
      r.tags,
    ]);
  }
  for (const e of data.experts) rows.Experts!.push([number, e.name, e.role, e.years, e.domains]);
}

/** The rows of every sheet for a dossier, or empty sheets (one blank identity row) for a blank form. */
export function formRowsOf(dossier: Dossier | null): SheetRows {
  const rows: SheetRows = {
    Identity: [],
    Members: [],
    Declarations: [],
    Financials: [],
    Staff: [],
    References: [],
    Experts: [],
    Documents: [],
  };
  if (!dossier) return rows;
  const { candidate } = dossier;
  rows.Identity!.push([candidate.name, candidate.country, candidate.legal_form, dossier.submitted_at]);
  addEntityRows(rows, 0, dossier);
  dossier.members.forEach((member, i) => {
    rows.Members!.push([i + 1, member.name, member.country, member.role]);
    addEntityRows(rows, i + 1, member);
  });
  for (const [kind, file] of Object.entries(dossier.documents)) rows.Documents!.push([kind, file]);
  return rows;
}
