/**
 * The Shortlist and Gates sheets: one row per candidate with every criterion's points or
 * verdict, then one row per candidate and gate with the reason.
 */

import { compareIds } from '../core/order.js';
import type { CriterionResult, EvaluationReport, Lang, RankedCandidate } from '../core/types.js';
import { formatIssue } from '../errors.js';
import type { CandidateDetail, CandidateSheet } from './candidate-sheet.js';
import { labelsFor } from './labels.js';
import { withColon } from './rule-summary.js';
import { instantCell, type SheetCell } from './xlsx-sheet.js';

/**
 * Every reason as `ADM-1 : message` (French colon in French), a reason code such as `threshold`
 * under its wording (`Seuil de qualification : …`), as the report and the letters show it; with
 * `headed` false (the Gates sheet, whose columns name the criterion), the messages alone. An
 * invalid dossier without reasons lists its input errors.
 */
function reasonLines(
  report: EvaluationReport,
  candidate: RankedCandidate,
  lang: Lang,
  headed = true,
): string {
  const labels = labelsFor(lang);
  const heading = (id: string) =>
    report.criteria.criteria.some((criterion) => criterion.id === id)
      ? id
      : (labels.reasonCriteria[id] ?? id);
  const lines = candidate.reasons.map((reason) =>
    headed ? withColon(heading(reason.criterion), reason.message[lang], lang) : reason.message[lang],
  );
  if (!lines.length) lines.push(...candidate.errors.map(formatIssue));
  return lines.join('\n');
}

/** A gate as PASS/FAIL (coloured), a score as points, a pending score as the word "pending". */
function criterionCell(result: CriterionResult | undefined, lang: Lang): SheetCell {
  const labels = labelsFor(lang);
  if (!result) return null;
  if (result.kind === 'gate') {
    if (result.passed === null) return null;
    return result.passed ? { value: labels.pass, tone: 'pass' } : { value: labels.fail, tone: 'fail' };
  }
  if (result.pending || result.points === null) return { value: labels.pending, tone: 'pending' };
  return result.points;
}

/** The Shortlist sheet, candidates in the report's order (ranked, pending, rejected, invalid). */
export function shortlistSheet(report: EvaluationReport, lang: Lang): CandidateSheet {
  const labels = labelsFor(lang);
  const h = labels.headers.shortlist;
  const criteria = report.criteria.criteria;
  return {
    name: 'Shortlist',
    frozenColumns: 3,
    columns: [
      { header: h.rank, kind: 'int' },
      { header: h.id, kind: 'text' },
      { header: h.name, kind: 'text' },
      { header: h.country, kind: 'text' },
      { header: h.status, kind: 'text' },
      { header: h.total, kind: 'points' },
      ...criteria.map((criterion) => ({
        header: criterion.id,
        kind: criterion.kind === 'score' ? ('points' as const) : ('text' as const),
      })),
      { header: h.reasons, kind: 'wrap' },
    ],
    // From the full results the pass reads anyway: the ranked summary may have been released.
    rowsOf: (candidate, detail) => [
      [
        candidate.rank,
        candidate.id,
        candidate.name,
        candidate.country,
        { value: labels.status[candidate.status], tone: candidate.status },
        candidate.total,
        ...criteria.map((criterion) => criterionCell(detail.results()[criterion.id], lang)),
        reasonLines(report, candidate, lang),
      ],
    ],
  };
}

/** When the dossier was received, on the row of the gate that measured it (a `deadline` rule). */
function receivedCell(result: CriterionResult): SheetCell {
  const submitted = result.metrics.submitted_at;
  return typeof submitted === 'string' ? instantCell(submitted) : null;
}

function gateRow(report: EvaluationReport, candidate: RankedCandidate, result: CriterionResult, lang: Lang) {
  const labels = labelsFor(lang);
  const criterion = report.criteria.criteria.find((entry) => entry.id === result.criterion);
  const reason = candidate.reasons.find((entry) => entry.criterion === result.criterion)?.message[lang];
  const explanation = result.explanation.map((line) => line[lang]).join('\n') || reason || '';
  const override = result.override;
  return [
    candidate.id,
    candidate.name,
    receivedCell(result),
    result.criterion,
    criterion?.label[lang] ?? labels.reasonCriteria[result.criterion] ?? '',
    criterionCell(result, lang),
    explanation,
    override ? labels.overrideBy(override.by, override.at, override.reason) : '',
  ];
}

/**
 * The Gates sheet: every gate of every candidate; an invalid dossier shows one failed row with its
 * errors. The deadline gate's row also gives when the dossier was received, as a real date-time in
 * UTC (the zone of its reason and of the deadline, whatever offset the candidate wrote): filtered
 * on that gate, the sheet lists the dossiers by arrival.
 */
export function gatesSheet(report: EvaluationReport, lang: Lang): CandidateSheet {
  const labels = labelsFor(lang);
  const h = labels.headers.gates;
  const gates = report.criteria.criteria.filter((criterion) => criterion.kind === 'gate');
  const rowsOf = (candidate: RankedCandidate, detail: CandidateDetail): SheetCell[][] => {
    if (candidate.status === 'invalid') {
      const failed: SheetCell = { value: labels.fail, tone: 'invalid' };
      return [
        [
          candidate.id,
          candidate.name,
          null,
          'invalid',
          labels.reasonCriteria.invalid ?? '',
          failed,
          reasonLines(report, candidate, lang, false),
          '',
        ],
      ];
    }
    // The full results: the ranked candidate keeps only the first line of a failed gate.
    const results = detail.results();
    // Gates the core added beyond the criteria set (a sanctions check, say) come after, by id.
    const extra = Object.values(results)
      .filter((result) => result.kind === 'gate' && !gates.some((gate) => gate.id === result.criterion))
      .sort((a, b) => compareIds(a.criterion, b.criterion));
    return [...gates.map((gate) => results[gate.id]), ...extra].flatMap((result) =>
      result ? [gateRow(report, candidate, result, lang)] : [],
    );
  };
  return {
    name: 'Gates',
    frozenColumns: 2,
    columns: [
      { header: h.id, kind: 'text' },
      { header: h.name, kind: 'text' },
      { header: h.received, kind: 'datetime' },
      { header: h.gate, kind: 'text' },
      { header: h.label, kind: 'text' },
      { header: h.result, kind: 'text' },
      { header: h.reason, kind: 'wrap' },
      { header: h.override, kind: 'wrap' },
    ],
    rowsOf,
  };
}
