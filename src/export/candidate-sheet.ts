/**
 * Sheets made of rows per candidate (Shortlist, Gates, Experience). The workbook goes through
 * the candidates once and asks each such sheet for the candidate's rows, so the full results and
 * the dossier of a candidate are read from the store once for the whole workbook.
 */
import type { CriterionResult, Dossier, EvaluationReport, RankedCandidate } from '../core/types.js';
import type { SheetCell, SheetColumn, SheetTable } from './xlsx-sheet.js';

/** What an export may need of one candidate beyond its ranked summary, each read once, on first use. */
export interface CandidateDetail {
  /** Final results with every explanation line and item verdict (EvaluationReport.resultsOf). */
  results(): Record<string, CriterionResult>;
  dossier(): Dossier | null;
}

export interface CandidateSheet {
  name: string;
  columns: SheetColumn[];
  /** Columns kept visible when scrolling right (the candidate's identity). */
  frozenColumns?: number;
  rowsOf: (candidate: RankedCandidate, detail: CandidateDetail) => SheetCell[][];
}

/**
 * The candidate's detail, each part read on first use and then reused: the exports of one
 * candidate share one read, and a part no export needs is not read at all.
 */
export function lazyDetail(report: EvaluationReport, candidate: RankedCandidate): CandidateDetail {
  let results: Record<string, CriterionResult> | undefined;
  let dossier: Dossier | null | undefined;
  return {
    results: () => {
      results ??= report.resultsOf(candidate);
      return results;
    },
    dossier: () => {
      if (dossier === undefined) dossier = report.dossierOf(candidate.id);
      return dossier;
    },
  };
}

/** `sheet` as a plain table, its rows made candidate by candidate as they are read. */
export function candidateTable(report: EvaluationReport, sheet: CandidateSheet): SheetTable {
  return {
    name: sheet.name,
    columns: sheet.columns,
    frozenColumns: sheet.frozenColumns,
    rows: {
      *[Symbol.iterator]() {
        for (const candidate of report.shortlist.candidates)
          yield* sheet.rowsOf(candidate, lazyDetail(report, candidate));
      },
    },
  };
}
