import { evaluateDossier } from '../core/evaluate.js';
import type { CandidateEvaluation, Dossier } from '../core/types.js';
import {
  type CriteriaVersion,
  getCachedEvaluations,
  listActiveDossiers,
  type StoredDossier,
  saveEvaluations,
} from '../store/index.js';
import type { Session } from './session.js';

export interface ScoreResult {
  evaluations: CandidateEvaluation[];
  /** Active dossiers that could not be read. */
  invalid: StoredDossier[];
  /** How many evaluations were computed now (the rest came from the cache). */
  computed: number;
  /** Source path of every active dossier, for the run manifest. */
  sourcePaths: Map<string, string>;
  /** Content of every active dossier (null when invalid), for the Experience sheet. */
  dossierData: Record<string, Dossier | null>;
}

/**
 * Evaluates every valid active dossier against a criteria version. Results are cached by
 * criteria version, dossier hash and the tender/tool context, so re-running with nothing
 * changed recomputes nothing.
 */
export function scoreCandidates(
  session: Session,
  version: CriteriaVersion,
  onProgress?: (done: number, total: number) => void,
): ScoreResult {
  const dossiers = listActiveDossiers(session.store);
  const cached = getCachedEvaluations(session.store, version.version, session.contextHash);
  const evaluations: CandidateEvaluation[] = [];
  const fresh: CandidateEvaluation[] = [];
  const invalid: StoredDossier[] = [];
  const sourcePaths = new Map<string, string>();
  const dossierData: Record<string, Dossier | null> = {};
  dossiers.forEach((stored, index) => {
    sourcePaths.set(stored.id, stored.sourcePath);
    dossierData[stored.id] = stored.dossier;
    if (stored.status !== 'valid' || stored.dossier === null) {
      invalid.push(stored);
      return;
    }
    const hit = cached.get(stored.id);
    if (hit && hit.dossierHash === stored.hash) {
      evaluations.push(hit);
    } else {
      const evaluation = evaluateDossier(
        {
          id: stored.id,
          hash: stored.hash,
          dossier: stored.dossier,
          attachments: stored.attachments,
          warnings: stored.warnings,
        },
        version.criteria,
        session.tender,
      );
      evaluations.push(evaluation);
      fresh.push(evaluation);
    }
    onProgress?.(index + 1, dossiers.length);
  });
  if (fresh.length > 0) saveEvaluations(session.store, version.version, session.contextHash, fresh);
  return { evaluations, invalid, computed: fresh.length, sourcePaths, dossierData };
}
