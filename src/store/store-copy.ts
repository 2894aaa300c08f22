import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors.js';
import { isRunning } from '../process-alive.js';
import { assertCurrentSchema, assertSchemaReadable } from './migrations.js';
import { storeMissing, storeNotReadable } from './store-error.js';
import type { Store } from './store-handle.js';

/*
 * A store prequal may not write (read-only media, a file or folder of someone else's) is read by
 * commands that only read from a private copy of it, never from the file itself:
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
 * The copy is a file in a folder of its own under the system's temporary folder (mode 0700),
 * removed at close. It used to be held in memory: a store of 10,000 candidates is some 140 MB,
 * which with the process itself broke the 300 MB bound, and SQLite refuses to load an image of
 * more than 1 GiB, which a store of 100,000 exceeds. A process killed while reading leaves its
 * folder (`prequal-store-copy-<pid>-…`) behind, a copy of every dossier: the next copy made by the
 * same user removes it once that process is gone.
 */

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens a private copy of the store at `file`, without creating or changing any file beside it.
 * The copy is writable, but nothing written to it reaches the store. A store of an older schema
 * is refused, not migrated, unless `olderSchema` is `read` (for a check that reads only tables
 * every schema has).
 */
export function openStoreCopy(file: string, options: { olderSchema?: 'refuse' | 'read' } = {}): Store {
  if (!fs.existsSync(file)) {
    throw storeMissing(file);
  }
  const folder = makeCopyFolder(file);
  const removeFolder = () => fs.rmSync(folder, { recursive: true, force: true });
  const copy = path.join(folder, path.basename(file));
  let db: Database.Database | undefined;
  try {
    try {
      copyStore(file, copy);
    } catch (error) {
      if (!isSystemError(error)) throw error;
      if (COPY_ROOM_ERRORS.has(error.code ?? '')) throw noRoomForCopy(file, error);
      // EACCES above all: prequal creates its store 0600, so another user's is unreadable.
      throw storeNotReadable(file, error);
    }
    db = new Database(copy, { fileMustExist: true });
    db.pragma('foreign_keys = ON');
    if (options.olderSchema === 'read') assertSchemaReadable(db, file);
    else assertCurrentSchema(db, file);
  } catch (error) {
    db?.close();
    removeFolder();
    throw error;
  }
  const opened = db;
  return {
    db: opened,
    file,
    readonly: true,
    close: () => {
      try {
        opened.close();
      } finally {
        removeFolder();
      }
    },
  };
}

/** `prequal-store-copy-<pid>-<random>`: the folder of one copy, named after the process reading it. */
const COPY_FOLDER = /^prequal-store-copy-(\d+)-/;

/** A new private folder for the copy of `file`, or one line saying why none can be made. */
function makeCopyFolder(file: string): string {
  removeAbandonedCopies();
  try {
    return fs.mkdtempSync(path.join(os.tmpdir(), `prequal-store-copy-${process.pid}-`));
  } catch (error) {
    throw noRoomForCopy(file, error);
  }
}

/**
 * Removes the copies that readers killed half-way left in the temporary folder: this user's
 * only, and only those whose process is gone. Best effort: what cannot be removed stays.
 */
function removeAbandonedCopies(): void {
  const parent = os.tmpdir();
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const match = COPY_FOLDER.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    const folder = path.join(parent, name);
    try {
      const stat = fs.lstatSync(folder);
      if (stat.isDirectory() && (uid === undefined || stat.uid === uid))
        fs.rmSync(folder, { recursive: true, force: true });
    } catch {
      // Left as it is.
    }
  }
}

/** Failures of writing the copy, as opposed to reading the store. */
const COPY_ROOM_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

function noRoomForCopy(file: string, error: unknown): UserError {
  return new UserError(
    `cannot use the store ${file}: it cannot be written here, and no private copy of it can be made in ${os.tmpdir()} (${(error as Error).message}); set TMPDIR to a writable folder with room for it, or copy the workspace to writable storage`,
  );
}

/**
 * Copies the store as of its last commit to `copy`, marked as a rollback-journal database.
 * Without a -wal file beside it (SQLite removes it when the last connection closes), the file
 * holds every commit and is copied as it is. With one, or when the file changed while it was
 * copied (a writer came and went meanwhile), SQLite writes the copy.
 */
function copyStore(file: string, copy: string): void {
  if (walHasFrames(file)) {
    copyThroughSqlite(file, copy);
    return;
  }
  const before = fs.statSync(file);
  fs.copyFileSync(file, copy);
  const after = fs.statSync(file);
  if (walHasFrames(file) || after.mtimeMs !== before.mtimeMs || after.size !== before.size) {
    fs.rmSync(copy, { force: true });
    copyThroughSqlite(file, copy);
    return;
  }
  // A store on read-only media may be 0444: the copy must take the writes a read makes.
  fs.chmodSync(copy, 0o600);
  markRollbackMode(copy);
}

/** True when `file`-wal holds commits not yet copied into the file. */
export function walHasFrames(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** The database as SQLite reads it, -wal included; it needs prequal.db-shm beside it, or the right to create it. */
function copyThroughSqlite(file: string, copy: string): void {
  let source: Database.Database | undefined;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
    source.prepare('VACUUM INTO ?').run(copy);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('SQLITE_')) throw error;
    throw new UserError(
      `cannot use the store ${file}: ${file}-wal holds changes not yet in it, which SQLite cannot read where it may not write; copy the workspace to writable storage (${(error as Error).message}; ${code})`,
    );
  } finally {
    source?.close();
  }
  markRollbackMode(copy);
}

/**
 * Marks the copy, a WAL-mode database, as a rollback-journal one (bytes 18 and 19 of the header,
 * 2 → 1): opened as WAL, it would want -wal and -shm files and a checkpoint at close, and none of
 * that is of use to a private copy. Anything that is not an SQLite file is left as it is, for
 * SQLite to call it what it is.
 */
function markRollbackMode(copy: string): void {
  const descriptor = fs.openSync(copy, 'r+');
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(descriptor, header, 0, header.length, 0);
    if (read === header.length && header.subarray(0, HEADER.length).equals(HEADER) && header[18] === 2) {
      fs.writeSync(descriptor, Buffer.from([1, 1]), 0, 2, 18);
    }
  } finally {
    fs.closeSync(descriptor);
  }
}

/** An error of the file system (EACCES, EISDIR…), as opposed to one of SQLite or a UserError. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string';
}
