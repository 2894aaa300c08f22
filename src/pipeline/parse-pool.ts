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

/**
 * Reads dossiers in the order they are added: in-process for a few, on worker threads for many,
 * so that parsing overlaps whatever the caller does between `add` calls (stat-ing the next ones).
 */
export class DossierReader {
  private readonly tasks: ParseTask[] = [];
  private readonly batches: Promise<ParsedEntry[]>[] = [];
  private pool: WorkerPool<ParseTask, ParsedEntry> | null = null;
  private sent = 0;
  private done = 0;
  private readonly minForWorkers: number;
  private readonly batchSize: number;
  private readonly script: URL;

  constructor(
    private readonly workspace: string,
    private readonly tender: Tender,
    private readonly options: DossierReaderOptions = {},
  ) {
    this.minForWorkers = Math.max(1, options.minForWorkers ?? 200);
    this.batchSize = options.batchSize ?? 64;
    this.script = options.script ?? WORKER_SCRIPT;
  }

  /** Queues one dossier; batches leave for the workers as soon as there are enough of them. */
  add(task: ParseTask): void {
    this.tasks.push(task);
    // Checked once, when the count is reached: the script is looked for a single time.
    if (
      this.pool === null &&
      this.tasks.length === this.minForWorkers &&
      workerScriptAvailable(this.script)
    ) {
      const size = this.options.workers ?? defaultWorkerCount();
      this.pool = startWorkerPool(this.script, { workspace: this.workspace, tender: this.tender }, size);
    }
    if (this.pool !== null) this.sendFullBatches();
  }

  /** Every dossier added, read, in the order added; the workers are stopped. */
  async finish(): Promise<StorableDossier[]> {
    try {
      if (this.pool === null) {
        if (this.tasks.length === 0) return [];
        // The reader and its schemas load only when there is something to read.
        const { readDossier } = await import('../dossier/read-dossier.js');
        return this.tasks.map((task) => {
          const read = readDossier(this.workspace, task.entry, this.tender, task.options);
          this.options.onRead?.(++this.done);
          return read;
        });
      }
      this.sendFullBatches(true);
      const parsed = (await Promise.all(this.batches)).flat();
      return parsed.map(({ read, documentJson }) =>
        documentJson === null ? read : { ...read, documentJson },
      );
    } finally {
      await this.pool?.close();
    }
  }

  private sendFullBatches(all = false): void {
    const pool = this.pool as WorkerPool<ParseTask, ParsedEntry>;
    while (this.tasks.length - this.sent >= this.batchSize || (all && this.sent < this.tasks.length)) {
      const batch = this.tasks.slice(this.sent, this.sent + this.batchSize);
      this.sent += batch.length;
      const results = pool.run(batch).then((parsed) => {
        this.done += parsed.length;
        this.options.onRead?.(this.done);
        return parsed;
      });
      // A failure surfaces in finish(); until then it must not count as unhandled.
      results.catch(() => undefined);
      this.batches.push(results);
    }
  }
}
