import type { ReadDossier, Tender } from '../core/types.js';
import type { DossierEntry } from '../dossier/list-dossier-entries.js';
import type { ReadDossierOptions } from '../dossier/read-dossier.js';
import type { StorableDossier } from '../store/index.js';
import {
  defaultWorkerCount,
  startWorkerPool,
  type WorkerPool,
  workerScriptAvailable,
} from './worker-pool.js';

/** One dossier to read. */
export interface ParseTask {
  entry: DossierEntry;
  options: ReadDossierOptions;
}

/** A read dossier; from a worker its document comes serialised (`dossier` null, `documentJson` set). */
export interface ParsedEntry {
  read: ReadDossier;
  documentJson: string | null;
}

export interface DossierReaderOptions {
  /** Below this many dossiers to read, starting threads costs more than it saves (default 200). */
  minForWorkers?: number;
  /** Dossiers per message to a worker (default 64). */
  batchSize?: number;
  /** Worker threads (default: one per core, at most 4). */
  workers?: number;
  /** Worker script; tests point it at the built file. */
  script?: URL;
  /** Called with the number of dossiers read so far. */
  onRead?: (done: number) => void;
}

const WORKER_SCRIPT = new URL('./parse-worker.js', import.meta.url);

/** Takes one read dossier and its position among those added (0 for the first `add`). */
export type ReadDossierSink = (index: number, dossier: StorableDossier) => void;

/**
 * Reads dossiers in-process for a few, on worker threads for many, so that parsing overlaps
 * whatever the caller does between `add` calls (stat-ing the next ones; the caller must let the
 * event loop turn now and then, or finished batches wait and the workers idle). Each dossier goes
 * to `sink` as soon as it is read, batches in the order they finish: nothing keeps the whole read
 * in memory.
 */
export class DossierReader {
  /** Added and not yet handed to a worker (all of them while reading in-process). */
  private readonly pending: ParseTask[] = [];
  private added = 0;
  private readonly batches: Promise<void>[] = [];
  private pool: WorkerPool<ParseTask, ParsedEntry> | null = null;
  private done = 0;
  private closed = false;
  /** Set once a batch failed: `finish` reports it, and nobody waits for the rest any more. */
  private failed = false;
  /** Callers of `waitForBacklog`, woken whenever a batch ends. */
  private waiting: (() => void)[] = [];
  private readonly minForWorkers: number;
  private readonly batchSize: number;
  private readonly script: URL;

  constructor(
    private readonly workspace: string,
    private readonly tender: Tender,
    private readonly sink: ReadDossierSink,
    private readonly options: DossierReaderOptions = {},
  ) {
    this.minForWorkers = Math.max(1, options.minForWorkers ?? 200);
    this.batchSize = options.batchSize ?? 64;
    this.script = options.script ?? WORKER_SCRIPT;
  }

  /** Queues one dossier; batches leave for the workers as soon as there are enough of them. */
  add(task: ParseTask): void {
    if (this.closed) throw new Error('internal: a dossier was added to a closed reader');
    this.pending.push(task);
    this.added += 1;
    // Checked once, when the count is reached: the script is looked for a single time.
    if (this.pool === null && this.added === this.minForWorkers && workerScriptAvailable(this.script)) {
      const size = this.options.workers ?? defaultWorkerCount();
      this.pool = startWorkerPool(this.script, { workspace: this.workspace, tender: this.tender }, size);
    }
    if (this.pool !== null) this.sendFullBatches();
  }

  /**
   * Resolves once at most `limit` dossiers sent to the workers wait for their answer (at once when
   * reading in-process, where nothing is read before `finish`). Those not yet sent, fewer than a
   * batch, do not count: nothing would read them before the next `add` or `finish`. A caller
   * adding faster than the workers read waits here, so what it keeps for each dossier in flight
   * (its task, its file state) stays bounded: at 100,000 dossiers, an ingest that ran ahead held
   * some 100 MB of them, and V8 let its heap grow to several times that before collecting.
   */
  async waitForBacklog(limit: number): Promise<void> {
    while (
      this.pool !== null &&
      !this.closed &&
      !this.failed &&
      this.added - this.pending.length - this.done > limit
    ) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Resolves once every dossier added has gone to the sink; the workers are stopped. */
  async finish(): Promise<void> {
    if (this.closed) throw new Error('internal: a closed reader was asked to finish');
    try {
      if (this.pool === null) {
        if (this.pending.length === 0) return;
        // The reader and its schemas load only when there is something to read.
        const { readDossier } = await import('../dossier/read-dossier.js');
        this.pending.forEach((task, index) => {
          this.sink(index, readDossier(this.workspace, task.entry, this.tender, task.options));
          this.options.onRead?.(++this.done);
        });
        return;
      }
      this.sendFullBatches(true);
      await Promise.all(this.batches);
    } finally {
      await this.close();
    }
  }

  /** Stops the workers; nothing more goes to the sink, even from a batch still in flight. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  private sendFullBatches(all = false): void {
    const pool = this.pool as WorkerPool<ParseTask, ParsedEntry>;
    while (this.pending.length >= this.batchSize || (all && this.pending.length > 0)) {
      const first = this.added - this.pending.length;
      const batch = this.pending.splice(0, this.batchSize);
      const results = pool.run(batch).then((parsed) => {
        if (this.closed) return;
        parsed.forEach(({ read, documentJson }, offset) => {
          this.sink(first + offset, documentJson === null ? read : { ...read, documentJson });
        });
        this.done += parsed.length;
        this.options.onRead?.(this.done);
      });
      // A failure surfaces in finish(); until then it must not count as unhandled.
      results.then(
        () => this.wake(),
        () => {
          this.failed = true;
          this.wake();
        },
      );
      this.batches.push(results);
    }
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
