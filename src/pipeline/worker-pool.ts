import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A small pool of worker threads that each take a batch of tasks and answer with one result per
 * task, in order. Batches go to whichever worker is free, so a slow batch never holds up the rest.
 */
export interface WorkerPool<Task, Result> {
  /** Queues a batch; resolves with its results in the batch's order. */
  run(batch: Task[]): Promise<Result[]>;
  /** Stops every worker (queued batches are rejected). */
  close(): Promise<void>;
}

interface Job<Task, Result> {
  batch: Task[];
  resolve: (results: Result[]) => void;
  reject: (error: Error) => void;
}

/**
 * True when `script` can run as a worker: it exists as built JavaScript. Under the TypeScript
 * sources (tests) it does not, and callers do the work in-process instead.
 */
export function workerScriptAvailable(script: URL): boolean {
  return fs.existsSync(fileURLToPath(script));
}

/** How many workers to start: one per core, at least one, at most `cap`. */
export function defaultWorkerCount(cap = 4): number {
  return Math.max(1, Math.min(cap, os.availableParallelism()));
}

/**
 * The young generation each worker may grow to. V8's default (three 16 MB semi-spaces per
 * isolate on 64-bit) let two workers and the main thread reach 320–340 MB of RSS while scoring
 * 10,000 dossiers; at 8 MB the same score peaked at 250–260 MB in the same time: a worker's
 * objects live for one batch, so a smaller nursery only scavenges more often, and cheaply.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * Starts `size` workers running `script` with `workerData`. Each worker must answer every batch
 * message with `{ results }` or `{ error }`.
 */
export function startWorkerPool<Task, Result>(
  script: URL,
  workerData: unknown,
  size: number,
): WorkerPool<Task, Result> {
  const queue: Job<Task, Result>[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job<Task, Result>>();
  let failure: Error | null = null;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Job<Task, Result>;
      busy.set(worker, job);
      worker.postMessage(job.batch);
    }
  };
  const fail = (error: Error) => {
    failure ??= error;
    for (const job of [...busy.values(), ...queue.splice(0)]) job.reject(error);
    busy.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(script, {
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    worker.on('message', (message: { results?: Result[]; error?: string }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve(message.results ?? []);
      dispatch();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && failure === null) fail(new Error(`worker thread exited with code ${code}`));
    });
    idle.push(worker);
    return worker;
  });

  return {
    run(batch) {
      if (failure) return Promise.reject(failure);
      return new Promise<Result[]>((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        dispatch();
      });
    },
    async close() {
      failure ??= new Error('worker pool closed');
      for (const job of queue.splice(0)) job.reject(failure);
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
