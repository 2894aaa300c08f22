/**
 * What the last export of a workspace wrote, kept in the store's meta table: the export key it
 * was made from and, per format, the size, time and hash of each file. With it a re-run that
 * changes nothing leaves the exports alone after a `stat` of each file, reading none of them.
 */
import path from 'node:path';
import type { Lang } from '../core/types.js';
import { type FileRecord, isIntact, type KnownFiles } from '../export/write-outputs.js';
import { getMeta, type Store, setMeta } from '../store/index.js';

export interface ExportState {
  key: string;
  /** Format → file path relative to the output folder → record. */
  files: Record<string, Record<string, FileRecord>>;
  /**
   * The run snapshot key (with the templates) under which these files were last found current:
   * a run finding the same key and intact files leaves them alone without evaluating anything.
   */
  snapshotKey?: string;
}

/** The meta key of the exports of `outDir` in `lang` (relative to the workspace, so a moved workspace keeps it). */
export function exportStateName(workspace: string, outDir: string, lang: Lang): string {
  return `export.state:${lang}:${path.relative(workspace, outDir) || '.'}`;
}

/** The recorded state, or null when there is none (or it cannot be read, which only costs a rewrite). */
export function readExportState(store: Store, name: string): ExportState | null {
  const text = getMeta(store, name);
  if (!text) return null;
  try {
    const state = JSON.parse(text) as ExportState;
    return typeof state.key === 'string' && typeof state.files === 'object' ? state : null;
  } catch {
    return null;
  }
}

export function writeExportState(store: Store, name: string, state: ExportState): void {
  setMeta(store, name, JSON.stringify(state));
}

/** True when every file recorded for a format is still there with its recorded size and time. */
export function isFormatIntact(outDir: string, records: Record<string, FileRecord> | undefined): boolean {
  if (!records) return false;
  for (const [name, record] of Object.entries(records))
    if (!isIntact(path.join(outDir, name), record)) return false;
  return true;
}

/**
 * Every recorded file, looked up by absolute path but kept by the name the state holds (relative
 * to `outDir`): at 100,000 candidates a state names 100,000 letters, and a map of their absolute
 * paths, live through a whole export, was some 10 MB more.
 */
function knownFilesOf(outDir: string, state: ExportState | null): KnownFiles {
  const byName = new Map<string, FileRecord>();
  for (const records of Object.values(state?.files ?? {}))
    for (const name in records) byName.set(name, records[name]!);
  return { get: (file) => byName.get(path.relative(outDir, file)) };
}

/**
 * The previous export's state as far as this one can use it: `current` when it was made from the
 * same inputs (its formats may be left alone if intact), and the records of every file it wrote
 * (a file already holding the same bytes is not written again). Taken together, so that no caller
 * holds the parsed state itself beyond what it needs.
 */
export function previousExport(
  store: Store,
  name: string,
  key: string,
  outDir: string,
): { current: ExportState | null; known: KnownFiles } {
  const previous = readExportState(store, name);
  return { current: previous?.key === key ? previous : null, known: knownFilesOf(outDir, previous) };
}
