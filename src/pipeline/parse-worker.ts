/**
 * Worker thread of the ingest: reads, parses and validates batches of dossiers (the CPU-heavy
 * part) while the main thread lists folders and writes the store. Started by parse-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Tender } from '../core/types.js';
import { readDossier } from '../dossier/read-dossier.js';
import type { ParsedEntry, ParseTask } from './parse-pool.js';

const { workspace, tender } = workerData as { workspace: string; tender: Tender };

parentPort?.on('message', (batch: ParseTask[]) => {
  try {
    const results: ParsedEntry[] = batch.map((task) => {
      const read = readDossier(workspace, task.entry, tender, task.options);
      // Serialised here so the main thread neither clones the object graph nor stringifies it.
      const documentJson = read.dossier === null ? null : JSON.stringify(read.dossier);
      return { read: { ...read, dossier: null }, documentJson };
    });
    parentPort?.postMessage({ results });
  } catch (error) {
    parentPort?.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
