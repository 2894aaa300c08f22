/**
 * What a dossier is made of on disk, as the ingester records it (the store's `file_state`): the
 * size, mtime, ctime and inode of every file, and the mtime, ctime, inode and names of every
 * folder. Equal to the recorded state, the dossier has not changed (its stored hash stands) and
 * is not read again. Why that is sound, and what it costs:
 *
 * - A file's content cannot change without its ctime changing, and nobody can set a ctime back:
 *   `touch -r`, `cp -p` or an unzip restore an mtime, not a ctime. So each file is `stat`ed on
 *   every run; nothing cheaper sees an edit made in place (the folder holding the file does not
 *   change then).
 * - A folder's entries cannot change (a file added, removed, renamed or replaced by a rename,
 *   which is how editors save) without the folder's mtime and ctime changing. So when both are
 *   the recorded ones, the recorded listing is the folder's listing and the folder is not read
 *   again: one `stat` instead of a `readdir`. Its files are still `stat`ed one by one.
 * - Every stamp is compared exactly, file by file: a total size and a latest time (what was kept
 *   before) let an edit hide behind a file whose mtime was set into the future.
 * - Each stamp is taken before the content is read, so a file changing meanwhile leaves a stale
 *   stamp, which the next ingest finds different: it reads again rather than trusting.
 *
 * This relies on the file system giving each change a new time. Linux (6.13 and later, ext4, xfs,
 * btrfs, tmpfs) does: once a stamp has been read, the next change gets a fine-grained time. With
 * coarse timestamps (older kernels: one tick of a few milliseconds; FAT: two seconds), a change
 * in the same tick as the previous one, right after an ingest looked, keeps the old time; the file
 * must also keep its size for it to pass unnoticed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareIds } from '../core/order.js';
import type { DossierEntry, FolderLister, ListedItem } from '../dossier/index.js';
import { isInside } from '../dossier/list-dossier-entries.js';

/** A regular file: [name, size, mtimeMs, ctimeMs, inode]. */
type FileStamp = [name: string, size: number, mtimeMs: number, ctimeMs: number, ino: number];
/** A folder and what it holds: [name, mtimeMs, ctimeMs, inode, items sorted by name]. */
type FolderStamp = [name: string, mtimeMs: number, ctimeMs: number, ino: number, items: ItemStamp[]];
/** Anything else (a symbolic link, a FIFO…): [name]. Links are not followed; their targets inside
 * the candidate's folder are stamped where they lie. A link that resolves nowhere or outside the
 * folder leaves the dossier without a state (read every time): what the reader makes of it
 * (`missing` or escaping) changes with files no stamp here covers. */
type OtherStamp = [name: string];
type ItemStamp = FileStamp | FolderStamp | OtherStamp;

const isFolderStamp = (item: ItemStamp): item is FolderStamp => item.length === 5 && Array.isArray(item[4]);
const isFileStamp = (item: ItemStamp): item is FileStamp => item.length === 5 && !Array.isArray(item[4]);

/** A listed item rebuilt from a recorded stamp, for listDossierEntries. */
class RecordedItem implements ListedItem {
  constructor(readonly stamp: ItemStamp) {}
  get name(): string {
    return this.stamp[0];
  }
  isFile(): boolean {
    return isFileStamp(this.stamp);
  }
  isDirectory(): boolean {
    return isFolderStamp(this.stamp);
  }
}

/** A folder as the scanner found it: its own stamps, and its items (read now or recorded). */
interface ScannedFolder {
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  items: readonly ListedItem[];
  fromRecord: boolean;
}

/**
 * Takes the file state of the candidates of one ingest. `recorded` gives the state stored for a
 * candidate id (null when there is none). Use `listFolder` as listDossierEntries' folder lister,
 * then `stateOf` for each entry, before it is read.
 */
export class DossierScanner {
  /**
   * Each candidate folder listed, by name (its entry's id), until `stateOf` takes it: a folder listed
   * from its record is stamped at once (its files most likely changed neither, so there is no
   * parsing to overlap with, and only the state's text is kept); a folder read anew is kept
   * listed and stamped by `stateOf`, in the ingester's loop, while the dossiers found changed
   * before it are being parsed.
   */
  private readonly folders = new Map<string, KeptFolder | string | null>();

  constructor(
    private readonly workspace: string,
    private readonly recorded: (id: string) => string | null,
  ) {}

  /** Lists a candidate folder, from its recorded state when the folder's stamps are unchanged. */
  readonly listFolder: FolderLister = (folder, name) => {
    const recordedText = this.recorded(name);
    const recorded = parseState(recordedText);
    const scanned = scanFolder(folder, recorded !== null && isFolderStamp(recorded) ? recorded : null);
    if (!scanned.fromRecord) this.folders.set(name, keepFolder(scanned));
    else {
      const state = stateText(() => stampFolder(name, folder, scanned));
      // The recorded text when equal, so the new one is dropped at once.
      this.folders.set(name, state === recordedText ? recordedText : state);
    }
    return scanned.items;
  };

