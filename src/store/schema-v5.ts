/**
 * Schema step 5: the evaluation cache is kept per criterion, so that a criteria version differing
 * from an earlier one by one threshold re-evaluates that criterion only. A criterion's result
 * depends on its own definition, the dossier and the tender/tool context, never on the other
 * criteria (core/evaluate.ts), so it is keyed by a hash of those (evaluation-cache.ts).
 *
 * Criteria evaluated together for a dossier form a group (`criterion_groups`: their keys, in the
 * order of the arrays below); each evaluation part holds one group's results for one dossier
 * content: the summaries ranking reads (core/summarize.ts) and the full results the exports read,
 * raw-deflated when long, with what the candidate's evaluation takes from the dossier (name,
 * country, reading warnings), so that ranking never reads the dossiers' content. A first score writes one part per dossier, as schema 3 did; a re-score
 * after one threshold changed adds one small part per dossier. One row per criterion and dossier
 * would have written twelve times the rows on a first score, which measured about 1 s slower at
 * 10,000 dossiers.
 *
 * The primary key leads with the group so that a score appends its parts in order, and ends with
 * the dossier hash so that finding which parts are current reads the index only. The v3 evaluations table is
 * a cache, dropped rather than converted: the next score evaluates again.
 *
 * `dossiers_heads` lets the listings of active dossiers (id, status, hash, source path) read an
 * index of about 1 MB instead of every dossier's content: finding what a re-score must compute
 * at 10,000 dossiers went from 190 ms to 50 ms.
 */
export const SCHEMA_V5 = `
DROP TABLE evaluations;
CREATE TABLE criterion_groups (
  id INTEGER PRIMARY KEY,
  criterion_keys TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE evaluation_parts (
  criterion_group INTEGER NOT NULL REFERENCES criterion_groups (id),
  candidate TEXT NOT NULL,
  dossier_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  warnings TEXT NOT NULL,
  summaries TEXT NOT NULL,
  details ANY NOT NULL,
  PRIMARY KEY (criterion_group, candidate, dossier_hash)
) STRICT;
CREATE INDEX dossiers_heads ON dossiers (id, status, hash, source_path);
`;
