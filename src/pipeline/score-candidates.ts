import { evaluateDossier } from '../core/evaluate.js';
import { compareIds } from '../core/order.js';
import { summarizeEvaluation } from '../core/summarize.js';
import type { AttachmentFact, CandidateEvaluation, Dossier, InputIssue } from '../core/types.js';
import {
  type CriteriaVersion,
  getCachedSummaries,
  getDossier,
  getDossierDocumentOf,
  getDossierTexts,
  listActiveDossierHeads,
  type StoredDossier,
} from '../store/index.js';
import { refreshEvaluationsHere } from './refresh-evaluations.js';
import type { Session } from './session.js';

export interface ScoreResult {
  /** Summaries of the evaluations (core/summarize.ts): what consolidation and ranking read. */
  evaluations: CandidateEvaluation[];
  /** Active dossiers that could not be read. */
  invalid: StoredDossier[];
  /** How many dossiers had results computed now, for some criteria or all (the rest came from the cache). */
  computed: number;
  /** Source path of every active dossier, for the run manifest. */
  sourcePaths: Map<string, string>;
}

/**
 * Evaluates every valid active dossier against a criteria version. Results are cached per
 * criterion, dossier content and tender/tool context, so re-running with nothing changed
 * recomputes nothing and parses no dossier, and a changed criterion is evaluated alone. Commands
 * that may have many dossiers to evaluate call `refreshEvaluations` first (worker threads); this
 * then only reads summaries.
 */
export function scoreCandidates(
  session: Session,
  version: CriteriaVersion,
  onProgress?: (done: number, total: number) => void,
): ScoreResult {
  const heads = listActiveDossierHeads(session.store);
  let cached = getCachedSummaries(session.store, version.version, session.contextHash);
  let computed = 0;
  if (heads.some((head) => head.status === 'valid' && cached.get(head.id)?.dossierHash !== head.hash)) {
    computed = refreshEvaluationsHere(session, version, onProgress).computed;
    cached = getCachedSummaries(session.store, version.version, session.contextHash);
  } else onProgress?.(heads.length, heads.length);
  const evaluations: CandidateEvaluation[] = [];
  const invalid: StoredDossier[] = [];
  const sourcePaths = new Map<string, string>();
  for (const head of heads) {
    sourcePaths.set(head.id, head.sourcePath);
    const hit = cached.get(head.id);
    if (head.status !== 'valid') invalid.push(getDossier(session.store, head.id) as StoredDossier);
    else if (hit?.dossierHash === head.hash) evaluations.push(hit);
    else {
      // Left uncached by the refresh: the engine threw on it. Evaluating it again gives the reason.
      const outcome = evaluateUncached(session, version, head.id);
      if ('evaluation' in outcome) evaluations.push(outcome.evaluation);
      else invalid.push(outcome.invalid);
    }
  }
  invalid.sort((a, b) => compareIds(a.id, b.id));
  return { evaluations, invalid, computed, sourcePaths };
}

/** One dossier evaluated outside the cache: its summary, or why the engine could not evaluate it. */
function evaluateUncached(
  session: Session,
  version: CriteriaVersion,
  id: string,
): { evaluation: CandidateEvaluation } | { invalid: StoredDossier } {
  const [text] = getDossierTexts(session.store, [id]);
  try {
    if (!text) throw new Error('its stored content is missing');
    const input = {
      id,
      hash: text.hash,
      dossier: JSON.parse(text.document) as Dossier,
      attachments: JSON.parse(text.attachments) as AttachmentFact[],
      warnings: JSON.parse(text.warnings) as InputIssue[],
    };
    return { evaluation: summarizeEvaluation(evaluateDossier(input, version.criteria, session.tender)) };
  } catch (error) {
    // One dossier the engine cannot evaluate must not abort the others: it is reported as
    // invalid, with the reason, never as a stack trace.
    return { invalid: unevaluable(getDossier(session.store, id) as StoredDossier, error) };
  }
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

/** The dossiers as they were scored, for consolidation and the exports after the ranking. */
export interface ScoredContent {
  /** Hash of the content a candidate was evaluated on; undefined for one not evaluated. */
  hashOf(id: string): string | undefined;
  /**
   * An evaluated candidate's dossier as evaluated, even if another process has since ingested a
   * newer one or withdrawn it; for one not evaluated (the engine threw on it), its current row
   * while it still holds that content: an earlier version of the same bytes may have been valid
   * under an earlier tender.yaml, and must not be shown for it. Null when there is none.
   */
  dossierOf(id: string): Dossier | null;
}

export function scoredContent(session: Session, scored: ScoreResult): ScoredContent {
  const evaluated = new Map(scored.evaluations.map((e) => [e.id, e.dossierHash]));
  const notEvaluated = new Map(scored.invalid.map((d) => [d.id, d.hash]));
  return {
    hashOf: (id) => evaluated.get(id),
    dossierOf: (id) => {
      const hash = evaluated.get(id);
      if (hash !== undefined) return getDossierDocumentOf(session.store, id, hash);
      const other = notEvaluated.get(id);
      return other === undefined ? null : getDossierDocumentOf(session.store, id, other, { history: false });
    },
  };
}
