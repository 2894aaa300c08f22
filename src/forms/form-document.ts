/**
 * Assembles the rows read from the form into the dossier.yaml shape (pure). Values that failed
 * to read arrive as raw text and are passed on, so the dossier validation rejects them too.
 */
import { FIRST_DATA_ROW } from './layout.js';

export interface FormRow {
  sheet: string;
  row: number;
  /** Column key → value read (absent for blank cells). */
  values: Record<string, unknown>;
  /** Column key → cell address, for issues. */
  cells: Record<string, string>;
}

export type ReportIssue = (row: FormRow, key: string | null, message: string) => void;

type Obj = Record<string, unknown>;

/** Cells that must be filled on every non-blank row of a sheet. */
const REQUIRED: Record<string, string[]> = {
  Identity: ['name', 'country', 'submitted_at'],
  Members: ['number', 'name', 'country', 'role'],
  Declarations: ['entity', 'declaration', 'value'],
  Financials: ['entity', 'currency'],
  Staff: ['entity'],
  References: ['entity', 'title', 'value', 'currency'],
  Experts: ['entity', 'name', 'years'],
  Documents: ['kind', 'file'],
};

const ENTITY_FIELDS = ['declarations', 'financials', 'staff', 'references', 'experts'] as const;

function newEntity(): Obj {
  return { declarations: {}, references: [], experts: [] };
}

/** Copies the listed keys that were filled in. */
function pick(row: FormRow, keys: string[]): Obj {
  const out: Obj = {};
  for (const key of keys) if (row.values[key] !== undefined) out[key] = row.values[key];
  return out;
}

function checkRequired(rows: FormRow[], sheet: string, report: ReportIssue): void {
  for (const row of rows) {
    for (const key of REQUIRED[sheet] ?? [])
      if (row.values[key] === undefined) report(row, key, `${key} is required`);
  }
}

function addFinancials(entity: Obj, row: FormRow, report: ReportIssue): void {
  const currency = row.values.currency;
  if (entity.financials === undefined) entity.financials = {};
  const fin = entity.financials as Obj;
  if (fin.currency === undefined) {
    if (currency !== undefined) fin.currency = currency;
  } else if (currency !== undefined && fin.currency !== currency) {
    report(
      row,
      'currency',
      `currency ${String(currency)} differs from ${String(fin.currency)} on an earlier row of this entity`,
    );
  }
  const year = row.values.year;
  for (const field of ['turnover', 'current_assets', 'current_liabilities']) {
    const amount = row.values[field];
    if (amount === undefined) continue;
    if (year === undefined) {
      report(row, 'year', `${field} is given without a year`);
      continue;
    }
    if (fin[field] === undefined) fin[field] = {};
    const byYear = fin[field] as Obj;
    if (String(year) in byYear) report(row, field, `${field} for ${String(year)} is given twice`);
    byYear[String(year)] = amount;
  }
}

/** Builds the dossier document from the form's rows, reporting inconsistencies between rows. */
export function assembleDocument(sheets: Record<string, FormRow[]>, report: ReportIssue): Obj {
  const rows = (name: string): FormRow[] => sheets[name] ?? [];
  for (const name of Object.keys(REQUIRED)) checkRequired(rows(name), name, report);

  const identity = rows('Identity');
  for (const extra of identity.slice(1)) report(extra, null, 'only one candidate row is expected');
  const first = identity[0];
  if (!first) {
    const empty: FormRow = {
      sheet: 'Identity',
      row: FIRST_DATA_ROW,
      values: {},
      cells: { name: `A${FIRST_DATA_ROW}` },
    };
    report(empty, 'name', 'the candidate row is empty');
  }
  const lead = newEntity();
  const document: Obj = { candidate: first ? pick(first, ['name', 'country', 'legal_form']) : {} };
  if (first?.values.submitted_at !== undefined) document.submitted_at = first.values.submitted_at;

  const members = new Map<number, Obj>();
  for (const row of rows('Members')) {
    const number = row.values.number;
    if (typeof number !== 'number') continue;
    if (number === 0 || members.has(number)) {
      report(
        row,
        'number',
        number === 0 ? 'member numbers start at 1 (0 is the lead)' : `member ${number} is listed twice`,
      );
      continue;
    }
    members.set(number, { ...pick(row, ['name', 'country', 'role']), ...newEntity() });
  }
  const entityOf = (row: FormRow): Obj | undefined => {
    const n = row.values.entity;
    if (typeof n !== 'number') return undefined;
    const entity = n === 0 ? lead : members.get(n);
    if (!entity) report(row, 'entity', `entity ${n} is neither 0 (lead) nor a member number`);
    return entity;
  };

  for (const row of rows('Declarations')) {
    const entity = entityOf(row);
    const name = row.values.declaration;
    if (!entity || name === undefined) continue;
    const declarations = entity.declarations as Obj;
    if (String(name) in declarations)
      report(row, 'declaration', `declaration ${String(name)} is given twice`);
    declarations[String(name)] = row.values.value;
  }
  for (const row of rows('Financials')) {
    const entity = entityOf(row);
    if (entity) addFinancials(entity, row, report);
  }
  for (const row of rows('Staff')) {
    const entity = entityOf(row);
    if (!entity) continue;
    if (entity.staff !== undefined) report(row, 'entity', 'staff is given twice for this entity');
    entity.staff = pick(row, ['total', 'relevant']);
  }
  const referenceKeys = [
    'title',
    'client',
    'countries',
    'start',
    'end',
    'value',
    'currency',
    'share',
    'tags',
  ];
  for (const row of rows('References')) {
    const entity = entityOf(row);
    if (entity) (entity.references as Obj[]).push({ countries: [], tags: [], ...pick(row, referenceKeys) });
  }
  for (const row of rows('Experts')) {
    const entity = entityOf(row);
    if (entity)
      (entity.experts as Obj[]).push({ domains: [], ...pick(row, ['name', 'role', 'years', 'domains']) });
  }
  const documents: Obj = {};
  for (const row of rows('Documents')) {
    const kind = row.values.kind;
    if (kind === undefined) continue;
    if (String(kind) in documents) report(row, 'kind', `document ${String(kind)} is given twice`);
    documents[String(kind)] = row.values.file;
  }

  for (const field of ENTITY_FIELDS) if (lead[field] !== undefined) document[field] = lead[field];
  document.members = [...members.entries()].sort(([a], [b]) => a - b).map(([, member]) => member);
  document.documents = documents;
  return document;
}
