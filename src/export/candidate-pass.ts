/**
 * Exports that go through the candidates in the report's order — the JSON document, the OCDS
 * release, the workbook's candidate sheets — are driven together in one pass: each candidate's
 * full results and dossier are read from the store once for all of them (lazyDetail), and nothing
 * of a candidate is kept once its part is written.
 */
import type { EvaluationReport, RankedCandidate } from '../core/types.js';
import { type CandidateDetail, lazyDetail } from './candidate-sheet.js';
import type { ExportedFile } from './write-outputs.js';

/** One export's side of the pass, opened by its PassExporter. */
export interface CandidateVisitor {
  visit(candidate: RankedCandidate, detail: CandidateDetail): void;
  /** Resolves once buffered output has been written out; called every few hundred candidates. */
  drain?(): Promise<void>;
  /** Completes the files and puts them in place. */
  finish(): Promise<ExportedFile[]>;
  /** Drops whatever was started after a failure; files in place stay as they were. */
  abort(): Promise<void>;
}

/** Candidates between two drains: bounds what the visitors buffer. */
const CANDIDATES_PER_DRAIN = 250;

/** Drives `visitors` through the candidates once; one failure aborts them all and is thrown. */
export async function runCandidatePass(
  report: EvaluationReport,
  visitors: readonly CandidateVisitor[],
): Promise<ExportedFile[][]> {
  try {
    let visited = 0;
    for (const candidate of report.shortlist.candidates) {
      const detail = lazyDetail(report, candidate);
      for (const visitor of visitors) visitor.visit(candidate, detail);
      visited += 1;
      if (visited % CANDIDATES_PER_DRAIN === 0) for (const visitor of visitors) await visitor.drain?.();
    }
    const results: ExportedFile[][] = [];
    for (const visitor of visitors) results.push(await visitor.finish());
    return results;
  } catch (error) {
    await Promise.all(visitors.map((visitor) => visitor.abort().catch(() => undefined)));
    throw error;
  }
}
