/**
 * Schema step 4: what the ingester saw of each dossier's files is kept exactly, per file
 * (`file_state`, see src/pipeline/dossier-signature.ts), instead of a total size and a latest
 * time, which a file whose mtime was set into the future could hide an edit behind. The index
 * covers every column the ingester looks at, so checking ten thousand unchanged dossiers reads
 * a few hundred index pages instead of every stored document (the columns after `document`
 * sat behind its overflow pages). Existing dossiers have no file state yet: the next ingest
 * reads each once more and records it.
 */
export const SCHEMA_V4 = `
ALTER TABLE dossiers ADD COLUMN file_state TEXT;
ALTER TABLE dossiers DROP COLUMN file_size;
ALTER TABLE dossiers DROP COLUMN file_mtime_ms;
CREATE INDEX dossiers_ingest_state ON dossiers (status, id, source_path, hash, file_state);
`;
