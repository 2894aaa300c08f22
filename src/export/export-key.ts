/**
 * A fingerprint of everything the exports are made of, cheap to compute (hashes and ids, no
 * rendering): when it matches the one of the last export and its files are intact, the exports
 * would come out the same and are left as they are.
 *
 * Not in the key: the run's clock (the workbook and the OCDS release name the evaluation that
 * produced them, not every later run that found nothing new) and the formats (each format's
 * files are recorded on their own).
 */
import { createHash } from 'node:crypto';
import type { EvaluationReport, Lang } from '../core/types.js';

export interface ExportKeyInput {
  lang: Lang;
  /** Text of the report and letter templates in use (a secretary may edit them). */
  templates: readonly string[];
  /** The audit head to fingerprint; by default the report's last entry. */
  auditHead?: AuditHead;
}

type AuditHead = { seq: number; hash: string };

/** sha256 (hex) over the inputs of every export of `report`. */
export function computeExportKey(report: EvaluationReport, input: ExportKeyInput): string {
  return exportKeyer(report, input)(input.auditHead);
}

/**
 * The export key of `report` for any audit head: an export learns its own head only once its
 * files are written, and by then the report (every candidate) should no longer be held. The
 * returned function keeps a hash of the rest, not the report. Without a head, the report's last
 * audit entry counts.
 */
export function exportKeyer(report: EvaluationReport, input: Omit<ExportKeyInput, 'auditHead'>) {
  const hash = createHash('sha256');
  const line = (...parts: (string | number | null | undefined)[]) => `${parts.join('\u0001')}\n`;
  const add = (...parts: Parameters<typeof line>) => hash.update(line(...parts));
  add('prequal-export-key', 2, report.toolBuild ?? report.toolVersion, input.lang);
  add('tender', report.tenderHash, report.tender.reference);
  add('criteria', report.criteriaVersion, report.criteriaHash);
  // The version string is the publisher's: a list edited under the same version must still count.
  add('sanctions', report.sanctionsListVersion ?? '', report.sanctionsListHash ?? '');
  for (const text of input.templates) add('template', createHash('sha256').update(text).digest('hex'));
  for (const dossier of report.dossiers) add('dossier', dossier.id, dossier.hash, dossier.sourcePath);
  // The committee's acts are also in the audit head; listed here too, they cost little.
  add('scores', JSON.stringify(report.scores));
  add('overrides', JSON.stringify(report.overrides));
  add('decisions', JSON.stringify(report.decisions));
  add('committee', JSON.stringify(report.committee));
  // The outcome itself, in brief: a safety net should evaluation ever depend on something above misses.
  for (const candidate of report.shortlist.candidates)
    add('candidate', candidate.id, candidate.status, candidate.rank, candidate.total);
  const last = report.audit.at(-1);
  const reportHead: AuditHead = { seq: last?.seq ?? 0, hash: last?.hash ?? '' };
  return (head: AuditHead = reportHead): string =>
    hash
      .copy()
      .update(line('audit', head.seq, head.hash))
      .digest('hex');
}
