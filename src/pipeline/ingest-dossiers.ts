import fs from 'node:fs';
import path from 'node:path';
import type { InputIssue, ReadDossier } from '../core/types.js';
import { APPLICATION_FORM, type DossierEntry, listDossierEntries } from '../dossier/list-dossier-entries.js';
import { DossierStage } from '../store/dossier-stage.js';
import { type DossierSource, summarizeUnchanged } from '../store/dossier-sync.js';
import {
  getMeta,
  type IngestSummary,
  type KnownDossier,
  knownDossierHashes,
  recordIngest,
  type StorableDossier,
  setMeta,
  syncDossiers,
  withWriteTransaction,
} from '../store/index.js';
import { toolBuild } from '../version.js';
import { DossierScanner } from './dossier-signature.js';
import { DossierReader } from './parse-pool.js';
import { countStoreChanges, markDossiersChanged } from './run-snapshot.js';
import { type Session, TENDER_KEY } from './session.js';

export interface IngestOptions {
  /** Called after each dossier is looked at, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * A full collection (collect-garbage.ts), asked for every COLLECT_EVERY dossiers the sync walks
   * (unchanged ones included; a sync started again after SQLITE_BUSY counts on). The
   * sync turns each staged dossier into rows in one synchronous loop, and V8, collecting little
   * meanwhile, let 100,000 of them leave ~300 MB of heap that was mostly garbage (peak RSS of
   * the ingest ~530 MB; ~420 MB with these collections, which cost ~80 ms each).
   */
  collectGarbage?: () => void;
}

const COLLECT_EVERY = 20_000;

export interface IngestResult {
  summary: IngestSummary;
  /** Dossiers read and parsed again (the others were recognised as unchanged). */
  read: number;
  warnings: ReadDossier['warnings'];
}

/**
 * Reads every dossier of `dossiers/` and makes the store match. A dossier whose files are as the
 * ingester last saw them (every file's size, mtime, ctime and inode, every folder's listing: see
 * dossier-signature.ts) is not read again, and its folders are not even listed; its stored hash
 * stands. Everything is re-read when tender.yaml changed, since validity depends on its rates, and
 * when the tool build changed, since it depends on the reader too.
 */
export async function ingestDossiers(session: Session, options: IngestOptions = {}): Promise<IngestResult> {
  const { ctx, store, tender } = session;
  const known = knownDossierHashes(store);
  const scanner = new DossierScanner(ctx.workspace, (id) => known.get(id)?.fileState ?? null);
  const entries = listDossierEntries(ctx.workspace, scanner.listFolder);
  // Validity depends on tender.yaml's rates and on the reader itself: a new build (an upgrade
  // that reads some dossier differently, or refuses it) judges every dossier again, once.
  const judgeAgain =
    getMeta(store, TENDER_KEY) !== session.tenderHash || getMeta(store, READER_KEY) !== toolBuild();
  // An entry's slot is its index. A dossier read again is staged (dossier-stage.ts) as soon as it
  // is read, with the file state taken before; an unchanged one goes to the sync as a stub.
  const reread = new Uint8Array(entries.length);
  const fileStates = new Map<number, string>();
  // The slot of each dossier handed to `reader`, in the order handed.
  const readSlots: number[] = [];
  // Application forms are read (exceljs, asynchronous) after the loop, only those that changed.
  const forms: { entry: DossierEntry; slot: number }[] = [];
  const warnings: { slot: number; issue: InputIssue }[] = [];
  let skipped = 0;
  const progress = (done: number) => options.onProgress?.(skipped + done, entries.length);
  const stage = new DossierStage(store);
  const put = (slot: number, dossier: StorableDossier) => {
    for (const issue of dossier.warnings) warnings.push({ slot, issue });
    const fileState = fileStates.get(slot);
    fileStates.delete(slot);
    stage.put(slot, fileState === undefined ? dossier : { ...dossier, fileState });
  };
  // Parsing leaves for worker threads while the loop below goes on stat-ing the next candidates.
  const sink = (index: number, dossier: StorableDossier) => put(readSlots[index]!, dossier);
  const reader = new DossierReader(ctx.workspace, tender, sink, { onRead: progress });
  try {
    for (const [slot, entry] of entries.entries()) {
      if (slot % TURN_EVERY === TURN_EVERY - 1) {
        // Lets finished batches reach the stage and the workers take the next ones; waits while
        // the workers are far behind, so the dossiers waiting for them stay few.
        await turnEventLoop();
        await reader.waitForBacklog(READ_AHEAD);
      }
      // Taken before the dossier is read: a file changing meanwhile leaves a stale state, never a stale hash.
      const fileState = scanner.stateOf(entry);
      const previous = known.get(entry.id);
      const unchanged =
        !judgeAgain &&
        fileState !== null &&
        previous !== undefined &&
        previous.status !== 'withdrawn' &&
        previous.sourcePath === entry.sourcePath &&
        previous.fileState === fileState;
      if (unchanged) {
        skipped += 1;
        progress(0);
        continue;
      }
      reread[slot] = 1;
      // Recorded with what is read now (an unchanged dossier keeps the stored state).
      if (fileState !== null) fileStates.set(slot, fileState);
      if (isApplicationForm(entry)) forms.push({ entry, slot });
      else {
        readSlots.push(slot);
        reader.add({ entry, options: {} });
      }
    }
    for (const { entry, slot } of forms) {
      const form = await readApplicationForm(ctx.workspace, entry);
      if (form?.issues.length) {
        const { readDossier } = await import('../dossier/read-dossier.js');
        const blank = readDossier(ctx.workspace, { ...entry, problems: [] }, tender, { document: {} });
        put(slot, { ...blank, dossier: null, errors: form.issues });
      } else {
        readSlots.push(slot);
        reader.add({ entry, options: form ? { document: form.document } : {} });
      }
    }
    await reader.finish();
    const read = entries.length - skipped;
    if (read === 0 && !judgeAgain && countActive(known) === entries.length) {
      // Every entry is a distinct stored, active dossier with its files unchanged and none
      // vanished: the sync would write nothing, so neither it nor its transaction runs.
      return {
        summary: summarizeUnchanged(
          known,
          entries.map((entry) => entry.id),
        ),
        read,
        warnings: [],
      };
    }
    // All staged before the transaction: one that starts again after SQLITE_BUSY re-reads it whole.
    stage.flush();
    let collectedAt = 0;
    const found = stage.source(
      entries.map((entry) => entry.id),
      (slot) => (reread[slot] === 1 ? undefined : stubOf(entries[slot]!, known)),
      (done) => {
        if (done - collectedAt < COLLECT_EVERY) return;
        collectedAt = done;
        options.collectGarbage?.();
      },
    );
    const summary = storeFound(session, found, entries.length);
    // By slot, as the dossiers are listed: workers finish their batches in no fixed order.
    warnings.sort((a, b) => a.slot - b.slot);
    return { summary, read, warnings: warnings.map((w) => w.issue) };
  } finally {
    // After a failure, batches still in flight must not reach the stage, nor threads outlive the ingest.
    await reader.close();
    stage.close();
  }
}

