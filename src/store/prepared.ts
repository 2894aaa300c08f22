import type Database from 'better-sqlite3';

// Statements are prepared once per connection and reused: preparing costs more than running,
// and the sync and audit paths run the same statements thousands of times.
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement for `sql` on `db`, reused across calls. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  return prepared;
}

/** Parses a JSON column that may be NULL. */
export function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
