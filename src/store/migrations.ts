import type Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { SCHEMA_V1 } from './schema-v1.js';
import { SCHEMA_V2 } from './schema-v2.js';
import { SCHEMA_V3 } from './schema-v3.js';
import { SCHEMA_V4 } from './schema-v4.js';
import { SCHEMA_V5 } from './schema-v5.js';
import { SCHEMA_V6 } from './schema-v6.js';
import { withWriteTransaction } from './write-transaction.js';

/** One step of the schema; `version` is what `PRAGMA user_version` holds once it is applied. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Every migration, oldest first. Append new ones; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'criteria, dossiers, results, committee, audit, runs', sql: SCHEMA_V1 },
  { version: 2, description: 'manual scores from evaluators outside a registered committee', sql: SCHEMA_V2 },
  {
    version: 3,
    description: 'evaluation cache: a summary for ranking and the full result compressed',
    sql: SCHEMA_V3,
  },
  {
    version: 4,
    description: 'exact file state of each dossier, with a covering index for ingest',
    sql: SCHEMA_V4,
  },
  {
    version: 5,
    description: 'evaluation cache per criterion: results reused across criteria versions',
    sql: SCHEMA_V5,
  },
  { version: 6, description: "an invalid dossier's candidate name, when its file gives one", sql: SCHEMA_V6 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The schema version recorded in the database file (0 for a new file). */
export function readSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database written by a newer prequal: its tables may mean things this version does not know. */
export function assertSchemaNotNewer(db: Database.Database, label: string, latest: number): number {
  const version = readSchemaVersion(db);
  if (version > latest) {
    throw new UserError(
      `${label} has store schema version ${version}, newer than this prequal supports (${latest}). ` +
        'Upgrade prequal to open it.',
    );
  }
  return version;
}

/**
 * Refuses a database of another schema than this prequal's, for opens that must not migrate it
 * (a read-only store, or a copy of one): an older one is upgraded by a command that writes.
 */
export function assertCurrentSchema(db: Database.Database, label: string): void {
  const version = assertSchemaNotNewer(db, label, LATEST_SCHEMA_VERSION);
  if (version < LATEST_SCHEMA_VERSION) {
    throw new UserError(
      `${label} has store schema version ${version}; run a command that writes (such as \`prequal ingest\`) to upgrade it, on a writable copy of the workspace if it is read-only.`,
    );
  }
}

/**
 * Refuses a database newer than this prequal, or one no migration ever ran on (schema 0: created,
 * then cut short): for opens that read a store of any released schema as it is, without migrating
 * it (`audit verify`).
 */
export function assertSchemaReadable(db: Database.Database, label: string): void {
  if (assertSchemaNotNewer(db, label, LATEST_SCHEMA_VERSION) === 0) assertCurrentSchema(db, label);
}

/**
 * Brings the database up to the last migration, each step in its own write transaction so a
 * failing step leaves the previous version intact. The version is read again inside each
 * transaction: another process opening the same new workspace may have applied it meanwhile.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  label: string,
): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = assertSchemaNotNewer(db, label, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    withWriteTransaction(db, () => {
      if (readSchemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
}