  /**
   * The file state of `entry` now, as JSON text; null when the entry has no dossier file or a
   * file vanished while it was being stamped (the dossier is then read, and reports it).
   */
  stateOf(entry: DossierEntry): string | null {
    if (entry.file === null) return null;
    // Paths are relative to the workspace, never to the process's current folder.
    if (entry.folder === null) {
      const file = path.join(this.workspace, entry.file);
      return stateText(() => stampFile(path.basename(file), fs.statSync(file)));
    }
    const listed = this.folders.get(entry.id);
    this.folders.delete(entry.id);
    if (listed === null || typeof listed === 'string') return listed;
    const folder = path.join(this.workspace, entry.folder);
    return stateText(() =>
      stampFolder(entry.id, folder, listed === undefined ? scanFolder(folder, null) : unpackFolder(listed)),
    );
  }
}

/**
 * A folder listed anew, kept until `stateOf` stamps it: its items packed in one string, since
 * every candidate folder is listed before the first is stamped (at 100,000 candidates, the
 * `Dirent`s held ~130 MB). Each item is its kind (`f`ile, `d`irectory, `o`ther) then its name;
 * items are joined by `/`, which no file name holds.
 */
interface KeptFolder {
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  packed: string;
}

function keepFolder({ mtimeMs, ctimeMs, ino, items }: ScannedFolder): KeptFolder {
  const kind = (item: ListedItem) => (item.isFile() ? 'f' : item.isDirectory() ? 'd' : 'o');
  return { mtimeMs, ctimeMs, ino, packed: items.map((item) => kind(item) + item.name).join('/') };
}

function unpackFolder({ mtimeMs, ctimeMs, ino, packed }: KeptFolder): ScannedFolder {
  const items = packed === '' ? [] : packed.split('/').map((text) => new PackedItem(text));
  return { mtimeMs, ctimeMs, ino, items, fromRecord: false };
}

/** A listed item unpacked from a kept folder. */
class PackedItem implements ListedItem {
  readonly name: string;
  constructor(private readonly text: string) {
    this.name = text.slice(1);
  }
  isFile(): boolean {
    return this.text[0] === 'f';
  }
  isDirectory(): boolean {
    return this.text[0] === 'd';
  }
}

/** The stamp as JSON text; null when a file vanished while it was taken. */
function stateText(stamp: () => ItemStamp): string | null {
  try {
    return JSON.stringify(stamp());
  } catch {
    return null;
  }
}

/**
 * Stats `folder` and lists it: from `recorded` when the folder's mtime, ctime and inode are the
 * recorded ones (its entries are then the recorded entries), else with a readdir, taken after
 * the stat so an entry added in between makes the next ingest list the folder again.
 */
function scanFolder(folder: string, recorded: FolderStamp | null): ScannedFolder {
  const { mtimeMs, ctimeMs, ino } = fs.statSync(folder);
  if (recorded !== null && recorded[1] === mtimeMs && recorded[2] === ctimeMs && recorded[3] === ino)
    return {
      mtimeMs,
      ctimeMs,
      ino,
      items: recorded[4].map((item) => new RecordedItem(item)),
      fromRecord: true,
    };
  const items = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareIds(a.name, b.name));
  return { mtimeMs, ctimeMs, ino, items, fromRecord: false };
}

/**
 * The stamp of a scanned folder: each file stat'ed, each subfolder scanned in turn. `root` is the
 * candidate's folder; throws (no state) on a link that does not resolve inside it.
 */
function stampFolder(name: string, folder: string, scanned: ScannedFolder, root = folder): FolderStamp {
  const items: ItemStamp[] = [];
  for (const item of scanned.items) {
    const full = `${folder}/${item.name}`;
    if (item.isFile()) items.push(stampFile(item.name, fs.statSync(full)));
    else if (item.isDirectory()) {
      const recorded = item instanceof RecordedItem && isFolderStamp(item.stamp) ? item.stamp : null;
      items.push(stampFolder(item.name, full, scanFolder(full, recorded), root));
    } else {
      if (
        fs.lstatSync(full).isSymbolicLink() &&
        !isInside(fs.realpathSync.native(full), fs.realpathSync.native(root))
      )
        throw new Error(`${full} resolves outside the candidate's folder`);
      items.push([item.name]);
    }
  }
  return [name, scanned.mtimeMs, scanned.ctimeMs, scanned.ino, items];
}

function stampFile(name: string, stat: fs.Stats): FileStamp {
  return [name, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino];
}

/** A recorded state, or null when there is none or it cannot be read (the dossier is then read). */
function parseState(text: string | null): ItemStamp | null {
  if (text === null) return null;
  try {
    const state = JSON.parse(text) as unknown;
    return Array.isArray(state) ? (state as ItemStamp) : null;
  } catch {
    return null;
  }
}
