import type { EvaluationReport } from '../core/types.js';
import type { CriteriaVersion } from '../store/index.js';
import { buildReport } from './build-report.js';
import { buildShortlist, type ShortlistResult } from './build-shortlist.js';
import { requireEvaluableCriteria } from './check-stored-inputs.js';
import { type ScoreResult, scoreCandidates } from './score-candidates.js';
import type { Session } from './session.js';

export interface Evaluation {
  version: CriteriaVersion;
  scored: ScoreResult;
  result: ShortlistResult;
  report: EvaluationReport;
}

/**
 * Scores (from the cache where possible), consolidates and ranks the stored dossiers against a
 * criteria version (the latest by default), and assembles the report the exporters format.
 * Refuses when tender.yaml changed since the dossiers were ingested (see check-stored-inputs.ts).
 */
export async function evaluateWorkspace(
  session: Session,
  options: {
    version?: number;
    onProgress?: (done: number, total: number) => void;
    /**
     * A full collection (collect-garbage.ts), asked for once the summaries are read: decoding
     * them leaves ~55 MB of garbage at 100,000 candidates, which the ranking would otherwise
     * pile its own on top of (the peak of a full `run` at that size comes during the ranking).
     */
    collectGarbage?: () => void;
  } = {},
): Promise<Evaluation> {
  const version = await requireEvaluableCriteria(session, options.version);
  const scored = scoreCandidates(session, version, options.onProgress);
  options.collectGarbage?.();
  const result = buildShortlist(session, version, scored);
  const report = buildReport(session, version, scored, result);
  return { version, scored, result, report };
}
