/**
 * Notification letters (SPEC §6): one per rejected or reserve candidate, naming every
 * failed criterion and its reason, or the candidate's place on the reserve list. An
 * invalid dossier is notified as rejected, with the problems found in it (SPEC §4).
 */
import { createHash } from 'node:crypto';
import type { EvaluationReport, Lang, RankedCandidate, Reason } from '../core/types.js';
import { formatIssue } from '../errors.js';
import { formatInstant, formatPoints } from './format.js';
import { formatCount, labelsFor } from './labels.js';
import { renderMarkdownTemplate } from './markdown.js';
import { buildReasonView } from './report-view.js';
import { describeLosingDecision, explainReserveTieBreak } from './tie-explanations.js';

export interface LetterFile {
  /** File name only (`letter-<id>.<lang>.md`); the caller chooses the folder. */
  file: string;
  content: string;
}

/** Turns a candidate id into a safe, portable file-name part (no separators, no leading dot). */
export function sanitizeFileNamePart(id: string): string {
  const safe = id
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[.]+/, '')
    .slice(0, 100);
  return safe || 'candidate';
}

/**
 * The file name part of a candidate's letter. An id that is already safe, and that no other id
 * equals but for case, is its own name, so `letter-<id>` is always that candidate's. Any other id
 * gets its safe form and `~` with 8 hex digits of its hash: `~` is outside the safe set, so such a
 * name is never one a safe id gives. Numbering clashes in report order instead once gave
 * `letter-z_a.fr.md` to the id `z a` while the id `z_a` existed. Only the ids shared but for case
 * are kept, not a name per candidate.
 */
function letterNamer(report: EvaluationReport): (id: string) => string {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { id } of report.shortlist.candidates) {
    const folded = id.toLowerCase();
    if (seen.has(folded)) shared.add(folded);
    else seen.add(folded);
  }
  return (id) => {
    const safe = sanitizeFileNamePart(id);
    if (safe === id && !shared.has(id.toLowerCase())) return id;
    return `${safe}~${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;
  };
}

/** Reasons as the letter states them: an invalid dossier without reasons lists its input errors. */
function letterReasons(report: EvaluationReport, candidate: RankedCandidate, lang: Lang) {
  const reasons: Reason[] = candidate.reasons.length
    ? candidate.reasons
    : candidate.errors.map((issue) => ({
        criterion: 'invalid',
        message: { fr: formatIssue(issue), en: formatIssue(issue) },
      }));
  return reasons.map((reason) => buildReasonView(report, reason, lang));
}

function buildLetterView(
  report: EvaluationReport,
  candidate: RankedCandidate,
  lang: Lang,
  reservePosition: number,
) {
  const { tender, shortlist } = report;
  const chair = report.committee.find((member) => member.role === 'chair');
  const rejected = candidate.status !== 'reserve';
  return {
    contracting_authority: tender.contracting_authority,
    reference: tender.reference,
    title: tender.title[lang],
    closes: formatInstant(tender.submission.closes, lang),
    candidate: { id: candidate.id, name: candidate.name, country: candidate.country },
    signatory: chair?.name ?? '',
    rejected,
    reasons: rejected ? letterReasons(report, candidate, lang) : [],
    reserve: !rejected,
    rank: candidate.rank === null ? labelsFor(lang).none : String(candidate.rank),
    reserve_position: String(reservePosition),
    total: formatPoints(candidate.total, lang),
    shortlist_size: String(shortlist.filled),
    shortlist_max: String(shortlist.max),
    /** `8 candidats` / `1 candidate`: the shortlist's size with its noun agreed. */
    shortlist_max_candidates: formatCount(
      shortlist.max,
      lang,
      lang === 'fr' ? 'candidat' : 'candidate',
      lang === 'fr' ? 'candidats' : 'candidates',
    ),
    /** Tied at the cut and not chosen: who got the place, the decision's date and reason. */
    tie_decision: rejected ? null : describeLosingDecision(report, candidate, lang),
    /** Same total as the last shortlisted candidate: the tie-breaker that placed it below. */
    tie_break: rejected ? null : explainReserveTieBreak(report, candidate, lang),
  };
}

/**
 * How many candidates tied at the cut, still awaiting the committee's decision, will go to the
 * reserve whatever it decides: they all rank above every reserve candidate, so a reserve letter
 * written before the decision must not give a place on the list that the decision takes away.
 */
function tiedForReserve(report: EvaluationReport): number {
  const tied = new Set(
    report.shortlist.candidates.filter((candidate) => candidate.status === 'tied').map((c) => c.id),
  );
  let count = 0;
  for (const tie of report.shortlist.ties) {
    if (!tie.at_cut || !tie.candidates.some((id) => tied.has(id))) continue;
    count += Math.max(0, tie.candidates.length - (tie.seats ?? 0));
  }
  return count;
}

/**
 * Renders one letter per rejected, invalid or reserve candidate with `templateText`
 * (templates/letter.<lang>.md), one at a time, so thousands of letters are never held together.
 */
export function* renderLetterFiles(
  report: EvaluationReport,
  lang: Lang,
  templateText: string,
): Generator<LetterFile> {
  const nameOf = letterNamer(report);
  // Only two hashes alike in 8 hex digits could still clash (or, on a case-insensitive disk,
  // differ by case): numbered then, as a last resort.
  const used = new Set<string>();
  let reservePosition = tiedForReserve(report);
  for (const candidate of report.shortlist.candidates) {
    if (candidate.status === 'reserve') reservePosition += 1;
    else if (candidate.status !== 'rejected' && candidate.status !== 'invalid') continue;
    const base = `letter-${nameOf(candidate.id)}`;
    let file = `${base}.${lang}.md`;
    for (let n = 2; used.has(file.toLowerCase()); n += 1) file = `${base}~${n}.${lang}.md`;
    used.add(file.toLowerCase());
    const view = buildLetterView(report, candidate, lang, reservePosition);
    yield { file, content: renderMarkdownTemplate(templateText, view) };
  }
}

/** Every letter of renderLetterFiles, as a list. */
export function renderLetters(report: EvaluationReport, lang: Lang, templateText: string): LetterFile[] {
  return [...renderLetterFiles(report, lang, templateText)];
}
