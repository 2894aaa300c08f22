/**
 * Exports replace files a committee may already have opened or sent: a crash, a full
 * disk or a read-only folder must never leave a half-written report in place of the
 * previous one. Every export is written to a temporary sibling, flushed, then renamed.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { isRunning } from '../process-alive.js';

/** Plain-language reasons for the file-system errors a user can fix. */
const REASONS: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'output folder is read-only (permission denied)',
  EPERM: 'output folder is read-only (operation not permitted)',
  EROFS: 'output folder is read-only (read-only file system)',
  ENOENT: 'output folder does not exist',
  ENOTDIR: 'a parent of the output path is not a folder',
  EISDIR: 'a folder already exists with that name',
  // From mkdir: temporary names are random, so only a folder to create can already exist.
  EEXIST: 'a file already exists where this folder should be',
  EMFILE: 'too many open files',
};

/** Wraps a write failure into an error that names the file and says why, keeping the cause. */
export function describeWriteError(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  const wrapped = new UserError(`Cannot write ${file}: ${reason}${code ? ` (${code})` : ''}`);
  wrapped.cause = error;
  return wrapped;
}

/** A unique temporary path in the target's folder, so the final rename stays on one file system. */
function temporaryPathFor(file: string): string {
  const suffix = `${process.pid}.${randomBytes(6).toString('hex')}`;
  return path.join(path.dirname(file), `.${path.basename(file)}.${suffix}.tmp`);
}

/** Flushes the folder entry so the rename survives a power loss; some systems refuse, which is harmless. */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only: the data itself was already flushed before the rename.
  }
}

/**
 * Creates the temporary sibling that will replace `file`: exclusively, with `mode` from the start
 * so its content is never readable by others. Its name is returned; see commitTemporary.
 */
export async function createTemporary(file: string, mode = 0o600): Promise<string> {
  const temporary = temporaryPathFor(file);
  try {
    const handle = await fs.open(temporary, 'wx', mode);
    await handle.close();
  } catch (error) {
    throw describeWriteError(file, error);
  }
  return temporary;
}

/** Flushes the filled temporary file and renames it over `file`; on failure removes it and names `file`. */
export async function commitTemporary(file: string, temporary: string, mode = 0o600): Promise<void> {
  try {
    const written = await fs.open(temporary, 'r+');
    try {
      await written.chmod(mode);
      await written.sync();
    } finally {
      await written.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    await discardTemporary(temporary);
    throw describeWriteError(file, error);
  }
  await syncFolder(path.dirname(file));
}

/**
 * The names temporaryPathFor gives, `.<file>.<pid>.<12 hex>.tmp`, with the pid of the process that
 * writes it; `.<n>` before `.tmp` was added to the letters that earlier versions wrote in place.
 */
const TEMPORARY_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}(?:\.\d+)?\.tmp$/;

/**
 * Removes, among `names` (the entries of `folder`), the temporary files of a prequal that is no
 * longer running: a process killed before its rename leaves one behind, hidden, as large as the
 * export and as confidential, and nothing else would ever remove it. Those of a running process
 * are left alone: it may be exporting to the same folder right now.
 */
export async function removeStaleTemporaries(folder: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const pid = TEMPORARY_NAME.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await discardTemporary(path.join(folder, name));
  }
}

/** Removes a temporary file that will not replace anything (missing is fine). */
export async function discardTemporary(temporary: string): Promise<void> {
  await fs.rm(temporary, { force: true }).catch(() => undefined);
}

/**
 * Creates the temporary file (see createTemporary), lets `fill` write it, flushes it and renames
 * it over `file`. On any failure the temporary file is removed, `file` is left as it was, and an
 * error naming `file` and the reason is thrown. When `keepPrevious` (asked once `fill` is done)
 * says the new content is the same as the old, the temporary file is dropped instead and
 * false is returned; true means `file` was replaced.
 */
export async function writeViaTemporaryFile(
  file: string,
  fill: (temporaryPath: string) => Promise<void>,
  mode = 0o600,
  keepPrevious: () => boolean = () => false,
): Promise<boolean> {
  const temporary = await createTemporary(file, mode);
  try {
    await fill(temporary);
  } catch (error) {
    await discardTemporary(temporary);
    throw describeWriteError(file, error);
  }
  if (keepPrevious()) {
    await discardTemporary(temporary);
    return false;
  }
  await commitTemporary(file, temporary, mode);
  return true;
}

/** Writes `data` to `file` atomically with the given mode (default owner-only, 0o600). */
export async function writeFileAtomic(file: string, data: string | Buffer, mode = 0o600): Promise<void> {
  await writeViaTemporaryFile(file, (temporary) => fs.writeFile(temporary, data), mode);
}
