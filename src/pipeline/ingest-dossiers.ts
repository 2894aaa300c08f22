import fs from 'node:fs';
import path from 'node:path';
import type { InputIssue, ReadDossier } from '../core/types.js';
import { APPLICATION_FORM, DEFAULT_LIMITS, type DossierEntry, listDossierEntries, readDossier } from '../dossier/index.js';
import {
  appendAudit,
  type DossierStat,
  getMeta,
  type IngestSummary,
  knownDossierHashes,
  setMeta,
  syncDossiers,
  withWriteTransaction,
} from '../store/index.js';
import type { Session } from './session.js';

export interface IngestOptions {
  /** Called after each dossier is looked at, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface IngestResult {
  summary: IngestSummary;
  /** Dossiers read and parsed again (the others were recognised as unchanged). */
  read: number;
  warnings: ReadDossier['warnings'];
}

const TENDER_KEY = 'ingest.tender_hash';

/**
 * Reads every dossier of `dossiers/` and makes the store match. A dossier whose files have the same
 * size and modification time as when last stored is not read again (its stored hash stands);
 * everything is re-read when tender.yaml changed, since validity depends on its exchange rates.
 */
export async function ingestDossiers(session: Session, options: IngestOptions = {}): Promise<IngestResult> {
  const { ctx, store, tender } = session;
  const entries = listDossierEntries(ctx.workspace);
  const known = knownDossierHashes(store);
  const tenderChanged = getMeta(store, TENDER_KEY) !== session.tenderHash;
  const reads: ReadDossier[] = [];
  const stats = new Map<string, DossierStat>();
  const warnings: ReadDossier['warnings'] = [];
  let read = 0;
  const forms = await readApplicationForms(ctx.workspace, entries);
  entries.forEach((entry, index) => {
    const signature = signatureOf(entry);
    const previous = known.get(entry.id);
    const unchanged =
      !tenderChanged &&
      signature !== null &&
      previous !== undefined &&
      previous.status !== 'withdrawn' &&
      previous.sourcePath === entry.sourcePath &&
      previous.size === signature.size &&
      previous.mtimeMs === signature.mtimeMs;
    if (unchanged) {
      // The store keeps validity and content for an unchanged hash: a stub is enough.
      reads.push({
        id: entry.id,
        sourcePath: entry.sourcePath,
        hash: previous.hash,
        dossier: null,
        attachments: [],
        errors: [],
        warnings: [],
      });
    } else {
      const form = forms.get(entry.id);
      const result = form?.issues.length
        ? { ...readDossier(ctx.workspace, { ...entry, problems: [] }, tender, { document: {} }), dossier: null, errors: form.issues }
        : readDossier(ctx.workspace, entry, tender, form ? { document: form.document } : {});
      reads.push(result);
      warnings.push(...result.warnings);
      read += 1;
    }
    if (signature) stats.set(entry.id, signature);
    options.onProgress?.(index + 1, entries.length);
  });
  const summary = withWriteTransaction(store.db, () => {
    const result = syncDossiers(store, reads, session.at, stats);
    setMeta(store, TENDER_KEY, session.tenderHash);
    const changed = [...result.added, ...result.updated, ...result.withdrawn, ...result.reactivated];
    if (changed.length > 0) {
      appendAudit(store, {
        at: session.at,
        who: ctx.user,
        action: 'dossiers.ingest',
        subject: `${entries.length} dossier(s)`,
        after: {
          added: result.added,
          updated: result.updated,
          withdrawn: result.withdrawn,
          reactivated: result.reactivated,
          invalid: result.invalid.map((i) => i.id),
        },
        why: 'dossiers read from dossiers/',
      });
    }
    return result;
  });
  return { summary, read, warnings };
}

/**
 * Reads the Excel application forms that stand in for dossier.yaml (exceljs is asynchronous, the
 * rest of the reader is not); a form over the size limit is left to readDossier to refuse.
 */
async function readApplicationForms(
  workspace: string,
  entries: DossierEntry[],
): Promise<Map<string, { document: unknown; issues: InputIssue[] }>> {
  const forms = new Map<string, { document: unknown; issues: InputIssue[] }>();
  for (const entry of entries) {
    if (entry.file === null || entry.problems.length > 0 || !entry.file.endsWith(`/${APPLICATION_FORM}`)) continue;
    const absolute = path.join(workspace, entry.file);
    if (fs.statSync(absolute).size > DEFAULT_LIMITS.maxBytes) continue;
    const { readApplicationForm } = await import('../forms/read-form.js');
    forms.set(entry.id, await readApplicationForm(absolute, entry.sourcePath));
  }
  return forms;
}

/**
 * Total size and latest modification time of everything the candidate's dossier is made of
 * (the dossier file, and for a folder every file in it and the folder itself, which changes when
 * a file is added, removed or renamed). A change to any attachment therefore triggers a re-read.
 */
function signatureOf(entry: DossierEntry): DossierStat | null {
  try {
    if (entry.file === null) return null;
    if (entry.folder === null) {
      const stat = fs.statSync(entry.file);
      return { size: stat.size, mtimeMs: stat.mtimeMs };
    }
    let size = 0;
    let mtimeMs = fs.statSync(entry.folder).mtimeMs;
    for (const item of fs.readdirSync(entry.folder, { withFileTypes: true, recursive: true })) {
      if (!item.isFile() && !item.isDirectory()) continue;
      const stat = fs.statSync(`${item.parentPath}/${item.name}`);
      size += item.isFile() ? stat.size : 0;
      mtimeMs = Math.max(mtimeMs, stat.mtimeMs);
    }
    return { size, mtimeMs };
  } catch {
    return null;
  }
}
