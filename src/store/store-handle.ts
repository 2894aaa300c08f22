import type Database from 'better-sqlite3';

/** An open prequal store: one SQLite connection on `<workspace>/prequal.db`. */
export interface Store {
  readonly db: Database.Database;
  /** Path of the database file, for messages. */
  readonly file: string;
  /**
   * Nothing reaches the file: a read-only connection, or a private temporary copy of a store this
   * process may not write (store-copy.ts), which takes writes and drops them at close.
   */
  readonly readonly: boolean;
  close(): void;
}

/** Either an open store or its raw connection (what transaction helpers hand around). */
export type StoreOrDb = Store | Database.Database;

/** The raw connection behind a store, or the connection itself. */
export function dbOf(target: StoreOrDb): Database.Database {
  return 'db' in target ? target.db : target;
}
