import fs from 'node:fs';
import path from 'node:path';
import { duplicateIdProblem } from '../core/duplicate-id.js';
import { compareIds } from '../core/order.js';

/** One candidate found in `<workspace>/dossiers/`, not yet read. */
export interface DossierEntry {
  /** Candidate id: the folder name, or the file name without extension. */
  id: string;
  /** The dossier file relative to the workspace (the folder, when no single file could be chosen). */
  sourcePath: string;
  /** The dossier file relative to the workspace; null when there is none to read. */
  file: string | null;
  /** The candidate's folder relative to the workspace; null for a bare dossier file (no attachments). */
  folder: string | null;
  /**
   * The folder's real absolute path as listed (links resolved), which the attachments must stay
   * inside; absent where the lister did not know it (the reader then resolves `folder` itself).
   */
  realFolder?: string;
  /** Reasons the entry is invalid before it is even read (duplicate id, several files…). */
  problems: string[];
}

export const DOSSIERS_DIR = 'dossiers';
/** A filled Excel application form may stand in for dossier.yaml (see src/forms). */
export const APPLICATION_FORM = 'application-form.xlsx';
const DOSSIER_FILES = ['dossier.yaml', 'dossier.yml', 'dossier.json', APPLICATION_FORM];
const DOSSIER_EXTENSION = /\.(ya?ml|json)$/i;

/** What the lister needs to know of an item of a candidate folder (an `fs.Dirent` has it). */
export interface ListedItem {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

/**
 * Lists a candidate folder (absolute path; `name` is the folder's name in `dossiers/`). The
 * ingester passes one that reuses the listing it recorded when the folder did not change.
 */
export type FolderLister = (folder: string, name: string) => readonly ListedItem[];

/** Reads the folder: one readdir, whose entries carry their type. */
const readFolder: FolderLister = (folder) => fs.readdirSync(folder, { withFileTypes: true });

/** True when `child` is `parent` or lies below it (both real, absolute paths). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists the candidates of `<workspace>/dossiers/`, sorted by id (code-unit order, so the
 * order never depends on the locale). Dot-files are ignored, as are files that are not
 * YAML or JSON. Nothing is opened here: entries are only `lstat`ed, so a FIFO or device
 * never blocks. Returns an empty list when the folder does not exist.
 */
export function listDossierEntries(workspace: string, listFolder: FolderLister = readFolder): DossierEntry[] {
  const directory = path.join(workspace, DOSSIERS_DIR);
  if (!fs.existsSync(directory)) return [];
  const realDirectory = fs.realpathSync.native(directory);
  const entries: DossierEntry[] = [];
  // Dirents carry the entry type, so a plain folder or file costs no lstat of its own.
  for (const dirent of fs.readdirSync(directory, { withFileTypes: true })) {
    if (dirent.name.startsWith('.')) continue;
    const entry = describeEntry(path.join(directory, dirent.name), dirent, realDirectory, listFolder);
    if (entry) entries.push(entry);
  }
  markDuplicates(entries);
  return entries.sort((a, b) => compareIds(a.id, b.id) || compareIds(a.sourcePath, b.sourcePath));
}

function describeEntry(
  full: string,
  dirent: fs.Dirent,
  realDirectory: string,
  listFolder: FolderLister,
): DossierEntry | null {
  const name = dirent.name;
  const isDossierFile = DOSSIER_EXTENSION.test(name);
  const id = isDossierFile ? name.replace(DOSSIER_EXTENSION, '') : name;
  const sourcePath = `${DOSSIERS_DIR}/${name}`;
  const invalid = (problem: string): DossierEntry => ({
    id,
    sourcePath,
    file: null,
    folder: null,
    problems: [problem],
  });
  // A name that is not UTF-8 reaches us with U+FFFD in place of its bytes: no such path exists,
  // and every later stat of it would fail (it stopped the whole ingest). One such entry is invalid.
  if (name.includes('\uFFFD') && !fs.existsSync(full))
    return invalid(`the ${dirent.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8 text: rename it`);
  let kind: { isDirectory(): boolean; isFile(): boolean } = dirent;
  // An entry that is no link is real where the (real) dossiers folder is: no realpath needed.
  let real = path.join(realDirectory, name);
  if (dirent.isSymbolicLink()) {
    let target: string;
    try {
      target = fs.realpathSync.native(full);
    } catch {
      return invalid('symbolic link to nothing');
    }
    if (!isInside(target, realDirectory)) return invalid(`symbolic link points outside ${DOSSIERS_DIR}/`);
    kind = fs.statSync(target);
    real = target;
  } else if (!dirent.isDirectory() && !dirent.isFile() && !isDossierFile) {
    return null;
  }
  if (kind.isDirectory()) return describeFolder(full, name, real, listFolder(full, name));
  if (!isDossierFile) return null;
  if (!kind.isFile()) return invalid('not a regular file');
  return { id, sourcePath, file: sourcePath, folder: null, problems: [] };
}

function describeFolder(
  full: string,
  name: string,
  realFolder: string,
  listing: readonly ListedItem[],
): DossierEntry {
  // One pass over the listing replaces an lstat per candidate file name.
  const found = listing.filter((item) => DOSSIER_FILES.includes(item.name));
  const present = DOSSIER_FILES.filter((file) => found.some((item) => item.name === file));
  const base = {
    id: name,
    folder: `${DOSSIERS_DIR}/${name}`,
    realFolder,
    file: null,
    sourcePath: `${DOSSIERS_DIR}/${name}`,
  };
  if (present.length === 0)
    return { ...base, problems: [`no ${DOSSIER_FILES.slice(0, 3).join(', ')} or ${APPLICATION_FORM}`] };
  if (present.length > 1) return { ...base, problems: [`several dossier files: ${present.join(', ')}`] };
  const fileName = present[0] ?? '';
  const entry = { ...base, sourcePath: `${DOSSIERS_DIR}/${name}/${fileName}` };
  // A regular file listed in the folder is inside it by construction: only a link needs resolving.
  if (found[0]?.isFile()) return { ...entry, file: entry.sourcePath, problems: [] };
  const file = path.join(full, fileName);
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    return { ...entry, problems: [`${fileName} is a symbolic link to nothing`] };
  }
  if (!isInside(real, realFolder))
    return { ...entry, problems: [`${fileName} points outside the candidate's folder`] };
  if (!fs.statSync(real).isFile()) return { ...entry, problems: [`${fileName} is not a regular file`] };
  return { ...entry, file: entry.sourcePath, problems: [] };
}

function markDuplicates(entries: DossierEntry[]): void {
  const byId = new Map<string, DossierEntry[]>();
  for (const entry of entries) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const entry of group) {
      const others = group.filter((other) => other !== entry).map((other) => other.sourcePath);
      entry.problems.push(duplicateIdProblem(id, others));
    }
  }
}
