import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Context } from '../context.js';
import type { Tender } from '../core/types.js';
import { readTender } from '../dossier/index.js';
import { openStore, type Store, syncCommitteeFromTender } from '../store/index.js';
import { toolBuild } from '../version.js';

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
 * Reads tender.yaml (a broken one stops the command with every problem listed), opens the
 * store, and registers the committee members tender.yaml names.
 */
export function openSession(ctx: Context): Session {
  const { tender, hash, text } = readTender(ctx.workspace);
  const store = openStore(path.join(ctx.workspace, STORE_FILE));
  const at = ctx.now().toISOString();
  syncCommitteeFromTender(store, tender.committee, at);
  const contextHash = createHash('sha256').update(`${hash}\n${toolBuild()}`).digest('hex');
  return { ctx, tender, tenderHash: hash, tenderText: text, store, at, contextHash };
}

export function closeSession(session: Session): void {
  session.store.close();
}

/** Opens a session, runs `fn`, and always closes the store. */
export async function withSession<T>(ctx: Context, fn: (session: Session) => Promise<T> | T): Promise<T> {
  const session = openSession(ctx);
  try {
    return await fn(session);
  } finally {
    closeSession(session);
  }
}
