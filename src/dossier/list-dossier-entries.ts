import fs from 'node:fs';
import path from 'node:path';

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
  /** Reasons the entry is invalid before it is even read (duplicate id, several files…). */
  problems: string[];
}

export const DOSSIERS_DIR = 'dossiers';
/** A filled Excel application form may stand in for dossier.yaml (see src/forms). */
export const APPLICATION_FORM = 'application-form.xlsx';
const DOSSIER_FILES = ['dossier.yaml', 'dossier.yml', 'dossier.json', APPLICATION_FORM];
const DOSSIER_EXTENSION = /\.(ya?ml|json)$/i;

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
export function listDossierEntries(workspace: string): DossierEntry[] {
  const directory = path.join(workspace, DOSSIERS_DIR);
  if (!fs.existsSync(directory)) return [];
  const realDirectory = fs.realpathSync.native(directory);
  const entries: DossierEntry[] = [];
  for (const name of fs.readdirSync(directory)) {
    if (name.startsWith('.')) continue;
    const entry = describeEntry(path.join(directory, name), name, realDirectory);
    if (entry) entries.push(entry);
  }
  markDuplicates(entries);
  return entries.sort((a, b) => compare(a.id, b.id) || compare(a.sourcePath, b.sourcePath));
}

function describeEntry(full: string, name: string, realDirectory: string): DossierEntry | null {
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
  let stat = fs.lstatSync(full);
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = fs.realpathSync.native(full);
    } catch {
      return invalid('symbolic link to nothing');
    }
    if (!isInside(target, realDirectory)) return invalid(`symbolic link points outside ${DOSSIERS_DIR}/`);
    stat = fs.statSync(target);
  }
  if (stat.isDirectory()) return describeFolder(full, name);
  if (!isDossierFile) return null;
  if (!stat.isFile()) return invalid('not a regular file');
  return { id, sourcePath, file: sourcePath, folder: null, problems: [] };
}

function describeFolder(full: string, name: string): DossierEntry {
  const folder = fs.realpathSync.native(full);
  const present = DOSSIER_FILES.filter((file) => exists(path.join(full, file)));
  const base = {
    id: name,
    folder: `${DOSSIERS_DIR}/${name}`,
    file: null,
    sourcePath: `${DOSSIERS_DIR}/${name}`,
  };
  if (present.length === 0)
    return { ...base, problems: [`no ${DOSSIER_FILES.slice(0, 3).join(', ')} or ${APPLICATION_FORM}`] };
  if (present.length > 1) return { ...base, problems: [`several dossier files: ${present.join(', ')}`] };
  const fileName = present[0] ?? '';
  const file = path.join(full, fileName);
  const entry = { ...base, sourcePath: `${DOSSIERS_DIR}/${name}/${fileName}` };
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    return { ...entry, problems: [`${fileName} is a symbolic link to nothing`] };
  }
  if (!isInside(real, folder))
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
      entry.problems.push(`duplicate candidate id ${id} (also ${others.join(', ')})`);
    }
  }
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
