/**
 * What the last `run`/`rank` printed, kept in the store's meta table so that a command finding
 * nothing changed prints it again instead of loading and ranking every cached evaluation.
 *
 * The key covers everything the ranked table is made of: the tender (hash) and the tool (the
 * context hash), the criteria version and its hash, the sanctions list's content, the language, the colour level,
 * the audit head (every committee act — score, override, decision, member, declaration — and
 * every ingest that added, updated, withdrew or reactivated a dossier appends an entry) and a
 * counter the ingester moves on ANY write to the dossiers table (a dossier moved to another
 * file with the same content, or only touched, appends no audit entry). It is taken after the
 * command's own appends (e.g. `export.write`), so a later command that appends nothing finds it.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import chalk from 'chalk';
import type { Lang } from '../core/types.js';
import { TextPieces } from '../export/text-pieces.js';
import {
  type CriteriaVersion,
  getMeta,
  readAuditHead,
  type Store,
  setMeta,
  setMetaIf,
  withWriteTransaction,
} from '../store/index.js';
import { statement } from '../store/prepared.js';
import type { Finality } from './exit-status.js';
import type { Session } from './session.js';

/** A ranked table as printed, with what the exit status needs. */
export interface TableSnapshot {
  key: string;
  table: string;
  finality: Finality;
  /** Valid active dossiers (the scoring progress bar's total). */
  evaluable: number;
}

const GENERATION_KEY = 'dossiers.generation';

/** Moves the dossier generation on: any write to the dossiers table invalidates every snapshot. */
export function markDossiersChanged(store: Store): void {
  const current = Number(getMeta(store, GENERATION_KEY) ?? '0');
  setMeta(store, GENERATION_KEY, String(current + 1));
}

