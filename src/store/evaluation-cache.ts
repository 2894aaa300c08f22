import type { CandidateEvaluation } from '../core/types.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/*
 * Automatic evaluations, cached by (criteria version, context, candidate, dossier hash), so that
 * re-scoring with nothing changed recomputes nothing. `contextHash` stands for every other input an
 * evaluation depends on — tender.yaml (deadline, exchange rates, country groups) and the tool
 * version at least — so that correcting an exchange rate cannot serve a stale result.
 * Results of earlier criteria versions are kept.
 */

/**
 * Cached evaluations for the current content of every active dossier, by candidate id.
 * An evaluation of an earlier content of a dossier (another hash) is not returned.
 */
export function getCachedEvaluations(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
): Map<string, CandidateEvaluation> {
  const rows = statement(
    store.db,
    `SELECT e.candidate, e.evaluation FROM evaluations e
     JOIN dossiers d ON d.id = e.candidate AND d.hash = e.dossier_hash AND d.status <> 'withdrawn'
     WHERE e.criteria_version = ? AND e.context_hash = ?
     ORDER BY e.candidate`,
  ).all(criteriaVersion, contextHash) as { candidate: string; evaluation: string }[];
  return new Map(rows.map((row) => [row.candidate, JSON.parse(row.evaluation) as CandidateEvaluation]));
}

/** Stores evaluations (keyed by each one's `id` and `dossierHash`) in one transaction. */
export function saveEvaluations(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
  evaluations: readonly CandidateEvaluation[],
): void {
  saveEvaluationTexts(
    store,
    criteriaVersion,
    contextHash,
    evaluations.map((e) => ({ id: e.id, dossierHash: e.dossierHash, json: JSON.stringify(e) })),
  );
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
  const rows = statement(
    store.db,
    `SELECT e.candidate, e.dossier_hash FROM evaluations e
     JOIN dossiers d ON d.id = e.candidate AND d.hash = e.dossier_hash AND d.status <> 'withdrawn'
     WHERE e.criteria_version = ? AND e.context_hash = ?`,
  ).all(criteriaVersion, contextHash) as { candidate: string; dossier_hash: string }[];
  return new Map(rows.map((row) => [row.candidate, row.dossier_hash]));
}

/** An evaluation already serialised (by an evaluation worker), with its key. */
export interface EvaluationText {
  id: string;
  dossierHash: string;
  /** `JSON.stringify` of the CandidateEvaluation. */
  json: string;
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
      `INSERT OR REPLACE INTO evaluations (criteria_version, context_hash, candidate, dossier_hash, evaluation)
       VALUES (?, ?, ?, ?, ?)`,
    );
    for (const evaluation of evaluations) {
      insert.run(criteriaVersion, contextHash, evaluation.id, evaluation.dossierHash, evaluation.json);
    }
  });
}
