/**
 * Worker thread of a re-score: evaluates batches of stored dossiers against some criteria each.
 * Started by refresh-evaluations.ts with the criteria and the tender as workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CriteriaSet, Tender } from '../core/types.js';
import { type EvaluationTask, evaluateTask } from './evaluate-text.js';

const { criteria, tender } = workerData as { criteria: CriteriaSet; tender: Tender };

parentPort?.on('message', (batch: EvaluationTask[]) => {
  try {
    const results = batch.map((task) => evaluateTask(task, criteria, tender));
    parentPort?.postMessage({ results });
  } catch (error) {
    parentPort?.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
