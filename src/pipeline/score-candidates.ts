import { evaluateDossier } from '../core/evaluate.js';
import { compareIds } from '../core/order.js';
import { summarizeEvaluation } from '../core/summarize.js';
import type { AttachmentFact, CandidateEvaluation, Dossier, InputIssue } from '../core/types.js';
import {
  type CriteriaVersion,
  getCachedSummaries,
  getDossier,
  getDossierTexts,
  listActiveDossierHeads,
  type StoredDossier,
  saveEvaluations,
} from '../store/index.js';
import type { Session } from './session.js';

export interface ScoreResult {
  /** Summaries of the evaluations (core/summarize.ts): what consolidation and ranking read. */
  evaluations: CandidateEvaluation[];
  /** Active dossiers that could not be read. */
  invalid: StoredDossier[];
  /** How many evaluations were computed now (the rest came from the cache). */
  computed: number;
  /** Source path of every active dossier, for the run manifest. */
  sourcePaths: Map<string, string>;
}

/** Dossiers read from the store per query when some lack a cached evaluation. */
const BATCH = 200;

/**
 * Evaluates every valid active dossier against a criteria version. Results are cached by
 * criteria version, dossier hash and the tender/tool context, so re-running with nothing
 * changed recomputes nothing and parses no dossier. Commands that may have many dossiers to
 * evaluate call `refreshEvaluations` first (worker threads); this then only reads summaries.
 */
export function scoreCandidates(
  session: Session,
  version: CriteriaVersion,
  onProgress?: (done: number, total: number) => void,
): ScoreResult {
  const heads = listActiveDossierHeads(session.store);
  const cached = getCachedSummaries(session.store, version.version, session.contextHash);
  const summaries = new Map<string, CandidateEvaluation>();
  const invalid: StoredDossier[] = [];
  const sourcePaths = new Map<string, string>();
  const missing: string[] = [];
  for (const head of heads) {
    sourcePaths.set(head.id, head.sourcePath);
    const hit = cached.get(head.id);
    if (head.status !== 'valid') invalid.push(getDossier(session.store, head.id) as StoredDossier);
    else if (hit && hit.dossierHash === head.hash) summaries.set(head.id, hit);
    else missing.push(head.id);
  }
  let done = heads.length - missing.length;
  let computed = 0;
  onProgress?.(done, heads.length);
  for (let start = 0; start < missing.length; start += BATCH) {
    const ids = missing.slice(start, start + BATCH);
    const texts = new Map(getDossierTexts(session.store, ids).map((text) => [text.id, text]));
    const fresh: CandidateEvaluation[] = [];
    for (const id of ids) {
      const text = texts.get(id);
      try {
        if (!text) throw new Error('its stored content is missing');
        const input = {
          id,
          hash: text.hash,
          dossier: JSON.parse(text.document) as Dossier,
          attachments: JSON.parse(text.attachments) as AttachmentFact[],
          warnings: JSON.parse(text.warnings) as InputIssue[],
        };
        const evaluation = evaluateDossier(input, version.criteria, session.tender);
        fresh.push(evaluation);
        summaries.set(id, summarizeEvaluation(evaluation));
      } catch (error) {
        // One dossier the engine cannot evaluate must not abort the others: it is reported as
        // invalid, with the reason, never as a stack trace.
        invalid.push(unevaluable(getDossier(session.store, id) as StoredDossier, error));
      }
      done += 1;
      onProgress?.(done, heads.length);
    }
    if (fresh.length > 0) saveEvaluations(session.store, version.version, session.contextHash, fresh);
    computed += fresh.length;
  }
  // In id order, as the heads are, whether cached, computed now or found unevaluable.
  const evaluations = heads.flatMap((head) => summaries.get(head.id) ?? []);
  invalid.sort((a, b) => compareIds(a.id, b.id));
  return { evaluations, invalid, computed, sourcePaths };
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
