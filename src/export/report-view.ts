/**
 * The data the report template sees. All wording that depends on the data (dates,
 * numbers, statuses, labels) is settled here so templates stay plain text a secretary
 * can edit; every value is escaped for Markdown when the template inserts it.
 */
import type { EvaluationReport, Lang, RankedCandidate, Reason } from '../core/types.js';
import { formatIssue } from '../errors.js';
import { formatInstant, formatPlain, formatPoints } from './format.js';
import { formatCount, labelsFor } from './labels.js';
import { buildRecordViews, displayCandidate } from './report-view-records.js';
import { criterionLabel, summarizeRule } from './rule-summary.js';
import { buildSanctionsReview } from './sanctions-review.js';
import { LazyRows, lazyRows } from './template-stream.js';
import { buildBrokenTies, describeLosingDecision, explainReserveTieBreak } from './tie-explanations.js';

/** A ranked line of the shortlist, tied or reserve tables. */
export interface RankedRow {
  rank: string;
  id: string;
  name: string;
  country: string;
  total: string;
  /** Reserve rows: why a candidate with the shortlist's last total stands below it; else empty. */
  note: string;
}

/** The reserve table's note: the committee decision or the tie-breaker that kept it off the shortlist. */
function describeReserveNote(report: EvaluationReport, candidate: RankedCandidate, lang: Lang): string {
  const fr = lang === 'fr';
  const decision = describeLosingDecision(report, candidate, lang);
  if (decision) {
    return fr
      ? `ex æquo au rang ${candidate.rank} ; la place a été attribuée à ${decision.chosen} par décision du comité du ${decision.date} (motif : ${decision.reason})`
      : `tied at rank ${candidate.rank}; the place was given to ${decision.chosen} by the committee's decision of ${decision.date} (reason: ${decision.reason})`;
  }
  const tieBreak = explainReserveTieBreak(report, candidate, lang);
  if (!tieBreak) return '';
  return fr
    ? `même total (${tieBreak.total} points) que ${tieBreak.ahead} ; départagés par ${tieBreak.decided_by}`
    : `same total (${tieBreak.total} points) as ${tieBreak.ahead}; separated by ${tieBreak.decided_by}`;
}

function buildRankedRows(
  report: EvaluationReport,
  candidates: RankedCandidate[],
  lang: Lang,
): LazyRows<RankedRow> {
  return lazyRows(candidates, (candidate) => ({
    rank: candidate.rank === null ? '—' : String(candidate.rank),
    id: candidate.id,
    name: candidate.name,
    country: candidate.country,
    total: formatPoints(candidate.total, lang),
    note: describeReserveNote(report, candidate, lang),
  }));
}

const candidateNoun: Record<Lang, [string, string]> = {
  fr: ['candidat', 'candidats'],
  en: ['candidate', 'candidates'],
};

function buildProcedure(report: EvaluationReport, lang: Lang) {
  const { tender, shortlist, criteria } = report;
  const ties = shortlist.ties.filter((tie) => tie.at_cut && !tie.decision);
  return {
    reference: tender.reference,
    title: tender.title[lang],
    contracting_authority: tender.contracting_authority,
    currency: tender.currency,
    opens: formatInstant(tender.submission.opens, lang),
    closes: formatInstant(tender.submission.closes, lang),
    min: String(shortlist.min),
    max: String(shortlist.max),
    min_candidates: formatCount(shortlist.min, lang, candidateNoun[lang][0], candidateNoun[lang][1]),
    max_candidates: formatCount(shortlist.max, lang, candidateNoun[lang][0], candidateNoun[lang][1]),
    filled: String(shortlist.filled),
    below_min: shortlist.below_min,
    awaiting_committee: shortlist.awaitingCommittee,
    awaiting_decision: ties.length > 0,
    criteria_name: criteria.name,
    criteria_version: String(report.criteriaVersion),
    threshold:
      criteria.shortlist_threshold === undefined ? '' : formatPlain(criteria.shortlist_threshold, lang),
    candidates: String(shortlist.candidates.length),
  };
}

function buildCriteriaGrid(report: EvaluationReport, lang: Lang) {
  const labels = labelsFor(lang);
  return report.criteria.criteria.map((criterion) => ({
    id: criterion.id,
    label: criterion.label[lang],
    kind: labels.kind[criterion.kind],
    max: criterion.max === undefined ? labels.none : formatPlain(criterion.max, lang),
    rule: summarizeRule(criterion, report.tender.currency, lang),
  }));
}

