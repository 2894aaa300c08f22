/**
 * Schema step 2: manual scores no longer reference committee_members. With no committee
 * registered, SPEC §5 counts everyone who scored, so a score may name an evaluator the store does
 * not know; when a committee is registered, recordScores still checks membership, role and
 * declaration. SQLite cannot drop a foreign key, so the table is rebuilt with its rows, index and
 * triggers (DROP TABLE does not fire the no-delete trigger).
 */
export const SCHEMA_V2 = `
CREATE TABLE manual_scores_v2 (
  id INTEGER PRIMARY KEY,
  evaluator TEXT NOT NULL CHECK (length(trim(evaluator)) > 0),
  candidate TEXT NOT NULL,
  criterion TEXT NOT NULL,
  points REAL NOT NULL CHECK (points >= 0),
  comment TEXT NOT NULL,
  source TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1))
) STRICT;
INSERT INTO manual_scores_v2 (id, evaluator, candidate, criterion, points, comment, source, recorded_at, superseded)
  SELECT id, evaluator, candidate, criterion, points, comment, source, recorded_at, superseded FROM manual_scores;
DROP TABLE manual_scores;
ALTER TABLE manual_scores_v2 RENAME TO manual_scores;
CREATE UNIQUE INDEX manual_scores_current ON manual_scores (evaluator, candidate, criterion)
  WHERE superseded = 0;
CREATE TRIGGER manual_scores_keep_values
BEFORE UPDATE OF evaluator, candidate, criterion, points, comment, source, recorded_at ON manual_scores
BEGIN SELECT RAISE(ABORT, 'manual scores are superseded, never edited'); END;
CREATE TRIGGER manual_scores_no_delete BEFORE DELETE ON manual_scores
BEGIN SELECT RAISE(ABORT, 'manual scores are never deleted'); END;
`;
