import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  applyMigrations,
  knownDossierHashes,
  LATEST_SCHEMA_VERSION,
  listScores,
  MIGRATIONS,
  type Migration,
  openStore,
  readSchemaVersion,
} from '../../src/store/index.js';
import { makeTempDir, openTempStore } from './helpers.js';

const TABLES = [
  'audit_head',
  'audit_log',
  'committee_members',
  'criteria_versions',
  'criterion_groups',
  'dossier_versions',
  'dossiers',
  'evaluation_parts',
  'manual_scores',
  'meta',
  'overrides',
  'runs',
  'tie_decisions',
];

describe('openStore', () => {
  it('migrates a new file to the latest schema with every table', () => {
    const store = openTempStore();
    expect(readSchemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    const tables = store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(TABLES);
  });

  it('replaces the schema 3 evaluation cache by the per-criterion one and keeps everything else', () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    const old = new Database(file);
    applyMigrations(old, MIGRATIONS.slice(0, 3), 'old store');
    old.exec(`
      INSERT INTO criteria_versions (version, name, hash, text, criteria, imported_at)
        VALUES (1, 'g', 'h', '', '{}', '2025-12-01T00:00:00Z');
      INSERT INTO evaluations VALUES (1, 'ctx', 'c01', 'a', '{}', x'00');`);
    old.close();
    const store = openTempStore(file);
    expect(readSchemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
    const columns = (table: string) =>
      store.db
        .prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid')
        .all(table)
        .map((row) => (row as { name: string }).name);
    expect(columns('evaluations')).toEqual([]);
    expect(columns('criterion_groups')).toEqual(['id', 'criterion_keys']);
    expect(columns('evaluation_parts')).toEqual([
      'criterion_group',
      'candidate',
      'dossier_hash',
      'name',
      'country',
      'warnings',
      'summaries',
      'details',
    ]);
    expect(store.db.prepare('SELECT count(*) AS n FROM evaluation_parts').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM criteria_versions').get()).toEqual({ n: 1 });
  });

  it('migrates an existing empty file too', () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    fs.writeFileSync(file, '');
    const store = openTempStore(file);
    expect(readSchemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('sets WAL, foreign keys, busy timeout and synchronous NORMAL', () => {
    const { db } = openTempStore();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('creates the database file readable by its owner only', () => {
    const store = openTempStore();
    expect(fs.statSync(store.file).mode & 0o777).toBe(0o600);
  });

  it('reopens a migrated file without changing it', () => {
    const store = openTempStore();
    store.close();
    const again = openTempStore(store.file);
    expect(readSchemaVersion(again.db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses a database written by a newer prequal', () => {
    const store = openTempStore();
    store.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    store.close();
    expect(() => openStore(store.file)).toThrow(UserError);
    expect(() => openStore(store.file)).toThrow(/newer than this prequal supports/);
    expect(() => openStore(store.file, { readonly: true })).toThrow(/newer/);
  });

  it('opens read-only without creating a missing file', () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    expect(() => openStore(file, { readonly: true })).toThrow(/No prequal store/);
    expect(fs.existsSync(file)).toBe(false);
    openTempStore(file).close();
    const readonly = openStore(file, { readonly: true });
    expect(() => readonly.db.exec("INSERT INTO meta VALUES ('k', 'v')")).toThrow(/readonly/);
    readonly.close();
  });
});

describe('applyMigrations', () => {
  const steps: Migration[] = [
    { version: 1, description: 'one', sql: 'CREATE TABLE one (x INTEGER)' },
    { version: 2, description: 'two', sql: 'CREATE TABLE two (x INTEGER); CREATE TABLE broken (' },
  ];

  it('keeps the last good version when a step fails', () => {
    const db = new Database(':memory:');
    expect(() => applyMigrations(db, steps, 'memory')).toThrow();
    expect(readSchemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual([{ name: 'one' }]);
    db.close();
  });

  it('applies only the steps after the recorded version', () => {
    const db = new Database(':memory:');
    applyMigrations(db, steps.slice(0, 1), 'memory');
    const fixed: Migration = { version: 2, description: 'two', sql: 'CREATE TABLE two (x INTEGER)' };
    applyMigrations(db, [steps[0]!, fixed], 'memory');
    expect(readSchemaVersion(db)).toBe(2);
    db.close();
  });

  it('keeps the scores of a version 1 store when manual scores lose their committee reference', () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    applyMigrations(db, MIGRATIONS.slice(0, 1), file);
    db.prepare(
      "INSERT INTO committee_members (name, role, source, added_at) VALUES ('Jean', 'evaluator', 'cli', 'x')",
    ).run();
    db.prepare(
      `INSERT INTO manual_scores (evaluator, candidate, criterion, points, comment, source, recorded_at)
       VALUES ('Jean', 'c01', 'EXP-4', 12, 'ok', 'scores/jean.csv:2', '2025-12-05T10:00:00Z')`,
    ).run();
    db.close();
    const store = openTempStore(file);
    expect(readSchemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(listScores(store).map((s) => [s.evaluator, s.points])).toEqual([['Jean', 12]]);
    // The rebuilt table keeps its guards.
    expect(() => store.db.prepare('DELETE FROM manual_scores').run()).toThrow(/never deleted/);
  });

  it('keeps the dossiers of a version 2 store, without a file state, so the next ingest reads them once', () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    const db = new Database(file);
    applyMigrations(db, MIGRATIONS.slice(0, 2), file);
    db.prepare(
      `INSERT INTO dossiers (id, source_path, hash, status, document, attachments, errors, warnings,
         file_size, file_mtime_ms, first_ingested_at, last_ingested_at, updated_at)
       VALUES ('c01', 'dossiers/c01/dossier.yaml', 'h1', 'valid', '{}', '[]', '[]', '[]', 10, 1000.5, 'x', 'x', 'x')`,
    ).run();
    db.close();
    const store = openTempStore(file);
    expect(knownDossierHashes(store).get('c01')).toEqual({
      hash: 'h1',
      sourcePath: 'dossiers/c01/dossier.yaml',
      status: 'valid',
      fileState: null,
    });
    const columns = store.db.prepare("SELECT name FROM pragma_table_info('dossiers')").all() as {
      name: string;
    }[];
    expect(columns.map((column) => column.name)).not.toContain('file_mtime_ms');
    expect(() => store.db.prepare('DELETE FROM dossiers').run()).toThrow(/never deleted/);
  });
});
