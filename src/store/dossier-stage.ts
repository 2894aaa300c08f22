import type { DossierSource } from './dossier-sync.js';
import type { StorableDossier } from './dossier-writes.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';

/** Dossiers written to the stage per transaction of the temp table. */
const FLUSH_EVERY = 256;
/** Dossiers read back from the stage at a time by the sync. */
const READ_CHUNK = 512;

/** A staged dossier's fields besides its document, as one JSON text. */
type StagedFacts = Omit<StorableDossier, 'dossier' | 'documentJson'>;

/**
 * Where an ingest keeps what it read until the one transaction that stores it: a TEMP table of
 * this connection. SQLite keeps temp tables in a file behind a bounded page cache, so 100,000
 * parsed dossiers (some 200 MB of JSON text alone) do not wait in the JavaScript heap. No other
 * connection sees the table, and staging takes no lock on the store: another process may write
 * meanwhile. Each dossier has a slot, its place in the ingest's list.
 *
 * Everything is written before the store's write transaction begins (`flush`): the sync only
 * reads the stage, so a transaction that rolls back and starts again finds it whole. `close`
 * drops the table; a closed stage takes nothing more.
 */
export class DossierStage {
  private buffer: { slot: number; dossier: StorableDossier }[] = [];
  /** Made with the first write: an ingest that reads nothing again stages nothing. */
  private created = false;
  private closed = false;

  constructor(private readonly store: Store) {}

  /** Stages one dossier read (written with the next full batch, or by `flush`). */
  put(slot: number, dossier: StorableDossier): void {
    if (this.closed) throw new Error('internal: a dossier was staged after the ingest ended');
    this.buffer.push({ slot, dossier });
    if (this.buffer.length >= FLUSH_EVERY) this.flush();
  }

  /** Writes what `put` still holds. */
  flush(): void {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    if (!this.created) {
      // A stage is rebuilt by the next ingest, never recovered: its writes need no rollback journal.
      this.store.db.pragma('temp.journal_mode = OFF');
      this.store.db.exec(`DROP TABLE IF EXISTS temp.staged_dossiers;
        CREATE TEMP TABLE staged_dossiers (slot INTEGER PRIMARY KEY, facts TEXT NOT NULL, document TEXT)`);
      this.created = true;
    }
    const insert = statement(
      this.store.db,
      'INSERT INTO temp.staged_dossiers (slot, facts, document) VALUES (?, ?, ?)',
    );
    this.store.db.transaction(() => {
      for (const { slot, dossier } of batch) {
        const { dossier: document, documentJson, ...facts } = dossier;
        const text = documentJson ?? (document === null ? null : JSON.stringify(document));
        insert.run(slot, JSON.stringify(facts satisfies StagedFacts), text);
      }
    })();
  }

  /**
   * What the sync walks: for each slot of `ids` (every dossier's id, in slot order), the dossier
   * `unstaged` gives for it (a stub for one not read again), else the one staged there.
   * `betweenChunks` is called before each chunk read after the first, with the slots done.
   */
  source(
    ids: readonly string[],
    unstaged: (slot: number) => StorableDossier | undefined,
    betweenChunks?: (done: number) => void,
  ): DossierSource {
    if (this.buffer.length > 0) throw new Error('internal: the stage was read before it was flushed');
    return { ids, [Symbol.iterator]: () => this.walk(ids, unstaged, betweenChunks) };
  }

  private *walk(
    ids: readonly string[],
    unstaged: (slot: number) => StorableDossier | undefined,
    betweenChunks?: (done: number) => void,
  ): Generator<StorableDossier> {
    for (let from = 0; from < ids.length; from += READ_CHUNK) {
      if (from > 0) betweenChunks?.(from);
      const to = Math.min(from + READ_CHUNK, ids.length);
      const staged = this.read(from, to);
      for (let slot = from; slot < to; slot++) {
        const dossier = unstaged(slot) ?? staged.get(slot);
        if (dossier === undefined) throw new Error(`internal: ${ids[slot]} was read but not staged`);
        yield dossier;
      }
    }
  }

  /** The staged dossiers whose slot is in [from, to), by slot; a document comes back as `documentJson`. */
  private read(from: number, to: number): Map<number, StorableDossier> {
    if (!this.created) return new Map();
    const rows = statement(
      this.store.db,
      'SELECT slot, facts, document FROM temp.staged_dossiers WHERE slot >= ? AND slot < ? ORDER BY slot',
    )
      .raw()
      .all(from, to) as [number, string, string | null][];
    const staged = new Map<number, StorableDossier>();
    for (const [slot, facts, document] of rows) {
      const dossier: StorableDossier = { ...(JSON.parse(facts) as StagedFacts), dossier: null };
      if (document !== null) dossier.documentJson = document;
      staged.set(slot, dossier);
    }
    return staged;
  }

  /** Drops the table and whatever was staged. */
  close(): void {
    this.closed = true;
    this.buffer = [];
    if (!this.created) return;
    this.created = false;
    this.store.db.exec('DROP TABLE IF EXISTS temp.staged_dossiers');
    // The temp database's page cache (up to 16 MB) would otherwise stay with the connection.
    this.store.db.pragma('shrink_memory');
  }
}
