import type Database from 'better-sqlite3';
import { dbOf, type StoreOrDb } from './store-handle.js';

/** Total time spent sleeping between attempts before giving up on a busy database. */
export const DEFAULT_MAX_BUSY_WAIT_MS = 30_000;
const FIRST_DELAY_MS = 5;
const LONGEST_DELAY_MS = 1_000;

export interface BusyRetryOptions {
  /** Sleep budget across attempts, in ms (default 30 s). SQLite's own busy_timeout comes on top. */
  maxWaitMs?: number;
  /** Called before the first sleep: the store is locked by another process and this one waits. */
  onWait?: () => void;
}

/** Per connection, who to tell that a write waits for another process (see noticeLockWaits). */
const waitNotices = new WeakMap<Database.Database, () => void>();

/**
 * Has `notify` called once, the first time a write transaction on `target` finds the store locked
 * by another process and has to wait: a wait can last minutes, and a silent one looks like a hang.
 */
export function noticeLockWaits(target: StoreOrDb, notify: () => void): void {
  let told = false;
  waitNotices.set(dbOf(target), () => {
    if (told) return;
    told = true;
    notify();
  });
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` milliseconds (better-sqlite3 is synchronous, so there is nothing to yield to). */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** True for SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY…). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, sleeping with a jittered exponential
 * backoff in between. The budget counts the sleeps only, so no clock is read.
 */
export function retryOnBusy<T>(attempt: () => T, options: BusyRetryOptions = {}): T {
  const budget = options.maxWaitMs ?? DEFAULT_MAX_BUSY_WAIT_MS;
  let slept = 0;
  let delay = FIRST_DELAY_MS;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusyError(error) || slept >= budget) throw error;
      if (slept === 0) options.onWait?.();
      const pause = Math.min(budget - slept, Math.ceil(delay * (0.5 + Math.random())));
      sleepSync(pause);
      slept += pause;
      delay = Math.min(delay * 2, LONGEST_DELAY_MS);
    }
  }
}

let savepointDepth = 0;

/**
 * Runs `fn` inside a `BEGIN IMMEDIATE` transaction: it commits when `fn` returns and rolls back
 * when it throws. IMMEDIATE takes the write lock up front, so two prequal processes serialise
 * instead of failing on a read-to-write lock upgrade; SQLITE_BUSY that still comes back (at once,
 * despite busy_timeout) makes the whole transaction start again after a short sleep, so `fn`
 * must touch nothing but the database.
 *
 * Called inside another transaction, `fn` runs in a savepoint of it: the outer transaction decides
 * the commit, and a throwing `fn` still leaves nothing of its own behind. That is how a change and
 * the audit entry recording it land together.
 */
export function withWriteTransaction<T>(target: StoreOrDb, fn: () => T, options: BusyRetryOptions = {}): T {
  const db = dbOf(target);
  if (db.inTransaction) return withSavepoint(db, fn);
  const onWait = options.onWait ?? waitNotices.get(db);
  return retryOnBusy(
    () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = fn();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    { ...options, ...(onWait ? { onWait } : {}) },
  );
}

function withSavepoint<T>(db: Database.Database, fn: () => T): T {
  const name = `prequal_nested_${++savepointDepth}`;
  db.exec(`SAVEPOINT ${name}`);
  try {
    const result = fn();
    db.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
    throw error;
  } finally {
    savepointDepth--;
  }
}
