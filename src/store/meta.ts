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
 * Compare-and-set: replaces a record's value with `value` only when it is `expected`, in one
 * transaction. False when the record is absent or holds another value.
 */
export function setMetaIf(store: Store, key: string, expected: string, value: string): boolean {
  return withWriteTransaction(
    store.db,
    () =>
      statement(store.db, 'UPDATE meta SET value = ? WHERE key = ? AND value = ?').run(value, key, expected)
        .changes > 0,
  );
}
