import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, assertCurrentSchema, assertSchemaReadable, MIGRATIONS } from './migrations.js';
import { openStoreCopy, walHasFrames } from './store-copy.js';
import { storeMissing, storeNotReadable, storeNotWritable } from './store-error.js';
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
 * A store this process may not write is refused at once (see `assertWritable`).
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  if (readonly && !fs.existsSync(file)) {
    throw storeMissing(file);
  }
  if (!readonly) {
    assertWritable(file);
    createPrivateFile(file);
  }
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

/**
 * Opens the store for a command that only reads: as `openStore` where this process may write it
 * (the command then keeps its caches, and a new store is created as for any command), else a
 * private temporary copy that neither creates, migrates nor changes any file beside the store
 * (store-copy.ts).
 * `canWrite` is for tests, which may run as root, whom no file mode stops.
 */
export function openStoreForReading(file: string, canWrite: (file: string) => boolean = mayWrite): Store {
  return canWrite(file) ? openStore(file) : openStoreCopy(file);
}

/**
 * Opens the store for a command that must change nothing at all, not even a cache: `audit verify`
 * must not change what it verifies. The connection is query-only (SQLite refuses any write), and
 * a store of an older schema is read as it is, not migrated. Where this process may write the
 * store and its -wal holds no commit, the file itself is read: SQLite creates the -wal and -shm
 * for the connection and removes them at close, and the store's bytes and mtime stay as they
 * were. Otherwise a private temporary copy is read (store-copy.ts): a store this process may not
 * write, or commits left in the -wal, which closing the last connection would copy into the file.
 * One race remains: a writer that commits and closes while the check still reads leaves its
 * commits to the check's connection, the last one, which copies them in at close: the store then
 * holds what the writer committed, nothing of the check's.
 */
export function openStoreForInspection(file: string, canWrite: (file: string) => boolean = mayWrite): Store {
  if (!fs.existsSync(file)) {
    throw storeMissing(file);
  }
  const store =
    canWrite(file) && !walHasFrames(file)
      ? openQueryOnly(file)
      : openStoreCopy(file, { olderSchema: 'read' });
  store.db.pragma('query_only = ON');
  return store;
}

function openQueryOnly(file: string): Store {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('query_only = ON');
    assertSchemaReadable(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, file, readonly: true, close: () => db.close() };
}

/** True when this process may write the store and its folder (where SQLite puts its -wal and -shm). */
function mayWrite(file: string): boolean {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a store file this process may not write, or a missing one in a folder it may not write
 * (read-only media, another user's file), before SQLite opens it: SQLite would open such a file
 * read-only without a word and fail only at the first write, so a command with nothing new to
 * store would pass on some days and fail on others.
 */
function assertWritable(file: string): void {
  const exists = fs.existsSync(file);
  try {
    fs.accessSync(exists ? file : path.dirname(file), fs.constants.W_OK);
  } catch (error) {
    // Not readable either: the reading commands cannot use it as it is, so do not say they can.
    const unreadable = exists && !mayRead(file);
    throw unreadable
      ? storeNotReadable(file, error as NodeJS.ErrnoException)
      : storeNotWritable(file, error as NodeJS.ErrnoException, exists);
  }
}

function mayRead(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
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
