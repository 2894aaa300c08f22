/**
 * A folder replaced whole (the letters: a committee must never mail a set that mixes two
 * evaluations). The new content is built in a hidden sibling, `.<name>.<pid>.<hex>.new`, files
 * that do not change hard-linked from the current folder, then swapped in with two renames:
 * `<name>` → `.<name>.<pid>.<hex>.old`, then the new one → `<name>`. A kill at any point leaves
 * `<name>` holding the previous content or the new one, never a mix. POSIX cannot exchange two
 * folders in one step (Linux's RENAME_EXCHANGE is not in Node), so between the two renames
 * `<name>` is absent; the next export puts the previous folder back (recoverStagedFolders).
 * Renaming over an existing folder needs Linux or macOS; Windows is not supported here.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { isRunning } from '../process-alive.js';
import { describeWriteError, syncFolder } from './atomic-write.js';
import { crashPoint } from './crash-point.js';
import { writeAll } from './write-outputs.js';

/** `.<name>.<pid>.<12 hex>.<stage>`: `new` being built, `old` moved aside by a swap, `gone` being removed. */
const STAGED_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.(new|old|gone)$/;

/** Link errors after which the files are copied instead (a file system without hard links). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK']);

export class StagedFolder {
  private copyInstead = false;

  private constructor(
    readonly folder: string,
    private readonly staging: string,
    private readonly stagedName: (stage: 'old' | 'gone') => string,
  ) {}

  /**
   * Creates the hidden sibling of `folder`, owner-only, or with the mode of the current folder
   * (a secretary may have opened it to a group).
   */
  static open(folder: string, current: fs.Stats | null): StagedFolder {
    const id = `${process.pid}.${randomBytes(6).toString('hex')}`;
    const stagedName = (stage: string) =>
      path.join(path.dirname(folder), `.${path.basename(folder)}.${id}.${stage}`);
    const staging = stagedName('new');
    try {
      fs.mkdirSync(staging, { mode: 0o700 });
      if (current) fs.chmodSync(staging, current.mode & 0o7777);
    } catch (error) {
      throw describeWriteError(folder, error);
    }
    return new StagedFolder(folder, staging, stagedName);
  }

  /**
   * Writes a new file, straight under its name and without a flush: nobody sees the staged folder
   * before commit, which flushes it, and a kill before then leaves it to be removed whole.
   */
  writeFile(name: string, bytes: Buffer, mode = 0o600): void {
    try {
      const fd = fs.openSync(path.join(this.staging, name), 'wx', mode);
      try {
        writeAll(fd, bytes);
        fs.fchmodSync(fd, mode);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      throw describeWriteError(path.join(this.folder, name), error);
    }
  }

  /** Puts the current folder's file `name` in the new one as it is: a hard link, or a copy where links are refused. */
  keep(name: string): void {
    const from = path.join(this.folder, name);
    const to = path.join(this.staging, name);
    try {
      if (!this.copyInstead) {
        try {
          fs.linkSync(from, to);
          return;
        } catch (error) {
          if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
          this.copyInstead = true;
        }
      }
      fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    } catch (error) {
      throw describeWriteError(from, error);
    }
  }

  /**
   * Brings the current folder's entries `names` into the new one, whatever they are: files as
   * keep does, sub-folders file by file, symbolic links as links. One gone meanwhile is skipped.
   */
  carry(names: Iterable<string>, within = ''): void {
    for (const name of names) {
      const relative = path.join(within, name);
      const from = path.join(this.folder, relative);
      const stat = fs.lstatSync(from, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isFile()) this.keep(relative);
      else if (stat.isSymbolicLink()) this.copyLink(relative);
      else if (stat.isDirectory()) {
        this.makeFolder(relative, stat.mode);
        this.carry(fs.readdirSync(from), relative);
      } else {
        throw new UserError(
          `Cannot replace ${this.folder}: ${relative} is neither a file, a folder nor a link; move it elsewhere`,
        );
      }
    }
  }

  private copyLink(relative: string): void {
    try {
      fs.symlinkSync(fs.readlinkSync(path.join(this.folder, relative)), path.join(this.staging, relative));
    } catch (error) {
      throw describeWriteError(path.join(this.folder, relative), error);
    }
  }

  private makeFolder(relative: string, mode: number): void {
    try {
      fs.mkdirSync(path.join(this.staging, relative), { mode: mode & 0o7777 });
    } catch (error) {
      throw describeWriteError(path.join(this.folder, relative), error);
    }
  }

  /** Flushes the new folder, swaps it in, then removes the previous one. */
  async commit(): Promise<void> {
    await syncFolder(this.staging);
    const old = this.stagedName('old');
    let movedAside = false;
    try {
      if (fs.existsSync(this.folder)) {
        fs.renameSync(this.folder, old);
        movedAside = true;
        crashPoint(`${path.basename(this.folder)}-swap`);
      }
      fs.renameSync(this.staging, this.folder);
    } catch (error) {
      // Put back at once; if even that fails, the next export does it (recoverStagedFolders).
      if (movedAside) await fs.promises.rename(old, this.folder).catch(() => undefined);
      await this.abort();
      throw describeWriteError(this.folder, error);
    }
    await syncFolder(path.dirname(this.folder));
    if (!movedAside) return;
    // Renamed first, so that an `.old` folder is always whole: one interrupted half-way through
    // its removal is never taken for the previous set by recoverStagedFolders. The new set is in
    // place: what cannot be removed now is removed by the next export.
    const gone = this.stagedName('gone');
    try {
      fs.renameSync(old, gone);
      removeTree(gone);
    } catch {
      // Left for the next export.
    }
  }

  /** Removes the staged folder after a failure; the current folder is left as it was. */
  async abort(): Promise<void> {
    try {
      removeTree(this.staging);
    } catch {
      // Left for the next export.
    }
  }
}

