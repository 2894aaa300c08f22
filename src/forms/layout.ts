/**
 * The application form's layout, shared by the writer and the reader so they cannot drift apart.
 * Every sheet has an instruction in row 1, headers in row 2 and one record per row from row 3.
 * Sheet names stay English in both languages: issues name cells as `References!G5`.
 */
import type { Bilingual } from '../core/types.js';

/** How a cell is read and which data validation it gets. */
export type ColumnKind =
  | 'text'
  | 'country'
  | 'memberRole'
  | 'entity'
  | 'integer'
  | 'year'
  | 'amount'
  | 'share'
  | 'date'
  | 'instant'
  | 'boolean'
  | 'list';

export interface FormColumn {
  key: string;
  label: Bilingual;
  kind: ColumnKind;
  width: number;
}

export interface FormSheet {
  name: string;
  instruction: Bilingual;
  columns: FormColumn[];
}

export const INSTRUCTION_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Rows below the data that still carry data validation, for the candidate to fill. */
export const SPARE_ROWS = 200;

const col = (key: string, fr: string, en: string, kind: ColumnKind, width = 16): FormColumn => ({
  key,
  label: { fr, en },
  kind,
  width,
});

const ENTITY_HINT: Bilingual = {
  fr: 'Entité : 0 = chef de file, sinon le numéro du membre (feuille Members).',
  en: 'Entity: 0 = lead, otherwise the member number (Members sheet).',
};
const entity = col('entity', 'Entité', 'Entity', 'entity', 9);

const withEntityHint = (fr: string, en: string): Bilingual => ({
  fr: `${fr} ${ENTITY_HINT.fr}`,
  en: `${en} ${ENTITY_HINT.en}`,
});

export const SHEETS: readonly FormSheet[] = [
  {
    name: 'Identity',
    instruction: {
      fr: 'Candidat (chef de file). Date de dépôt au format RFC 3339 avec fuseau, par ex. 2025-11-27T10:15:00Z.',
      en: 'Candidate (lead). Submission time as RFC 3339 with an offset, e.g. 2025-11-27T10:15:00Z.',
    },
    columns: [
      col('name', 'Nom du candidat', 'Candidate name', 'text', 40),
      col('country', 'Pays (ISO)', 'Country (ISO)', 'country', 12),
      col('legal_form', 'Forme juridique', 'Legal form', 'text', 16),
      col('submitted_at', 'Déposé le', 'Submitted at', 'instant', 24),
    ],
  },
  {
    name: 'Members',
    instruction: {
      fr: 'Membres du consortium autres que le chef de file, numérotés 1, 2, 3…',
      en: 'Consortium members besides the lead, numbered 1, 2, 3…',
    },
    columns: [
      col('number', 'N°', 'No.', 'integer', 6),
      col('name', 'Nom', 'Name', 'text', 40),
      col('country', 'Pays (ISO)', 'Country (ISO)', 'country', 12),
      col('role', 'Rôle', 'Role', 'memberRole', 20),
    ],
  },
  {
    name: 'Declarations',
    instruction: withEntityHint(
      'Une ligne par déclaration et par entité.',
      'One row per declaration and entity.',
    ),
    columns: [
      entity,
      col('declaration', 'Déclaration', 'Declaration', 'text', 34),
      col('value', 'Valeur (oui/non)', 'Value (yes/no)', 'boolean', 16),
    ],
  },
  {
    name: 'Financials',
    instruction: withEntityHint(
      'Une ligne par exercice et par entité ; une seule devise par entité.',
      'One row per financial year and entity; one currency per entity.',
    ),
    columns: [
      entity,
      col('year', 'Exercice', 'Year', 'year', 10),
      col('currency', 'Devise (ISO 4217)', 'Currency (ISO 4217)', 'text', 14),
      col('turnover', "Chiffre d'affaires", 'Turnover', 'amount', 18),
      col('current_assets', 'Actif circulant', 'Current assets', 'amount', 18),
      col('current_liabilities', 'Passif circulant', 'Current liabilities', 'amount', 18),
    ],
  },
  {
    name: 'Staff',
    instruction: withEntityHint('Une ligne par entité.', 'One row per entity.'),
    columns: [
      entity,
      col('total', 'Effectif total', 'Total staff', 'integer'),
      col('relevant', 'Effectif pertinent', 'Relevant staff', 'integer'),
    ],
  },
  {
    name: 'References',
    instruction: withEntityHint(
      'Pays et mots-clés séparés par des virgules ; part entre 0 et 1 ; dates AAAA-MM-JJ (sans fin = en cours).',
      'Countries and tags comma-separated; share between 0 and 1; dates YYYY-MM-DD (no end = ongoing).',
    ),
    columns: [
      entity,
      col('title', 'Intitulé', 'Title', 'text', 40),
      col('client', 'Client', 'Client', 'text', 20),
      col('countries', 'Pays', 'Countries', 'list', 14),
      col('start', 'Début', 'Start', 'date', 12),
      col('end', 'Fin', 'End', 'date', 12),
      col('value', 'Montant', 'Value', 'amount', 14),
      col('currency', 'Devise', 'Currency', 'text', 10),
      col('share', 'Part', 'Share', 'share', 8),
      col('tags', 'Mots-clés', 'Tags', 'list', 30),
    ],
  },
  {
    name: 'Experts',
    instruction: withEntityHint(
      'Experts principaux ; domaines séparés par des virgules.',
      'Key experts; domains comma-separated.',
    ),
    columns: [
      entity,
      col('name', 'Nom', 'Name', 'text', 24),
      col('role', 'Fonction', 'Role', 'text', 20),
      col('years', "Années d'expérience", 'Years of experience', 'amount', 12),
      col('domains', 'Domaines', 'Domains', 'list', 30),
    ],
  },
  {
    name: 'Documents',
    instruction: {
      fr: 'Pièces jointes : type de pièce et chemin du fichier dans le dossier du candidat.',
      en: "Attachments: document kind and the file's path inside the candidate's folder.",
    },
    columns: [
      col('kind', 'Type de pièce', 'Document kind', 'text', 28),
      col('file', 'Fichier', 'File', 'text', 40),
    ],
  },
];

/** Hidden sheet holding the country codes that the country columns' drop-down lists use. */
export const LISTS_SHEET = 'Lists';

export const BOOLEAN_WORDS: Record<'fr' | 'en', [string, string]> = { fr: ['oui', 'non'], en: ['yes', 'no'] };

/** Looks a sheet up by name; the layout is fixed, so a miss is a programming error. */
export function sheetLayout(name: string): FormSheet {
  const sheet = SHEETS.find((s) => s.name === name);
  if (!sheet) throw new Error(`no form sheet named ${name}`);
  return sheet;
}

/** Spreadsheet column letters for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
