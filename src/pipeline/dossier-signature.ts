import fs from 'node:fs';
import path from 'node:path';
import { type DossierEntry, folderListingOf } from '../dossier/index.js';
import type { DossierStat } from '../store/index.js';

/**
 * Total size and latest modification time of everything the candidate's dossier is made of
 * (the dossier file, and for a folder every file in it and the folder itself, which changes when
 * a file is added, removed or renamed). A change to any attachment therefore triggers a re-read.
 * The folder's top level comes from the listing `listDossierEntries` already read.
 *
 * The "modification time" is the latest of each file's mtime AND ctime: a user can restore an
 * mtime (`cp -p`, `touch -r`, an unzip), so replaced content with the old mtime and the same size
 * would pass for unchanged; ctime, which the system sets on any change and nobody can set back,
 * catches that. The store keeps this one number in its `mtimeMs` column.
 */
export function signatureOf(workspace: string, entry: DossierEntry): DossierStat | null {
  try {
    if (entry.file === null) return null;
    // Entry paths are relative to the workspace, not to the process's current directory: resolved
    // against the cwd they named another workspace's file (or none), and an edited dossier could be
    // taken for unchanged when prequal ran from a folder holding a similar dossiers/ tree.
    if (entry.folder === null) {
      const stat = fs.statSync(path.join(workspace, entry.file));
      return { size: stat.size, mtimeMs: changedAt(stat) };
    }
    const folder = path.join(workspace, entry.folder);
    const total = { size: 0, mtimeMs: changedAt(fs.statSync(folder)) };
    addFolder(total, folder, folderListingOf(entry) ?? fs.readdirSync(folder, { withFileTypes: true }));
    return total;
  } catch {
    return null;
  }
}

/** Adds the files below `folder` (links are not followed) to the running total. */
function addFolder(total: DossierStat, folder: string, listing: readonly fs.Dirent[]): void {
  for (const item of listing) {
    const isFile = item.isFile();
    if (!isFile && !item.isDirectory()) continue;
    const full = `${folder}/${item.name}`;
    const stat = fs.statSync(full);
    if (isFile) total.size += stat.size;
    total.mtimeMs = Math.max(total.mtimeMs, changedAt(stat));
    if (!isFile) addFolder(total, full, fs.readdirSync(full, { withFileTypes: true }));
  }
}

/** The last time the file changed, by either clock (see signatureOf). */
function changedAt(stat: fs.Stats): number {
  return Math.max(stat.mtimeMs, stat.ctimeMs);
}
