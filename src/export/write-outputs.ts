/**
 * How exports reach the disk without rewriting what did not change, and without holding a
 * large document several times in memory (text, bytes, and the previous file read back).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import {
  commitTemporary,
  createTemporary,
  describeWriteError,
  discardTemporary,
  writeFileAtomic,
} from './atomic-write.js';

/** What is remembered of a written file, to recognise it unchanged later without reading it. */
export interface FileRecord {
  size: number;
  mtimeMs: number;
  /** sha256 of the content, base64url; absent where nothing compares contents (the workbook). */
  sha256?: string;
}

export interface ExportedFile {
  /** Absolute path. */
  file: string;
  /** False when the file already held exactly this content and was left untouched. */
  written: boolean;
  /** True for a stale letter deleted because its candidate no longer gets one. */
  removed?: boolean;
  /** Size, time and hash of the file as it now is (absent for removed files). */
  record?: FileRecord;
}

/** Known records of earlier exports, looked up by absolute path. */
export type KnownFiles = Pick<ReadonlyMap<string, FileRecord>, 'get'>;

/** sha256 of `bytes` as base64url. */
export function hashBytes(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** The file's size and time now, with a hash computed by the caller; null when it is gone. */
export function recordFile(file: string, sha256?: string): FileRecord | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return null;
  const changedAt = changedAtOf(stat);
  return sha256 === undefined
    ? { size: stat.size, mtimeMs: changedAt }
    : { size: stat.size, mtimeMs: changedAt, sha256 };
}

/**
 * The later of the modification and status-change times: `touch -r` can put a file's mtime back
 * after an edit, but not its ctime, so an edited export is never taken for the one recorded.
 */
function changedAtOf(stat: fs.Stats): number {
  return Math.max(stat.mtimeMs, stat.ctimeMs);
}

/** True when `file` still has the size and time it had when `record` was taken. */
export function isIntact(file: string, record: FileRecord | undefined): boolean {
  if (!record) return false;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat !== undefined && stat.size === record.size && changedAtOf(stat) === record.mtimeMs;
}

/** True when `file` already holds `next`: by its record when it is intact, else by reading it. */
export function holdsContent(file: string, next: Buffer, sha256: string, known?: KnownFiles): boolean {
  const record = known?.get(file);
  if (record?.sha256 !== undefined && isIntact(file, record)) return record.sha256 === sha256;
  try {
    return fs.readFileSync(file).equals(next);
  } catch {
    return false;
  }
}

/** Writes `content` atomically unless `file` already holds exactly these bytes. */
export async function writeIfChanged(
  file: string,
  content: string,
  known?: KnownFiles,
): Promise<ExportedFile> {
  const next = Buffer.from(content, 'utf8');
  const sha256 = hashBytes(next);
  const written = !holdsContent(file, next, sha256, known);
  if (written) await writeFileAtomic(file, next);
  return { file, written, record: recordFile(file, sha256) ?? undefined };
}

/** Reads exactly `length` bytes at `position` of `fd` (fewer at the end of the file). */
function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = fs.readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/** Writes all of `bytes` at the current position of `fd`. */
export function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset);
}

/**
 * A file written chunk by chunk into a temporary sibling while being compared with the current
 * `file`; `finish` renames it into place only when the bytes differ, so an unchanged export keeps
 * its date. The document is never held whole, and chunks may come from a loop that feeds several
 * exports at once (runExports' candidate pass).
 */
export class ChunkFileWriter {
  private readonly hash = createHash('sha256');
  private same: boolean;
  private size = 0;

  private constructor(
    readonly file: string,
    private readonly temporary: string,
    private readonly fd: number,
    private readonly previous: number | null,
  ) {
    this.same = previous !== null;
  }

  static async open(file: string): Promise<ChunkFileWriter> {
    const temporary = await createTemporary(file);
    try {
      const fd = fs.openSync(temporary, 'w');
      return new ChunkFileWriter(file, temporary, fd, openForReading(file));
    } catch (error) {
      await discardTemporary(temporary);
      throw describeWriteError(file, error);
    }
  }

  write(chunk: string): void {
    this.writeBytes(Buffer.from(chunk, 'utf8'));
  }

  writeBytes(bytes: Buffer): void {
    this.hash.update(bytes);
    if (this.same && this.previous !== null) this.same = this.previousHolds(bytes);
    try {
      writeAll(this.fd, bytes);
    } catch (error) {
      throw describeWriteError(this.file, error);
    }
    this.size += bytes.length;
  }

  /** True when the current file holds `bytes` where this chunk goes; false when it cannot be read. */
  private previousHolds(bytes: Buffer): boolean {
    try {
      return readAt(this.previous as number, bytes.length, this.size).equals(bytes);
    } catch {
      return false;
    }
  }

  /** Puts the new content in place unless it equals the current file's. */
  async finish(): Promise<ExportedFile> {
    const unchanged = this.same && this.previous !== null && fs.fstatSync(this.previous).size === this.size;
    this.closeHandles();
    if (unchanged) await discardTemporary(this.temporary);
    else await commitTemporary(this.file, this.temporary);
    const record = recordFile(this.file, this.hash.digest('base64url')) ?? undefined;
    return { file: this.file, written: !unchanged, record };
  }

  /** Drops the temporary file after a failure elsewhere; the current file is left as it was. */
  async abort(): Promise<void> {
    this.closeHandles();
    await discardTemporary(this.temporary);
  }

  private closeHandles(): void {
    fs.closeSync(this.fd);
    if (this.previous !== null) fs.closeSync(this.previous);
  }
}

/** The current file to compare with, when it is a regular file; anything else (a folder in its place…) is replaced or fails at the rename. */
function openForReading(file: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    if (fs.fstatSync(fd).isFile()) return fd;
  } catch {
    // Unreadable: compared with nothing.
  }
  fs.closeSync(fd);
  return null;
}

/** Writes `chunks` with a ChunkFileWriter (see there). */
export async function writeChunksIfChanged(file: string, chunks: Iterable<string>): Promise<ExportedFile> {
  const writer = await ChunkFileWriter.open(file);
  try {
    for (const chunk of chunks) writer.write(chunk);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer.finish();
}