/**
 * Makes the store match what the ingest found, in one transaction with its audit entry and the
 * markers other commands read (the tender the dossiers were judged under, the run snapshots).
 */
function storeFound(session: Session, found: DossierSource, total: number): IngestSummary {
  const { store, ctx } = session;
  return withWriteTransaction(store.db, () => {
    const changesBefore = countStoreChanges(store);
    const result = syncDossiers(store, found, session.at);
    // Any write, audited or not (a dossier moved or touched), invalidates the run snapshots.
    if (countStoreChanges(store) !== changesBefore) markDossiersChanged(store);
    setMeta(store, TENDER_KEY, session.tenderHash);
    setMeta(store, READER_KEY, toolBuild());
    recordIngest(store, result, total, { by: ctx.user, at: session.at });
    return result;
  });
}

/** The build whose reader judged the stored dossiers (version.ts). */
const READER_KEY = 'ingest.reader_build';

/** Entries looked at between two turns of the event loop. */
const TURN_EVERY = 128;
/**
 * Dossiers handed to the reader and not yet read, beyond which the loop waits: four batches of
 * 64, one in each of two workers and one waiting for each. Each dossier's task and file state
 * then die young; with 1,024 they lived long enough to be promoted, and the old generation grew
 * with their garbage (100,000 dossiers: 529 MB peak RSS, 398 MB at 256, 582–634 MB unbounded).
 */
const READ_AHEAD = 256;

const turnEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the sync needs of a dossier not read again: the store keeps its validity and content. */
function stubOf(entry: DossierEntry, known: ReadonlyMap<string, KnownDossier>): StorableDossier {
  return {
    id: entry.id,
    sourcePath: entry.sourcePath,
    hash: (known.get(entry.id) as KnownDossier).hash,
    dossier: null,
    attachments: [],
    errors: [],
    warnings: [],
  };
}

/** Stored dossiers that are not withdrawn. */
function countActive(known: ReadonlyMap<string, KnownDossier>): number {
  let active = 0;
  for (const dossier of known.values()) if (dossier.status !== 'withdrawn') active += 1;
  return active;
}

const isApplicationForm = (entry: DossierEntry) =>
  entry.file !== null && entry.problems.length === 0 && entry.file.endsWith(`/${APPLICATION_FORM}`);

/**
 * Reads an Excel application form that stands in for dossier.yaml (exceljs is asynchronous, the
 * rest of the reader is not); null for a form over the size limit, which readDossier refuses.
 * The modules load here, the first time a form is read.
 */
async function readApplicationForm(
  workspace: string,
  entry: DossierEntry,
): Promise<{ document: unknown; issues: InputIssue[] } | null> {
  const absolute = path.join(workspace, entry.file ?? '');
  const { DEFAULT_LIMITS } = await import('../dossier/parse-document.js');
  if (fs.statSync(absolute).size > DEFAULT_LIMITS.maxBytes) return null;
  const { readApplicationForm: readForm } = await import('../forms/read-form.js');
  return readForm(absolute, entry.sourcePath);
}
