import fs from 'node:fs';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { applyMigrations, assertSchemaNotNewer, LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
import type { Store } from './store-handle.js';
import { retryOnBusy } from './write-transaction.js';

export interface OpenStoreOptions {
  /** Open without writing anything: no file creation, no migration. */
  readonly?: boolean;
}

/**
 * Opens (creating and migrating when needed) the SQLite store at `file`.
 *
 * The file is created readable by its owner only (0600): it holds candidates' dossiers and the
 * committee's scores. WAL lets readers work while another process writes; synchronous=NORMAL is
 * durable enough in WAL mode (a power cut may lose the last commit, never corrupt the file).
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  if (readonly && !fs.existsSync(file)) {
    throw new UserError(`No prequal store at ${file}: run \`prequal ingest\` first.`);
  }
  if (!readonly) createPrivateFile(file);
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    configure(db, readonly);
    if (readonly) assertCurrentSchema(db, file);
    else applyMigrations(db, MIGRATIONS, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, file, readonly, close: () => db.close() };
}

function createPrivateFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  fs.closeSync(fd);
  // The umask may have removed the owner's bits; it never adds any, so set them exactly.
  fs.chmodSync(file, 0o600);
}

function configure(db: Database.Database, readonly: boolean): void {
  // busy_timeout first: switching to WAL needs a lock another process may be holding.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (readonly) return;
  retryOnBusy(() => db.pragma('journal_mode = WAL'));
  db.pragma('synchronous = NORMAL');
}

function assertCurrentSchema(db: Database.Database, file: string): void {
  const version = assertSchemaNotNewer(db, file, LATEST_SCHEMA_VERSION);
  if (version < LATEST_SCHEMA_VERSION) {
    throw new UserError(
      `${file} has store schema version ${version}; run a command that writes (such as \`prequal ingest\`) to upgrade it.`,
    );
  }
}
