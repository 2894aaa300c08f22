/**
 * Schema step 6: an invalid dossier keeps the candidate's name when its file still gives one
 * (`candidate.name`), so the workbook, report and letter address the candidate by name rather
 * than by folder. Its document is not stored (nothing downstream may trust part of an invalid
 * dossier), so the name needs a column of its own; it stays null for a valid dossier, whose
 * document holds the name. Existing rows get theirs when a new prequal build reads every dossier
 * again at its first ingest. The versions table keeps contents, as before: nothing reads a past
 * version's name.
 */
export const SCHEMA_V6 = `
ALTER TABLE dossiers ADD COLUMN candidate_name TEXT;
`;
