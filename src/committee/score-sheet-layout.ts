/**
 * Where things are on an offline score sheet. Export and import share this, so a sheet written
 * by one version of the layout is read back cell for cell.
 */
import type { Bilingual } from '../core/types.js';

export const SCORE_SHEET_NAME = 'Scores';

/** The header block: who the sheet is for, which tender and which criteria version. */
export const META_CELLS = {
  evaluator: { label: 'A1', value: 'B1', text: { fr: 'Évaluateur', en: 'Evaluator' } },
  tender: { label: 'A2', value: 'B2', text: { fr: 'Marché', en: 'Tender' } },
  criteriaVersion: { label: 'A3', value: 'B3', text: { fr: 'Version des critères', en: 'Criteria version' } },
} as const satisfies Record<string, { label: string; value: string; text: Bilingual }>;

export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;

export type SheetColumnKey =
  | 'candidate'
  | 'name'
  | 'country'
  | 'criterion'
  | 'label'
  | 'max'
  | 'guidance'
  | 'points'
  | 'comment';

export interface ScoreSheetColumn {
  key: SheetColumnKey;
  letter: string;
  header: Bilingual;
  width: number;
  /** Long text: wrapped in its cell. */
  wrap?: boolean;
  /** The evaluator fills it: unlocked while everything else is protected. */
  editable?: boolean;
}

export const SCORE_SHEET_COLUMNS: readonly ScoreSheetColumn[] = [
  { key: 'candidate', letter: 'A', header: { fr: 'Candidat (id)', en: 'Candidate id' }, width: 32 },
  {
    key: 'name',
    letter: 'B',
    header: { fr: 'Nom du candidat', en: 'Candidate name' },
    width: 36,
    wrap: true,
  },
  { key: 'country', letter: 'C', header: { fr: 'Pays', en: 'Country' }, width: 8 },
  { key: 'criterion', letter: 'D', header: { fr: 'Critère', en: 'Criterion' }, width: 10 },
  { key: 'label', letter: 'E', header: { fr: 'Intitulé', en: 'Label' }, width: 36, wrap: true },
  { key: 'max', letter: 'F', header: { fr: 'Maximum', en: 'Maximum' }, width: 10 },
  { key: 'guidance', letter: 'G', header: { fr: 'Consignes', en: 'Guidance' }, width: 60, wrap: true },
  { key: 'points', letter: 'H', header: { fr: 'Points', en: 'Points' }, width: 10, editable: true },
  {
    key: 'comment',
    letter: 'I',
    header: { fr: 'Commentaire', en: 'Comment' },
    width: 70,
    wrap: true,
    editable: true,
  },
];

/** The column letter of a field. */
export function letterOf(key: SheetColumnKey): string {
  const column = SCORE_SHEET_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`no score sheet column ${key}`);
  return column.letter;
}

/** `Scores!H5`: how problems name a cell. */
export function cellName(address: string): string {
  return `${SCORE_SHEET_NAME}!${address}`;
}

/** `Hélène Marchand` → `helene-marchand`, for the default file name. */
export function slugOfName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'evaluator';
}
