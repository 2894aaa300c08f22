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
import {
  type CriteriaVersion,
  getMeta,
  readAuditHead,
  type Store,
  setMeta,
  setMetaIf,
  withWriteTransaction,
} from '../store/index.js';
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
export function computeSnapshotKey(session: Session, version: CriteriaVersion, lang: Lang): string | null {
  const hash = createHash('sha256');
  const add = (...parts: (string | number)[]) => hash.update(`${parts.join('\u0001')}\n`);
  add('prequal-run-snapshot', 1, lang);
  // The table is coloured or not (terminal, NO_COLOR, FORCE_COLOR): each is a different text.
  add('colour', chalk.level);
  add('context', session.contextHash, session.tenderHash);
  add('criteria', version.version, version.hash);
  const head = readAuditHead(session.store);
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

/**
 * A snapshot is two records: the table as printed, and one line of JSON beside it (key,
 * finality, evaluable). The table, megabytes for a large tender, is then never escaped into JSON
 * and parsed back, nor read or rewritten to key it (at 100,000 candidates, rewriting its header
 * in SQL cost some 75 MB of SQLite's memory). Both are written in one transaction.
 */
const tableName = (lang: Lang) => `run.snapshot:${lang}`;
const factsName = (lang: Lang) => `run.snapshot-facts:${lang}`;

/** The stored table of `lang` when it was made under `key`, else null. */
export function readTableSnapshot(store: Store, lang: Lang, key: string): TableSnapshot | null {
  const text = getMeta(store, factsName(lang));
  if (!text) return null;
  let facts: Omit<TableSnapshot, 'table'>;
  try {
    facts = JSON.parse(text) as Omit<TableSnapshot, 'table'>;
  } catch {
    return null;
  }
  if (facts.key !== key) return null;
  const table = getMeta(store, tableName(lang));
  return table === null ? null : { ...facts, table };
}

function writeSnapshot(store: Store, lang: Lang, table: string, facts: string): void {
  withWriteTransaction(store.db, () => {
    setMeta(store, tableName(lang), table);
    setMeta(store, factsName(lang), facts);
  });
}

/**
 * Stores what a full evaluation printed under no key yet, so that the table (tens of megabytes
 * for 100,000 candidates) need not be held while the exports run; keyTableSnapshot gives it its
 * key once the command's own appends are done. Unkeyed, it matches no key; its facts carry a
 * random stage id, so that only this command keys it.
 */
export function stageTableSnapshot(
  session: Session,
  lang: Lang,
  content: Omit<TableSnapshot, 'key'>,
): StagedSnapshot {
  const { table, ...facts } = content;
  const staged = { lang, facts, stagedAs: JSON.stringify({ key: '', stage: randomUUID(), ...facts }) };
  writeSnapshot(session.store, lang, table, staged.stagedAs);
  return staged;
}

/** What keyTableSnapshot needs of a staged snapshot: its facts, not its table. */
export interface StagedSnapshot {
  lang: Lang;
  facts: Omit<TableSnapshot, 'key' | 'table'>;
  /** The facts record as staged. */
  stagedAs: string;
}

/**
 * Keys a snapshot staged by stageTableSnapshot with the workspace as it is now, without reading
 * its table back; null when it cannot be keyed or another command has replaced it meanwhile.
 */
export function keyTableSnapshot(
  session: Session,
  version: CriteriaVersion,
  staged: StagedSnapshot,
): string | null {
  const key = computeSnapshotKey(session, version, staged.lang);
  if (key === null) return null;
  const keyed = JSON.stringify({ key, ...staged.facts });
  return setMetaIf(session.store, factsName(staged.lang), staged.stagedAs, keyed) ? key : null;
}

/** Stores what a full evaluation printed, keyed by the workspace as it is now (after its appends). */
export function saveTableSnapshot(
  session: Session,
  version: CriteriaVersion,
  lang: Lang,
  content: Omit<TableSnapshot, 'key'>,
): string | null {
  const key = computeSnapshotKey(session, version, lang);
  if (key === null) return null;
  const { table, ...facts } = content;
  writeSnapshot(session.store, lang, table, JSON.stringify({ key, ...facts }));
  return key;
}
