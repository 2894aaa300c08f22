/**
 * Schema version 1. JSON documents are stored as TEXT; tables are STRICT so a wrong type is
 * refused instead of silently coerced. Triggers keep the append-only tables append-only, so
 * tampering takes deliberate SQL (dropping a trigger) — which `verifyAudit` then detects.
 */
export const SCHEMA_V1 = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE criteria_versions (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  hash TEXT NOT NULL,
  text TEXT NOT NULL,
  criteria TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER criteria_versions_no_update BEFORE UPDATE ON criteria_versions
BEGIN SELECT RAISE(ABORT, 'criteria versions are never changed'); END;
CREATE TRIGGER criteria_versions_no_delete BEFORE DELETE ON criteria_versions
BEGIN SELECT RAISE(ABORT, 'criteria versions are never deleted'); END;

CREATE TABLE dossiers (
  id TEXT PRIMARY KEY,
  source_path TEXT NOT NULL,
  hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('valid', 'invalid', 'withdrawn')),
  document TEXT,
  attachments TEXT NOT NULL,
  errors TEXT NOT NULL,
  warnings TEXT NOT NULL,
  file_size INTEGER,
  file_mtime_ms REAL,
  first_ingested_at TEXT NOT NULL,
  last_ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER dossiers_no_delete BEFORE DELETE ON dossiers
BEGIN SELECT RAISE(ABORT, 'dossiers are withdrawn, never deleted'); END;

CREATE TABLE dossier_versions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL REFERENCES dossiers (id),
  source_path TEXT NOT NULL,
  hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('valid', 'invalid')),
  document TEXT,
  attachments TEXT NOT NULL,
  errors TEXT NOT NULL,
  warnings TEXT NOT NULL,
  ingested_at TEXT NOT NULL
) STRICT;
CREATE INDEX dossier_versions_by_id ON dossier_versions (id, seq);

CREATE TABLE evaluations (
  criteria_version INTEGER NOT NULL REFERENCES criteria_versions (version),
  candidate TEXT NOT NULL,
  dossier_hash TEXT NOT NULL,
  context_hash TEXT NOT NULL,
  evaluation TEXT NOT NULL,
  PRIMARY KEY (criteria_version, context_hash, candidate, dossier_hash)
) STRICT, WITHOUT ROWID;

CREATE TABLE committee_members (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'evaluator')),
  declared_at TEXT,
  declaration_text TEXT,
  source TEXT NOT NULL CHECK (source IN ('tender', 'cli')),
  added_at TEXT NOT NULL
) STRICT;

CREATE TABLE manual_scores (
  id INTEGER PRIMARY KEY,
  evaluator TEXT NOT NULL REFERENCES committee_members (name),
  candidate TEXT NOT NULL,
  criterion TEXT NOT NULL,
  points REAL NOT NULL CHECK (points >= 0),
  comment TEXT NOT NULL,
  source TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX manual_scores_current ON manual_scores (evaluator, candidate, criterion)
  WHERE superseded = 0;
CREATE TRIGGER manual_scores_keep_values
BEFORE UPDATE OF evaluator, candidate, criterion, points, comment, source, recorded_at ON manual_scores
BEGIN SELECT RAISE(ABORT, 'manual scores are superseded, never edited'); END;
CREATE TRIGGER manual_scores_no_delete BEFORE DELETE ON manual_scores
BEGIN SELECT RAISE(ABORT, 'manual scores are never deleted'); END;

CREATE TABLE overrides (
  id INTEGER PRIMARY KEY,
  candidate TEXT NOT NULL,
  criterion TEXT NOT NULL,
  passed INTEGER CHECK (passed IN (0, 1)),
  points REAL CHECK (points >= 0),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  CHECK (passed IS NOT NULL OR points IS NOT NULL)
) STRICT;
CREATE TRIGGER overrides_no_update BEFORE UPDATE ON overrides
BEGIN SELECT RAISE(ABORT, 'overrides are append-only'); END;
CREATE TRIGGER overrides_no_delete BEFORE DELETE ON overrides
BEGIN SELECT RAISE(ABORT, 'overrides are append-only'); END;

CREATE TABLE tie_decisions (
  id INTEGER PRIMARY KEY,
  chosen TEXT NOT NULL,
  tied TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE TRIGGER tie_decisions_no_update BEFORE UPDATE ON tie_decisions
BEGIN SELECT RAISE(ABORT, 'tie decisions are append-only'); END;
CREATE TRIGGER tie_decisions_no_delete BEFORE DELETE ON tie_decisions
BEGIN SELECT RAISE(ABORT, 'tie decisions are append-only'); END;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  why TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The last seq and hash, kept apart from the log so that deleting its last rows is detected.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');
CREATE TRIGGER audit_head_no_insert BEFORE INSERT ON audit_head
BEGIN SELECT RAISE(ABORT, 'the audit head has exactly one row'); END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'the audit head has exactly one row'); END;
CREATE TRIGGER audit_head_follows_log BEFORE UPDATE ON audit_head
WHEN NEW.seq IS NOT (SELECT max(seq) FROM audit_log)
  OR NEW.hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'the audit head must name the last audit entry'); END;

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  criteria_version INTEGER NOT NULL REFERENCES criteria_versions (version),
  tender_hash TEXT NOT NULL,
  tender_text TEXT,
  manifest TEXT NOT NULL
) STRICT;
`;