/**
 * A reason with its heading: `ADM-1 — label` for a criterion, the label alone for a reason
 * code such as `threshold`, which means nothing to a reader.
 */
export function buildReasonView(report: EvaluationReport, reason: Reason, lang: Lang) {
  const label = criterionLabel(report.criteria, reason.criterion, lang);
  const isCriterion = report.criteria.criteria.some((criterion) => criterion.id === reason.criterion);
  return {
    criterion: reason.criterion,
    label,
    heading: isCriterion ? `${reason.criterion} — ${label}` : label,
    message: reason.message[lang],
  };
}

function buildRejected(report: EvaluationReport, candidates: RankedCandidate[], lang: Lang) {
  return lazyRows(candidates, (candidate) => ({
    id: candidate.id,
    name: candidate.name,
    display: displayCandidate(candidate.name, candidate.id),
    country: candidate.country,
    total: formatPoints(candidate.total, lang),
    reasons: candidate.reasons.map((reason) => buildReasonView(report, reason, lang)),
  }));
}

function buildPending(report: EvaluationReport, candidates: RankedCandidate[], lang: Lang) {
  return lazyRows(candidates, (candidate) => ({
    id: candidate.id,
    name: candidate.name,
    display: displayCandidate(candidate.name, candidate.id),
    criteria: Object.values(candidate.criteria)
      .filter((result) => result.pending)
      .map((result) => `${result.criterion} (${criterionLabel(report.criteria, result.criterion, lang)})`)
      .join(', '),
  }));
}

function buildInvalid(candidates: RankedCandidate[]) {
  return lazyRows(candidates, (candidate) => ({
    id: candidate.id,
    name: candidate.name,
    display: displayCandidate(candidate.name, candidate.id),
    errors: candidate.errors.map((issue) => ({ text: formatIssue(issue) })),
  }));
}

function buildWarnings(candidates: RankedCandidate[]) {
  const count = candidates.reduce((sum, candidate) => sum + candidate.warnings.length, 0);
  return new LazyRows(count, function* () {
    for (const candidate of candidates) {
      for (const issue of candidate.warnings) {
        yield {
          id: candidate.id,
          name: candidate.name,
          display: displayCandidate(candidate.name, candidate.id),
          text: formatIssue(issue),
        };
      }
    }
  });
}

function buildManifest(report: EvaluationReport, lang: Lang) {
  return {
    tool_version: report.toolVersion,
    criteria_version: String(report.criteriaVersion),
    criteria_hash: report.criteriaHash,
    tender_hash: report.tenderHash,
    sanctions_version: report.sanctionsListVersion ?? labelsFor(lang).none,
    dossiers: lazyRows(report.dossiers, (dossier) => ({
      id: dossier.id,
      source: dossier.sourcePath,
      hash: dossier.hash,
    })),
  };
}

/**
 * Builds the view model of the shortlisting report in `lang` (see the header of templates/report.*.md).
 * The lists that grow with the candidates are LazyRows: their rows are made as the template
 * reaches them (template-stream.ts), one at a time.
 */
export function buildReportView(report: EvaluationReport, lang: Lang) {
  const all = report.shortlist.candidates;
  const withStatus = (status: RankedCandidate['status']) =>
    all.filter((candidate) => candidate.status === status);
  return {
    lang,
    procedure: buildProcedure(report, lang),
    criteria: buildCriteriaGrid(report, lang),
    shortlist: buildRankedRows(report, withStatus('shortlisted'), lang),
    tied: buildRankedRows(report, withStatus('tied'), lang),
    reserve: buildRankedRows(report, withStatus('reserve'), lang),
    broken_ties: buildBrokenTies(report, lang),
    sanctions_review: buildSanctionsReview(report, lang),
    rejected: buildRejected(report, withStatus('rejected'), lang),
    pending: buildPending(report, withStatus('pending'), lang),
    invalid: buildInvalid(withStatus('invalid')),
    warnings: buildWarnings(all),
    ...buildRecordViews(report, lang),
    manifest: buildManifest(report, lang),
  };
}

export type ReportView = ReturnType<typeof buildReportView>;
