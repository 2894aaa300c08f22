import { UserError } from '../errors.js';

/**
 * What a committee can do about a store SQLite cannot use, by SQLite result code (extended codes
 * such as SQLITE_IOERR_WRITE or SQLITE_READONLY_DBMOVED share their primary code's reason).
 * Nothing of a failed command was stored: its transaction was rolled back, or never began.
 */
const REASONS: Record<string, string> = {
  SQLITE_CORRUPT: 'the store is damaged; restore prequal.db from a backup',
  SQLITE_NOTADB:
    'the file is not a prequal store (nor any SQLite database); restore prequal.db from a backup',
  SQLITE_CANTOPEN: 'the store cannot be opened (is it a folder, or is its folder read-only?)',
  SQLITE_READONLY:
    'the store is read-only: this command writes it (and its -wal and -shm files beside it); commands that only read, such as rank, work on it as it is',
  SQLITE_PERM: 'permission denied',
  SQLITE_FULL: 'disk full',
  SQLITE_IOERR: 'input/output error while reading or writing the store',
  SQLITE_BUSY:
    'another process (another prequal command?) kept the store locked for minutes; run this again once it is done',
};

/** The primary SQLite result code of an error (`SQLITE_IOERR` for `SQLITE_IOERR_WRITE`), if any. */
function primaryCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  return Object.keys(REASONS).find((primary) => code === primary || code.startsWith(`${primary}_`));
}

/**
 * A plain-language error naming the store file for an SQLite failure that comes from the store
 * itself (damaged, not a database, read-only, disk full…); any other error is returned as it is,
 * so a bug still surfaces with its stack.
 */
export function describeStoreError(file: string, error: unknown): unknown {
  const primary = primaryCode(error);
  if (primary === undefined) return error;
  const { code, message } = error as { code: string; message: string };
  const wrapped = new UserError(`cannot use the store ${file}: ${REASONS[primary]} (${message}; ${code})`);
  wrapped.cause = error;
  return wrapped;
}

/** No store at `file`: nothing was ingested in this workspace yet, and a command that only reads creates none. */
export function storeMissing(file: string): UserError {
  return new UserError(`No prequal store at ${file}: run \`prequal ingest\` first.`);
}

/** What the system said, without the path Node repeats in its message (the line names the file already). */
const ERRNO_TEXT: Record<string, string> = {
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
};

/**
 * The store may not even be read by this process (another user's store, which prequal creates
 * 0600; a folder in its place): no command can use it, reading ones included.
 */
export function storeNotReadable(file: string, error: NodeJS.ErrnoException): UserError {
  const what = ERRNO_TEXT[error.code ?? ''] ?? error.message;
  const wrapped = new UserError(
    `cannot use the store ${file}: this process may not read it (nor write it); run prequal as the store's owner, or on a copy it may read (${what}; ${error.code})`,
  );
  wrapped.cause = error;
  return wrapped;
}

/**
 * The store (or the folder a new one would be created in) may not be written by this process:
 * found before SQLite is asked, and told as SQLite's SQLITE_READONLY would be.
 */
export function storeNotWritable(file: string, error: NodeJS.ErrnoException, exists = true): UserError {
  const reason = exists
    ? REASONS.SQLITE_READONLY
    : 'its folder is read-only, so the store cannot be created there';
  const what = ERRNO_TEXT[error.code ?? ''] ?? error.message;
  const wrapped = new UserError(`cannot use the store ${file}: ${reason} (${what}; ${error.code})`);
  wrapped.cause = error;
  return wrapped;
}
