/**
 * Schema step 3: the evaluation cache keeps, per row, the summary ranking reads (text, see
 * core/summarize.ts) and the full evaluation raw-deflated (a blob about a sixth of the JSON's size):
 * at 10,000 candidates the full JSON weighed ~170 MB, spread over overflow pages that made every
 * read slow. The old table is a cache — each row can be computed again from the stored dossiers and
 * criteria — so it is dropped rather than converted: the next score evaluates again.
 */
export const SCHEMA_V3 = `
DROP TABLE evaluations;
CREATE TABLE evaluations (
  criteria_version INTEGER NOT NULL REFERENCES criteria_versions (version),
  context_hash TEXT NOT NULL,
  candidate TEXT NOT NULL,
  dossier_hash TEXT NOT NULL,
  summary TEXT NOT NULL,
  detail BLOB NOT NULL,
  PRIMARY KEY (criteria_version, context_hash, candidate, dossier_hash)
) STRICT;
`;
