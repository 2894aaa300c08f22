import fs from 'node:fs';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { assertCurrentSchema } from './migrations.js';
import { storeNotReadable } from './store-error.js';
import type { Store } from './store-handle.js';

/*
 * A store prequal may not write (read-only media, a file or folder of someone else's) is read by
 * commands that only read from a private copy of it, in memory, never from the file itself:
 *
 * - SQLite cannot read a WAL-mode database where it may not create prequal.db-wal and -shm unless
 *   it is opened `immutable`, which takes a URI filename; better-sqlite3 is built with
 *   SQLITE_USE_URI=0 and offers no SQLITE_OPEN_URI, so that is out of reach.
 * - Where SQLite can create them, a reader without write permission leaves them behind, owned by
 *   it, and the store's owner can no longer write the store.
 * - A copy takes the cache writes a read makes (the validated tender, evaluation results, the
 *   ranked table) and drops them at close, so a command runs its usual code and prints what it
 *   prints from a writable store.
 *
 * The price is memory: the copy holds the whole store.
 */

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens a private in-memory copy of the store at `file`, without creating or changing any file.
 * The copy is writable, but nothing written to it reaches the store. A store of an older schema
 * is refused, not migrated.
 */
export function openStoreCopy(file: string): Store {
  if (!fs.existsSync(file)) {
    throw new UserError(`No prequal store at ${file}: run \`prequal ingest\` first.`);
  }
  let bytes: Buffer;
  try {
    bytes = readStoreBytes(file);
  } catch (error) {
    // EACCES above all: prequal creates its store 0600, so another user's is unreadable.
    if (isSystemError(error)) throw storeNotReadable(file, error);
    throw error;
  }
  const db = new Database(inRollbackMode(bytes));
  try {
    db.pragma('foreign_keys = ON');
    assertCurrentSchema(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, file, readonly: true, close: () => db.close() };
}

/**
 * The store's bytes as of its last commit. Without a -wal file beside it (SQLite removes it when
 * the last connection closes), the file holds every commit and is read as it is. With one, or
 * when the file changed while it was read (a writer came and went meanwhile), SQLite reads it.
 */
function readStoreBytes(file: string): Buffer {
  if (walHasFrames(file)) return readThroughSqlite(file);
  const before = fs.statSync(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_FS_FILE_TOO_LARGE') throw error;
    throw new UserError(
      `cannot use the store ${file}: it cannot be written here, and it is too large (${before.size} bytes) to be read into memory instead; copy the workspace to writable storage`,
    );
  }
  const after = fs.statSync(file);
  if (walHasFrames(file) || after.mtimeMs !== before.mtimeMs || after.size !== before.size) {
    return readThroughSqlite(file);
  }
  return bytes;
}

function walHasFrames(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** The database as SQLite reads it, -wal included; it needs prequal.db-shm beside it, or the right to create it. */
function readThroughSqlite(file: string): Buffer {
  let source: Database.Database | undefined;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
    return source.serialize();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('SQLITE_')) throw error;
    throw new UserError(
      `cannot use the store ${file}: ${file}-wal holds changes not yet in it, which SQLite cannot read where it may not write; copy the workspace to writable storage (${(error as Error).message}; ${code})`,
    );
  } finally {
    source?.close();
  }
}

/**
 * An image of a WAL-mode database marked as a rollback-journal one (bytes 18 and 19 of the
 * header, 2 → 1): SQLite refuses to open a WAL-mode image in memory, and documents this as the
 * way round (sqlite3_deserialize). Anything that is not an SQLite file is left as it is, for
 * SQLite to call it what it is.
 */
function inRollbackMode(bytes: Buffer): Buffer {
  if (bytes.length >= 100 && bytes.subarray(0, HEADER.length).equals(HEADER) && bytes[18] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return bytes;
}

/** An error of the file system (EACCES, EISDIR…), as opposed to one of SQLite or a UserError. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string';
}
