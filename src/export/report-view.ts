/**
 * The data the report template sees. All wording that depends on the data (dates,
 * numbers, statuses, labels) is settled here so templates stay plain text a secretary
 * can edit; every value is escaped for Markdown when the template inserts it.
 */
import type { EvaluationReport, Lang, RankedCandidate, Reason } from '../core/types.js';
import { formatIssue } from '../errors.js';
import { formatInstant, formatPlain, formatPoints } from './format.js';
import { labelsFor } from './labels.js';
import { buildRecordViews, displayCandidate } from './report-view-records.js';
import { criterionLabel, summarizeRule } from './rule-summary.js';

/** A ranked line of the shortlist, tied or reserve tables. */
export interface RankedRow {
  rank: string;
  id: string;
  name: string;
  country: string;
  total: string;
}

function buildRankedRows(candidates: RankedCandidate[], lang: Lang): RankedRow[] {
  return candidates.map((candidate) => ({
    rank: candidate.rank === null ? '—' : String(candidate.rank),
    id: candidate.id,
    name: candidate.name,
    country: candidate.country,
    total: formatPoints(candidate.total, lang),
  }));
}

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
  return candidates.map((candidate) => ({
    id: candidate.id,
    name: candidate.name,
    display: displayCandidate(candidate.name, candidate.id),
    country: candidate.country,
    total: formatPoints(candidate.total, lang),
    reasons: candidate.reasons.map((reason) => buildReasonView(report, reason, lang)),
  }));
}

function buildPending(report: EvaluationReport, candidates: RankedCandidate[], lang: Lang) {
  return candidates.map((candidate) => ({
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
  return candidates.map((candidate) => ({
    id: candidate.id,
    name: candidate.name,
    display: displayCandidate(candidate.name, candidate.id),
    errors: candidate.errors.map((issue) => ({ text: formatIssue(issue) })),
  }));
}

function buildWarnings(candidates: RankedCandidate[]) {
  return candidates.flatMap((candidate) =>
    candidate.warnings.map((issue) => ({
      id: candidate.id,
      name: candidate.name,
      display: displayCandidate(candidate.name, candidate.id),
      text: formatIssue(issue),
    })),
  );
}

function buildManifest(report: EvaluationReport, lang: Lang) {
  return {
    tool_version: report.toolVersion,
    criteria_version: String(report.criteriaVersion),
    criteria_hash: report.criteriaHash,
    tender_hash: report.tenderHash,
    sanctions_version: report.sanctionsListVersion ?? labelsFor(lang).none,
    dossiers: report.dossiers.map((dossier) => ({
      id: dossier.id,
      source: dossier.sourcePath,
      hash: dossier.hash,
    })),
  };
}

/** Builds the view model of the shortlisting report in `lang` (see the header of templates/report.*.md). */
export function buildReportView(report: EvaluationReport, lang: Lang) {
  const all = report.shortlist.candidates;
  const withStatus = (status: RankedCandidate['status']) =>
    all.filter((candidate) => candidate.status === status);
  return {
    lang,
    procedure: buildProcedure(report, lang),
    criteria: buildCriteriaGrid(report, lang),
    shortlist: buildRankedRows(withStatus('shortlisted'), lang),
    tied: buildRankedRows(withStatus('tied'), lang),
    reserve: buildRankedRows(withStatus('reserve'), lang),
    rejected: buildRejected(report, withStatus('rejected'), lang),
    pending: buildPending(report, withStatus('pending'), lang),
    invalid: buildInvalid(withStatus('invalid')),
    warnings: buildWarnings(all),
    ...buildRecordViews(report, lang),
    manifest: buildManifest(report, lang),
  };
}

export type ReportView = ReturnType<typeof buildReportView>;
