import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { Lang, Tender } from '../core/types.js';
import { readConfigSource, TENDER_FILE } from '../dossier/config-source.js';
import {
  noticeLockWaits,
  openStore,
  openStoreForInspection,
  openStoreForReading,
  type Store,
  syncCommitteeFromTender,
} from '../store/index.js';
import { describeStoreError } from '../store/store-error.js';
import { checkedTender, tenderCheckKey, tenderWithoutRecording, validateTender } from './checked-config.js';
import { assertWorkspaceFolder } from './workspace-folder.js';

/** An open workspace: its tender, its store and the run's single clock reading. */
export interface Session {
  ctx: Context;
  tender: Tender;
  tenderHash: string;
  tenderText: string;
  store: Store;
  /** The run's time, read once so every record of one command shares it. */
  at: string;
  /**
   * Hash of what besides the dossier and the criteria an evaluation depends on (the tender
   * and the tool version): a cached result is reused only when it matches.
   */
  contextHash: string;
}

export const STORE_FILE = 'prequal.db';

/**
 * What a command does with the store: `write` (the default) refuses one it may not write; `read`,
 * for commands that store nothing of their own, also works on a store it may not write (read-only
 * media, an archived evaluation), from a private copy (see openStoreForReading); `inspect`, for a
 * check that must not change what it checks (`audit verify`), writes nothing at all: the store is
 * opened query-only (openStoreForInspection), the validated tender is not recorded, and
 * tender.yaml's committee is not registered (the command compares it with the store's instead).
 */
export type StoreAccess = 'read' | 'write' | 'inspect';

/** Meta key holding the hash of the tender.yaml the stored dossiers were read against. */
export const TENDER_KEY = 'ingest.tender_hash';

/**
 * Checks the workspace is a folder (a mistyped --workspace is a usage error), reads tender.yaml
 * (a broken one stops the command with every problem listed), opens the store as `access` asks,
 * and, unless inspecting, registers the committee members tender.yaml names. The tender is
 * validated only when its bytes or the build changed since it last was (see checked-config.ts);
 * a broken one is reported before a new store is created for it.
 */
export async function openSession(ctx: Context, access: StoreAccess = 'write'): Promise<Session> {
  assertWorkspaceFolder(ctx.workspace);
  const source = readConfigSource(ctx.workspace, path.join(ctx.workspace, TENDER_FILE));
  const file = path.join(ctx.workspace, STORE_FILE);
  const validated = fs.existsSync(file) ? undefined : await validateTender(source);
  const store = openStoreFor(access, file);
  noticeLockWaits(store, () =>
    ctx.err(
      'waiting: prequal.db is locked by another process (another prequal command?); going on once it is released\n',
    ),
  );
  try {
    const inspecting = access === 'inspect';
    const tender = inspecting
      ? await tenderWithoutRecording(store, source)
      : await checkedTender(store, source, validated);
    const at = ctx.now().toISOString();
    if (!inspecting) syncCommitteeFromTender(store, tender.committee, at);
    // The text as the parser decodes it (BOM dropped), for the run records.
    const text = new TextDecoder().decode(source.bytes);
    const contextHash = tenderCheckKey(source);
    return { ctx, tender, tenderHash: source.hash, tenderText: text, store, at, contextHash };
  } catch (error) {
    store.close();
    throw error;
  }
}

function openStoreFor(access: StoreAccess, file: string): Store {
  if (access === 'inspect') return openStoreForInspection(file);
  return access === 'read' ? openStoreForReading(file) : openStore(file);
}

export function closeSession(session: Session): void {
  session.store.close();
}

/**
 * Opens a session, runs `fn`, and always closes the store. A store SQLite cannot use (damaged,
 * not a database, read-only, disk full) is reported in one line naming the file, not as a crash.
 */
export async function withSession<T>(
  ctx: Context,
  fn: (session: Session) => Promise<T> | T,
  options: { access?: StoreAccess } = {},
): Promise<T> {
  try {
    const session = await openSession(ctx, options.access);
    try {
      return await fn(session);
    } finally {
      closeSession(session);
    }
  } catch (error) {
    throw describeStoreError(path.join(ctx.workspace, STORE_FILE), error);
  }
}

/** `withSession` for a command that stores nothing of its own: it also reads a store it may not write. */
export function withReadingSession<T>(ctx: Context, fn: (session: Session) => Promise<T> | T): Promise<T> {
  return withSession(ctx, fn, { access: 'read' });
}

/** The language of reports and tables: --lang, else the tender's first. */
export function reportLanguage(session: Session, lang?: string): Lang {
  return (lang as Lang | undefined) ?? session.tender.languages[0] ?? 'fr';
}
