/**
 * Puts an export's letters in `out/letters/` as one set: the letters of one evaluation, never some
 * of the next beside some of the previous one, even when prequal is killed half-way. As long as
 * every letter is found unchanged, nothing is touched (a re-export whose letters did not change,
 * the other language's records stay valid). From the first that changes, or when a letter is due
 * no more, the whole folder is rebuilt beside it and swapped in (staged-folder.ts): unchanged
 * letters, the other language's letters and whatever else a user put there are hard-linked into
 * it; letters of this language no longer due are left out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeWriteError, removeStaleTemporaries } from './atomic-write.js';
import { crashPoint } from './crash-point.js';
import type { LetterFile } from './letters.js';
import { recoverStagedFolders, StagedFolder } from './staged-folder.js';
import { type ExportedFile, hashBytes, holdsContent, type KnownFiles, recordFile } from './write-outputs.js';

interface PlacedLetter {
  name: string;
  sha256: string;
  written: boolean;
}

export class LetterFolderWriter {
  private readonly letters: PlacedLetter[] = [];
  private staged: StagedFolder | null = null;
  private writtenCount = 0;

  private constructor(
    /** Where the letters are reported: `out/letters`. */
    private readonly folder: string,
    /** The folder swapped: `folder`, or the one it links to. */
    private readonly target: string,
    /** The folder as it is, null when there is none yet. */
    private readonly current: fs.Stats | null,
    /** Its entries, listed once: a letter not there yet is written without trying to read it. */
    private readonly listed: ReadonlySet<string>,
    private readonly known: KnownFiles | undefined,
  ) {}

  static async open(folder: string, known?: KnownFiles): Promise<LetterFolderWriter> {
    const target = await linkTarget(folder);
    let current: fs.Stats | null;
    let listed: string[] = [];
    try {
      current = fs.statSync(target, { throwIfNoEntry: false }) ?? null;
      // As mkdir would say it: the swap must never rename a user's file away.
      if (current && !current.isDirectory())
        throw Object.assign(new Error('not a folder'), { code: 'EEXIST' });
      if (current) listed = fs.readdirSync(folder);
    } catch (error) {
      throw describeWriteError(folder, error);
    }
    // Temporaries of a killed prequal of an earlier version, which wrote letters in place.
    await removeStaleTemporaries(folder, listed);
    return new LetterFolderWriter(folder, target, current, new Set(listed), known);
  }

  /** Takes the next letter: left as it is when the folder already holds it, else staged. */
  add(letter: LetterFile): void {
    const bytes = Buffer.from(letter.content, 'utf8');
    const sha256 = hashBytes(bytes);
    const unchanged =
      this.listed.has(letter.file) &&
      holdsContent(path.join(this.folder, letter.file), bytes, sha256, this.known);
    if (unchanged) this.staged?.keep(letter.file);
    else this.stage().writeFile(letter.file, bytes);
    this.letters.push({ name: letter.file, sha256, written: !unchanged });
    if (unchanged) return;
    this.writtenCount += 1;
    crashPoint(`letter:${this.writtenCount}`);
  }

  /** The staged folder, opened at the first letter that changes with the unchanged ones before it. */
  private stage(): StagedFolder {
    if (this.staged) return this.staged;
    const staged = StagedFolder.open(this.target, this.current);
    this.staged = staged;
    for (const letter of this.letters) staged.keep(letter.name);
    return staged;
  }

  /**
   * Puts the set in place, leaving out every letter of `lang` in the folder that this export did
   * not make (a candidate since shortlisted must not get one by mistake), and reports each file.
   */
  async finish(lang: string): Promise<ExportedFile[]> {
    const made = new Set(this.letters.map((letter) => letter.name));
    const suffix = `.${lang}.md`;
    const isStale = (name: string) => name.startsWith('letter-') && name.endsWith(suffix) && !made.has(name);
    const stale = [...this.listed].filter(isStale).sort();
    if (stale.length > 0 || !this.current) this.stage();
    if (this.staged) {
      try {
        this.staged.carry([...this.listed].filter((name) => !made.has(name) && !isStale(name)));
      } catch (error) {
        await this.abort();
        throw error;
      }
      await this.staged.commit();
    }
    // Recorded once in place: linking and unlinking a file changes its ctime.
    const results: ExportedFile[] = this.letters.map(({ name, sha256, written }) => {
      const file = path.join(this.folder, name);
      return { file, written, record: recordFile(file, sha256) ?? undefined };
    });
    for (const name of stale)
      results.push({ file: path.join(this.folder, name), written: false, removed: true });
    return results;
  }

  /** Drops what was staged after a failure elsewhere (a broken template); the folder is left as it was. */
  async abort(): Promise<void> {
    await this.staged?.abort();
  }
}

/**
 * The folder a swap replaces: `folder` itself, or, when it is a symbolic link (to a shared folder,
 * say), the folder it points to, so that the link stays and the letters go where it leads. What a
 * killed export left beside that folder is tidied there (runExports does it in the output folder).
 */
async function linkTarget(folder: string): Promise<string> {
  if (!fs.lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink()) return folder;
  let target: string;
  try {
    target = fs.realpathSync(folder);
  } catch {
    // Dangling: killed between the two renames of a swap there, or pointing nowhere yet.
    target = path.resolve(path.dirname(folder), fs.readlinkSync(folder));
  }
  const parent = path.dirname(target);
  // A parent that cannot be listed is reported by the first write to it.
  const names = await fs.promises.readdir(parent).catch(() => []);
  await recoverStagedFolders(parent, names, path.basename(target));
  return target;
}
