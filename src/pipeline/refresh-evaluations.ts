import {
  type CriteriaVersion,
  type DossierSourceText,
  type EvaluationText,
  getDossierTexts,
  listActiveDossierHeads,
  listCachedEvaluationKeys,
  listEvaluableDossiers,
  saveEvaluationTexts,
} from '../store/index.js';
import { evaluateDossierText } from './evaluate-text.js';
import type { Session } from './session.js';
import { defaultWorkerCount, startWorkerPool, workerScriptAvailable } from './worker-pool.js';

export interface RefreshResult {
  /** Valid active dossiers, each now with a cached evaluation. */
  evaluated: number;
  /** How many of them were evaluated now (the rest were cached already). */
  computed: number;
  /** Active dossiers that could not be read. */
  invalid: number;
}

export interface RefreshOptions {
  onProgress?: (done: number, total: number) => void;
  /** Below this many dossiers to evaluate, evaluation stays on this thread (default 200). */
  minForWorkers?: number;
  /** Dossiers per worker message and per store transaction (default 100). */
  batchSize?: number;
  /** Worker script; tests point it at the built file. */
  script?: URL;
}

const WORKER_SCRIPT = new URL('./evaluate-worker.js', import.meta.url);

/**
 * Brings the evaluation cache up to date for a criteria version: every valid active dossier
 * without a cached result for its current content is evaluated (on worker threads when there
 * are many) and stored, batch by batch. Nothing is parsed on this thread and no evaluation is
 * kept in memory once stored, so `evaluateWorkspace` then reads everything from the cache.
 */
export async function refreshEvaluations(
  session: Session,
  version: CriteriaVersion,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  const { store } = session;
  const active = listActiveDossierHeads(store).length;
  const cached = listCachedEvaluationKeys(store, version.version, session.contextHash);
  const evaluable = listEvaluableDossiers(store);
  const missing = evaluable.filter((dossier) => cached.get(dossier.id) !== dossier.hash).map((d) => d.id);
  const total = evaluable.length;
  let done = total - missing.length;
  options.onProgress?.(done, total);
  // A dossier the engine failed on comes back as null: left uncached, for scoreCandidates to report.
  const save = (texts: (EvaluationText | null)[]) => {
    const evaluated = texts.filter((text): text is EvaluationText => text !== null);
    saveEvaluationTexts(store, version.version, session.contextHash, evaluated);
    done += texts.length;
    options.onProgress?.(done, total);
  };
  const batchSize = options.batchSize ?? 100;
  // Dossiers are loaded a batch at a time, just before they are sent: memory stays bounded.
  const batchAt = (start: number) => getDossierTexts(store, missing.slice(start, start + batchSize));
  const script = options.script ?? WORKER_SCRIPT;
  if (missing.length < (options.minForWorkers ?? 200) || !workerScriptAvailable(script)) {
    for (let start = 0; start < missing.length; start += batchSize)
      save(batchAt(start).map((source) => evaluateDossierText(source, version.criteria, session.tender)));
  } else {
    const size = Math.min(defaultWorkerCount(), Math.ceil(missing.length / batchSize));
    const pool = startWorkerPool<DossierSourceText, EvaluationText | null>(
      script,
      { criteria: version.criteria, tender: session.tender },
      size,
    );
    try {
      await runWindowed(missing.length, batchSize, size * 2, (start) => pool.run(batchAt(start)).then(save));
    } finally {
      await pool.close();
    }
  }
  return { evaluated: total, computed: missing.length, invalid: active - total };
}

/**
 * Runs `job` for each batch start, with at most `window` jobs under way; the first failure
 * stops it and is thrown (a failure is never lost, even one that ends between two waits).
 */
async function runWindowed(
  count: number,
  batchSize: number,
  window: number,
  job: (start: number) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  for (let start = 0; start < count && failure === null; start += batchSize) {
    while (running.size >= window) await Promise.race(running);
    if (failure !== null) break;
    const task: Promise<void> = job(start)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(task));
    running.add(task);
  }
  await Promise.all(running);
  if (failure !== null) throw (failure as { error: unknown }).error;
}