/** Rows changed by this connection so far (SQLite's total_changes()). */
export function countStoreChanges(store: Store): number {
  return (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/**
 * The snapshot key of the workspace as it is now, or null when it cannot be taken (an unreadable
 * sanctions list: the full path then reports it as it always did).
 */
export function computeSnapshotKey(
  session: Session,
  version: CriteriaVersion,
  lang: Lang,
  head: AuditHead = readAuditHead(session.store),
): string | null {
  const hash = createHash('sha256');
  const add = (...parts: (string | number)[]) => hash.update(`${parts.join('\u0001')}\n`);
  add('prequal-run-snapshot', 1, lang);
  // The table is coloured or not (terminal, NO_COLOR, FORCE_COLOR): each is a different text.
  add('colour', chalk.level);
  add('context', session.contextHash, session.tenderHash);
  add('criteria', version.version, version.hash);
  add('audit', head.seq, head.hash);
  add('dossiers', getMeta(session.store, GENERATION_KEY) ?? '0');
  const sanctions = session.tender.sanctions;
  if (sanctions) {
    try {
      const bytes = fs.readFileSync(path.resolve(session.ctx.workspace, sanctions.file));
      add('sanctions', createHash('sha256').update(bytes).digest('hex'));
    } catch {
      return null;
    }
  }
  return hash.digest('hex');
}

type AuditHead = { seq: number; hash: string };

/**
 * The workspace as an evaluation is about to read it. Another process may commit while the
 * evaluation runs (an override, an ingest): keyed with the workspace as it is at the end, the
 * table would then stand for acts it never saw, and every later run would replay it. So a table
 * is keyed only when nothing but the command's own audit entry came after its mark.
 */
export interface SnapshotMark {
  head: AuditHead;
  /** The snapshot key at the mark; null when none can be taken. */
  key: string | null;
}

/** Takes the mark of an evaluation about to start (see SnapshotMark). */
export function markSnapshot(session: Session, version: CriteriaVersion, lang: Lang): SnapshotMark {
  const head = readAuditHead(session.store);
  return { head, key: computeSnapshotKey(session, version, lang, head) };
}

/**
 * A snapshot is the table as printed, cut in records of about a megabyte, and one line of JSON
 * beside them: its key, its exit facts, and the stage id and count of its chunks. The table,
 * tens of megabytes for 100,000 candidates, is stored as it is printed, piece by piece: it is
 * never held whole, escaped into JSON, nor read or rewritten to key it (rewriting its header in
 * SQL cost some 75 MB of SQLite's memory). Chunks are named by their stage id, so a snapshot
 * whose chunks another command has since replaced is found incomplete, never mixed.
 */
const factsName = (lang: Lang) => `run.snapshot-facts:${lang}`;
const chunkPrefix = (lang: Lang) => `run.snapshot:${lang}#`;
const chunkName = (lang: Lang, stage: string, index: number) =>
  `${chunkPrefix(lang)}${stage}#${String(index).padStart(6, '0')}`;
/** Text per chunk record. */
const CHUNK_LENGTH = 1 << 20;

/** The exit facts stored with a table. */
export type SnapshotFacts = Omit<TableSnapshot, 'key' | 'table'>;

interface StoredFacts extends SnapshotFacts {
  key: string;
  stage: string;
  chunks: number;
}

/** The stored table of `lang` when it was made under `key`, else null. */
export function readTableSnapshot(store: Store, lang: Lang, key: string): TableSnapshot | null {
  const text = getMeta(store, factsName(lang));
  if (!text) return null;
  let stored: StoredFacts;
  try {
    stored = JSON.parse(text) as StoredFacts;
  } catch {
    return null;
  }
  const { stage, chunks, ...facts } = stored;
  if (facts.key !== key || typeof stage !== 'string' || !Number.isInteger(chunks)) return null;
  let table = '';
  for (let index = 0; index < chunks; index += 1) {
    const chunk = getMeta(store, chunkName(lang, stage, index));
    if (chunk === null) return null;
    table += chunk;
  }
  return { ...facts, table };
}

/**
 * Prints the table's pieces with `print` and stores them as they come, under no key yet, so that
 * the table is never held whole; keyTableSnapshot gives it its key once the command's own appends
 * are done. Unkeyed, it matches no key; its random stage id lets only this command key it. The
 * chunks are written outside any transaction (printing may block on a pipe); the facts record,
 * written last with the removal of every other stage's chunks, makes the snapshot.
 */
export function stageTableSnapshot(
  session: Session,
  lang: Lang,
  pieces: Iterable<string>,
  facts: SnapshotFacts,
  print: (piece: string) => void,
  mark: SnapshotMark,
): StagedSnapshot {
  const { store } = session;
  const stage = randomUUID();
  const chunk = new TextPieces(CHUNK_LENGTH);
  let chunks = 0;
  // A store that fails mid-way (busy beyond the retries, disk full) does not cut the table short:
  // the rest is printed, then the failure is thrown.
  let failure: { error: unknown } | undefined;
  const storeChunk = (text: string) => {
    if (failure) return;
    try {
      setMeta(store, chunkName(lang, stage, chunks), text);
      chunks += 1;
    } catch (error) {
      failure = { error };
    }
  };
  for (const piece of pieces) {
    print(piece);
    chunk.text += piece;
    const whole = chunk.take();
    if (whole !== null) storeChunk(whole);
  }
  if (chunk.text !== '' || chunks === 0) storeChunk(chunk.rest());
  if (failure) throw failure.error;
  const stagedAs = JSON.stringify({ key: '', stage, chunks, ...facts });
  withWriteTransaction(store.db, () => {
    setMeta(store, factsName(lang), stagedAs);
    // Also the whole-table record of versions before chunks.
    statement(store.db, 'DELETE FROM meta WHERE (key GLOB ? AND NOT key GLOB ?) OR key = ?').run(
      `${chunkPrefix(lang)}*`,
      `${chunkPrefix(lang)}${stage}#*`,
      `run.snapshot:${lang}`,
    );
  });
  return { lang, stage, chunks, facts, stagedAs, mark };
}

/** What keyTableSnapshot needs of a staged snapshot: its facts, not its table. */
export interface StagedSnapshot {
  lang: Lang;
  stage: string;
  chunks: number;
  facts: SnapshotFacts;
  /** The facts record as staged. */
  stagedAs: string;
  /** The workspace as the evaluation that made the table began reading it. */
  mark: SnapshotMark;
}

/**
 * Keys a snapshot staged by stageTableSnapshot with the workspace as it is now, without reading
 * its table back; null when it cannot be keyed, another command has replaced it meanwhile, or
 * the workspace changed since its mark other than by `own`, the command's own audit entry.
 */
export function keyTableSnapshot(
  session: Session,
  version: CriteriaVersion,
  staged: StagedSnapshot,
  own?: AuditHead,
): string | null {
  const { mark, lang } = staged;
  if (mark.key === null) return null;
  const head = readAuditHead(session.store);
  const expected = own ?? mark.head;
  if (head.seq !== expected.seq || head.hash !== expected.hash) return null;
  if (own && own.seq !== mark.head.seq + 1) return null;
  // The dossiers' generation and the sanctions list, which no audit entry follows, are unchanged.
  if (computeSnapshotKey(session, version, lang, mark.head) !== mark.key) return null;
  const key = computeSnapshotKey(session, version, lang, head);
  if (key === null) return null;
  const keyed = JSON.stringify({ key, stage: staged.stage, chunks: staged.chunks, ...staged.facts });
  return setMetaIf(session.store, factsName(staged.lang), staged.stagedAs, keyed) ? key : null;
}

/**
 * Prints and stores what a full evaluation printed, keyed by the workspace as it is now (for a
 * command that appends nothing after).
 */
export function saveTableSnapshot(
  session: Session,
  version: CriteriaVersion,
  lang: Lang,
  pieces: Iterable<string>,
  facts: SnapshotFacts,
  print: (piece: string) => void,
  mark: SnapshotMark,
): string | null {
  return keyTableSnapshot(session, version, stageTableSnapshot(session, lang, pieces, facts, print, mark));
}
