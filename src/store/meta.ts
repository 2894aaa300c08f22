import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/** A small key/value record (e.g. `export-hash:out/shortlist.xlsx`), null when absent. */
export function getMeta(store: Store, key: string): string | null {
  const row = statement(store.db, 'SELECT value FROM meta WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

/** Sets a key/value record; writes nothing when the value is already the same. */
export function setMeta(store: Store, key: string, value: string): void {
  withWriteTransaction(store.db, () => {
    statement(
      store.db,
      `INSERT INTO meta (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value`,
    ).run(key, value);
  });
}

/**
 * Replaces a record's first line (up to its first newline) with `line` when it is `expected`,
 * keeping the rest as stored, so a value of many megabytes is never read back to change its
 * header. False when the record is absent or its first line is another.
 */
export function setMetaFirstLine(store: Store, key: string, expected: string, line: string): boolean {
  return withWriteTransaction(
    store.db,
    () =>
      statement(
        store.db,
        `UPDATE meta SET value = ? || substr(value, instr(value, char(10)))
         WHERE key = ? AND instr(value, char(10)) > 0
           AND substr(value, 1, instr(value, char(10)) - 1) = ?`,
      ).run(line, key, expected).changes > 0,
  );
}
