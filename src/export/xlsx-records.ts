/**
 * The committee's records as sheets: Evaluators (every manual score with the committee
 * value and spread), Audit (the append-only log) and Run (what produced this workbook).
 */
import type { EvaluationReport, Lang } from '../core/types.js';
import { labelsFor } from './labels.js';
import { summarizeShortlist } from './shortlist-summary.js';
import { instantCell, type SheetCell, type SheetTable } from './xlsx-sheet.js';

/**
 * The Evaluators sheet: one row per manual score, in the order they were recorded. The committee
 * reads the candidate's name; the id beside it filters as the other sheets' ids do. A score of a
 * candidate this evaluation no longer holds (its dossier withdrawn) has no name to show.
 */
export function buildEvaluatorsTable(report: EvaluationReport, lang: Lang): SheetTable {
  const labels = labelsFor(lang);
  const h = labels.headers.evaluators;
  const candidates = new Map(report.shortlist.candidates.map((candidate) => [candidate.id, candidate]));
  // Every evaluator's points per candidate and criterion, gathered once (not searched per score).
  const pointsOf = new Map<string, number[]>();
  for (const score of report.scores) {
    const key = `${score.candidate}\u0000${score.criterion}`;
    const list = pointsOf.get(key);
    if (list) list.push(score.points);
    else pointsOf.set(key, [score.points]);
  }
  const rows = report.scores.map((score): SheetCell[] => {
    const candidate = candidates.get(score.candidate);
    const result = candidate?.criteria[score.criterion];
    const points = pointsOf.get(`${score.candidate}\u0000${score.criterion}`) ?? [score.points];
    const flagged = Boolean(
      candidate?.consensus.includes(score.criterion) || result?.flags?.includes('consensus'),
    );
    return [
      score.evaluator,
      score.candidate,
      candidate?.name ?? '',
      score.criterion,
      score.points,
      score.comment,
      score.source,
      result?.points ?? null,
      Math.max(...points) - Math.min(...points),
      flagged ? { value: `${labels.yes} — ${labels.consensusFlag}`, tone: 'tied' } : labels.no,
    ];
  });
  return {
    name: 'Evaluators',
    frozenColumns: 3,
    columns: [
      { header: h.evaluator, kind: 'text' },
      { header: h.id, kind: 'text' },
      { header: h.name, kind: 'text' },
      { header: h.criterion, kind: 'text' },
      { header: h.points, kind: 'points' },
      { header: h.comment, kind: 'wrap' },
      { header: h.source, kind: 'text' },
      { header: h.committeeValue, kind: 'points' },
      { header: h.spread, kind: 'points' },
      { header: h.consensus, kind: 'text' },
    ],
    rows,
  };
}

/** The Audit sheet, entry by entry, with before/after values as the JSON text the log stores. */
export function buildAuditTable(report: EvaluationReport, lang: Lang): SheetTable {
  const h = labelsFor(lang).headers.audit;
  return {
    name: 'Audit',
    columns: [
      { header: h.seq, kind: 'int' },
      { header: h.at, kind: 'datetime' },
      { header: h.who, kind: 'text' },
      { header: h.action, kind: 'text' },
      { header: h.subject, kind: 'text' },
      { header: h.why, kind: 'wrap' },
      { header: h.before, kind: 'wrap' },
      { header: h.after, kind: 'wrap' },
      { header: h.hash, kind: 'text' },
    ],
    rows: report.audit.map((entry) => [
      entry.seq,
      instantCell(entry.at),
      entry.who,
      entry.action,
      entry.subject,
      entry.why,
      entry.before,
      entry.after,
      entry.hash,
    ]),
  };
}

/** The Run sheet: tool version, run time, fingerprints, the state of the shortlist, then every dossier. */
export function buildRunTable(report: EvaluationReport, lang: Lang): SheetTable {
  const labels = labelsFor(lang);
  const h = labels.headers.run;
  const facts: SheetCell[][] = [
    [labels.run.toolVersion, report.toolVersion, ''],
    [labels.run.runAt, instantCell(report.runAt), ''],
    [labels.run.tender, report.tender.reference, report.tenderHash],
    [labels.run.criteria, report.criteria.name, report.criteriaHash],
    [labels.run.criteriaVersion, { value: report.criteriaVersion, kind: 'int' }, ''],
    [labels.run.sanctions, report.sanctionsListVersion ?? labels.none, ''],
    ...summarizeShortlist(report.shortlist, lang).map((line): SheetCell[] => [
      labels.run.shortlist,
      line,
      '',
    ]),
  ];
  const dossiers = report.dossiers.map((dossier): SheetCell[] => [
    `${labels.run.dossier} ${dossier.id}`,
    dossier.sourcePath,
    dossier.hash,
  ]);
  return {
    name: 'Run',
    columns: [
      { header: h.key, kind: 'text' },
      { header: h.value, kind: 'text' },
      { header: h.hash, kind: 'text' },
    ],
    rows: [...facts, ...dossiers],
  };
}
