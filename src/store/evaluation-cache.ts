import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { summarizeEvaluation } from '../core/summarize.js';
import type { CandidateEvaluation } from '../core/types.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/*
 * Automatic evaluations, cached by (criteria version, context, candidate, dossier hash), so that
 * re-scoring with nothing changed recomputes nothing. `contextHash` stands for every other input an
 * evaluation depends on — tender.yaml (deadline, exchange rates, country groups) and the tool
 * version at least — so that correcting an exchange rate cannot serve a stale result.
 * Each row holds the summary (core/summarize.ts) that ranking reads for every candidate, and the
 * full evaluation, raw-deflated, that the exports read one candidate at a time (schema-v3.ts).
 * Results of earlier criteria versions are kept.
 */

/** The current-content, summarised rows of a criteria version and context. */
const CURRENT_ROWS = `FROM evaluations e
     JOIN dossiers d ON d.id = e.candidate AND d.hash = e.dossier_hash AND d.status <> 'withdrawn'
     WHERE e.criteria_version = ? AND e.context_hash = ?`;

/**
 * Cached evaluation summaries for the current content of every active dossier, by candidate id.
 * An evaluation of an earlier content of a dossier (another hash) is not returned.
 */
export function getCachedSummaries(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
): Map<string, CandidateEvaluation> {
  const rows = statement(
    store.db,
    `SELECT e.candidate, e.summary AS summary ${CURRENT_ROWS} ORDER BY e.candidate`,
  ).all(criteriaVersion, contextHash) as { candidate: string; summary: string }[];
  return new Map(rows.map((row) => [row.candidate, JSON.parse(row.summary) as CandidateEvaluation]));
}

/** The full cached evaluation of one candidate's current content; null when none is cached. */
export function getCachedEvaluation(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
  candidate: string,
): CandidateEvaluation | null {
  const row = statement(store.db, `SELECT e.detail ${CURRENT_ROWS} AND e.candidate = ?`).get(
    criteriaVersion,
    contextHash,
    candidate,
  ) as { detail: Buffer } | undefined;
  return row ? (JSON.parse(inflateRawSync(row.detail).toString('utf8')) as CandidateEvaluation) : null;
}

/** An evaluation already serialised (by an evaluation worker), with its key. */
export interface EvaluationText {
  id: string;
  dossierHash: string;
  /** `JSON.stringify` of its summary (summarizeEvaluation). */
  summary: string;
  /** `JSON.stringify` of the CandidateEvaluation, raw-deflated. */
  detail: Uint8Array;
}

/**
 * The form of `evaluation` that the cache stores, made where the evaluation is (a worker thread):
 * compressing at level 1 costs little there and spares the store most of the bytes.
 */
export function toEvaluationText(evaluation: CandidateEvaluation): EvaluationText {
  return {
    id: evaluation.id,
    dossierHash: evaluation.dossierHash,
    summary: JSON.stringify(summarizeEvaluation(evaluation)),
    detail: deflateRawSync(JSON.stringify(evaluation), { level: 1 }),
  };
}

/** Stores evaluations (keyed by each one's `id` and `dossierHash`) in one transaction. */
export function saveEvaluations(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
  evaluations: readonly CandidateEvaluation[],
): void {
  saveEvaluationTexts(store, criteriaVersion, contextHash, evaluations.map(toEvaluationText));
}

/**
 * Candidate id → dossier hash of every cached evaluation that still matches the dossier's
 * current content: what a re-score needs to know, without reading the evaluations themselves.
 */
export function listCachedEvaluationKeys(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
): Map<string, string> {
  const rows = statement(store.db, `SELECT e.candidate, e.dossier_hash ${CURRENT_ROWS}`).all(
    criteriaVersion,
    contextHash,
  ) as { candidate: string; dossier_hash: string }[];
  return new Map(rows.map((row) => [row.candidate, row.dossier_hash]));
}

/** As `saveEvaluations`, for evaluations serialised elsewhere; stores the very same text. */
export function saveEvaluationTexts(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
  evaluations: readonly EvaluationText[],
): void {
  withWriteTransaction(store.db, () => {
    const insert = statement(
      store.db,
      `INSERT OR REPLACE INTO evaluations (criteria_version, context_hash, candidate, dossier_hash, summary, detail)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const e of evaluations) {
      // A worker's Buffer arrives as a plain Uint8Array, which the driver binds only as a Buffer.
      const detail = Buffer.from(e.detail.buffer, e.detail.byteOffset, e.detail.byteLength);
      insert.run(criteriaVersion, contextHash, e.id, e.dossierHash, e.summary, detail);
    }
  });
}
