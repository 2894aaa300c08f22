import { evaluateDossier } from '../core/evaluate.js';
import type { AttachmentFact, CandidateEvaluation, Dossier, InputIssue } from '../core/types.js';
import {
  type CriteriaVersion,
  getCachedEvaluations,
  getDossier,
  listActiveDossierHeads,
  listValidDossierTexts,
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
 * changed recomputes nothing. Commands that may have many dossiers to evaluate call
 * `refreshEvaluations` first (worker threads); this then only reads the cache.
 */
export function scoreCandidates(
  session: Session,
  version: CriteriaVersion,
  onProgress?: (done: number, total: number) => void,
): ScoreResult {
  const heads = listActiveDossierHeads(session.store);
  const cached = getCachedEvaluations(session.store, version.version, session.contextHash);
  // Only the small JSON of the dossiers is read here, never a whole row per candidate.
  const texts = new Map(listValidDossierTexts(session.store).map((text) => [text.id, text]));
  const evaluations: CandidateEvaluation[] = [];
  const fresh: CandidateEvaluation[] = [];
  const invalid: StoredDossier[] = [];
  const sourcePaths = new Map<string, string>();
  const dossierData: Record<string, Dossier | null> = {};
  heads.forEach((head, index) => {
    sourcePaths.set(head.id, head.sourcePath);
    const text = texts.get(head.id);
    if (head.status !== 'valid' || text === undefined) {
      const stored = getDossier(session.store, head.id) as StoredDossier;
      dossierData[head.id] = stored.dossier;
      invalid.push(stored);
      return;
    }
    const dossier = JSON.parse(text.document) as Dossier;
    dossierData[head.id] = dossier;
    const hit = cached.get(head.id);
    if (hit && hit.dossierHash === head.hash) {
      evaluations.push(hit);
    } else {
      const input = {
        id: head.id,
        hash: head.hash,
        dossier,
        attachments: JSON.parse(text.attachments) as AttachmentFact[],
        warnings: JSON.parse(text.warnings) as InputIssue[],
      };
      try {
        const evaluation = evaluateDossier(input, version.criteria, session.tender);
        evaluations.push(evaluation);
        fresh.push(evaluation);
      } catch (error) {
        // One dossier the engine cannot evaluate must not abort the others: it is reported as
        // invalid, with the reason, never as a stack trace.
        invalid.push(unevaluable(getDossier(session.store, head.id) as StoredDossier, error));
      }
    }
    onProgress?.(index + 1, heads.length);
  });
  if (fresh.length > 0) saveEvaluations(session.store, version.version, session.contextHash, fresh);
  return { evaluations, invalid, computed: fresh.length, sourcePaths, dossierData };
}

/** A stored dossier the engine threw on, as an invalid one whose first error says why. */
function unevaluable(stored: StoredDossier, error: unknown): StoredDossier {
  const reason = error instanceof Error ? error.message : String(error);
  const issue: InputIssue = {
    file: stored.sourcePath,
    path: '',
    message: `could not be evaluated: ${reason}`,
  };
  return { ...stored, status: 'invalid', errors: [issue, ...stored.errors] };
}