/**
 * Tidies, among `names` (the entries of `parent`), what a killed StagedFolder of `parent/base`
 * left: its previous folder goes back in place when the kill came between the two renames of a
 * swap (`base` is then missing), and everything else is removed. Those of a running prequal are
 * left alone: it may be exporting to the same folder right now. Best effort: a folder that cannot
 * be changed is reported by the write that follows.
 */
export async function recoverStagedFolders(
  parent: string,
  names: readonly string[],
  base: string,
): Promise<void> {
  let present = names.includes(base);
  for (const name of names) {
    const match = STAGED_NAME.exec(name);
    if (!match || match[1] !== base || isRunning(Number(match[2]))) continue;
    const staged = path.join(parent, name);
    try {
      if (!present && match[3] === 'old') {
        fs.renameSync(staged, path.join(parent, base));
        present = true;
      } else removeTree(staged);
    } catch {
      // Left for a later export.
    }
  }
}

/** Passes over a folder before removeTree gives up on one that keeps filling. */
const REMOVAL_PASSES = 3;

/**
 * Removes `folder` and everything in it, one entry after the other; nothing when it is gone; only
 * the link or the file when it is one.
 * Not fs.promises.rm: it starts the removal of every entry of a folder at once, and the 100,000
 * requests pending on a folder of 100,000 letters held some 230 MB (docs/PERFORMANCE.md).
 * Entries are removed while the folder is read, which a file system may answer by skipping some:
 * the folder is then read again.
 */
export function removeTree(folder: string): void {
  // A link (a staged name someone pointed elsewhere) is removed, never what it points to.
  const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) {
    unlinkIfPresent(folder);
    return;
  }
  for (let pass = 1; ; pass++) {
    let dir: fs.Dir;
    try {
      dir = fs.opendirSync(folder, { bufferSize: 256 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
        const child = path.join(folder, entry.name);
        if (entry.isDirectory()) removeTree(child);
        else unlinkIfPresent(child);
      }
    } finally {
      dir.closeSync();
    }
    try {
      fs.rmdirSync(folder);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'ENOTEMPTY' || pass === REMOVAL_PASSES) throw error;
    }
  }
}

function unlinkIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
