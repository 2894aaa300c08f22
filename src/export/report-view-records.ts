/**
 * The committee's own records in the report view: members, ties and the decisions taken
 * on them, overrides of automatic verdicts, and manual scores flagged for consensus.
 */
import type { CriterionResult, EvaluationReport, Lang, Override, RankedCandidate } from '../core/types.js';
import { formatInstant, formatPoints } from './format.js';
import { formatCount, labelsFor } from './labels.js';
import { criterionLabel, joinClauses, withColon } from './rule-summary.js';

const ROLES: Record<Lang, Record<string, string>> = {
  fr: { chair: 'président(e)', secretary: 'secrétaire', evaluator: 'évaluateur·rice' },
  en: { chair: 'chair', secretary: 'secretary', evaluator: 'evaluator' },
};

/** `Name (id)`, or the id alone when the name is the id (an unreadable dossier has no other). */
export function displayCandidate(name: string, id: string): string {
  return name === id || !name ? id : `${name} (${id})`;
}

/** Candidates by id, built once per report (the records look candidates up many times). */
const CANDIDATES = new WeakMap<EvaluationReport, Map<string, RankedCandidate>>();

function candidateById(report: EvaluationReport, id: string): RankedCandidate | undefined {
  let byId = CANDIDATES.get(report);
  if (!byId) {
    byId = new Map(report.shortlist.candidates.map((candidate) => [candidate.id, candidate]));
    CANDIDATES.set(report, byId);
  }
  return byId.get(id);
}

/** How a candidate id is shown in the committee's records. */
function nameCandidate(report: EvaluationReport, id: string): string {
  const candidate = candidateById(report, id);
  return candidate ? displayCandidate(candidate.name, id) : id;
}

function buildCommittee(report: EvaluationReport, lang: Lang) {
  return report.committee.map((member) => ({
    name: member.name,
    role: ROLES[lang][member.role] ?? member.role,
    declared: member.declaredAt ? formatInstant(member.declaredAt, lang) : labelsFor(lang).none,
  }));
}

function describeSeats(seats: number, lang: Lang): string {
  return lang === 'fr'
    ? `${formatCount(seats, lang, 'place', 'places')} à pourvoir`
    : `${formatCount(seats, lang, 'place', 'places')} left`;
}

function buildTies(report: EvaluationReport, lang: Lang) {
  return report.shortlist.ties.map((tie) => ({
    rank: String(tie.rank),
    candidates: tie.candidates.map((id) => nameCandidate(report, id)).join(', '),
    at_cut: tie.at_cut,
    /** Shortlist places left for the tied candidates; empty when the core did not say. */
    seats: tie.seats === undefined ? '' : String(tie.seats),
    /** `1 place à pourvoir` / `2 places left`, agreed with the count; empty like `seats`. */
    seats_text: tie.seats === undefined ? '' : describeSeats(tie.seats, lang),
    undecided: tie.at_cut && !tie.decision,
    decision: tie.decision
      ? {
          chosen: tie.decision.chosen.map((id) => nameCandidate(report, id)).join(', '),
          by: tie.decision.by,
          at: formatInstant(tie.decision.at, lang),
          reason: tie.decision.reason,
        }
      : null,
  }));
}

/** `Non conforme → Conforme` or `12,00 → 15,00`, from the verdict kept before the override. */
function describeChange(override: Override, result: CriterionResult | undefined, lang: Lang): string {
  const labels = labelsFor(lang);
  const verdict = (passed: boolean | null | undefined) =>
    passed === true ? labels.pass : passed === false ? labels.fail : labels.none;
  const parts: string[] = [];
  if (override.passed !== undefined) {
    const before = result?.automatic?.pending ? labels.status.pending : verdict(result?.automatic?.passed);
    parts.push(`${before} → ${verdict(override.passed)}`);
  }
  if (override.points !== undefined) {
    const before = result?.automatic?.points ?? null;
    parts.push(`${formatPoints(before, lang)} → ${formatPoints(override.points, lang)}`);
  }
  return joinClauses(parts, lang);
}

function buildOverrides(report: EvaluationReport, lang: Lang) {
  return report.overrides.map((override) => {
    const candidate = candidateById(report, override.candidate);
    return {
      candidate: nameCandidate(report, override.candidate),
      criterion: override.criterion,
      label: criterionLabel(report.criteria, override.criterion, lang),
      change: describeChange(override, candidate?.criteria[override.criterion], lang),
      by: override.by,
      at: formatInstant(override.at, lang),
      reason: override.reason,
    };
  });
}

function buildConsensus(report: EvaluationReport, lang: Lang) {
  const scoresOf = new Map<string, EvaluationReport['scores']>();
  for (const score of report.scores) {
    const key = `${score.candidate}\u0000${score.criterion}`;
    scoresOf.set(key, [...(scoresOf.get(key) ?? []), score]);
  }
  return report.shortlist.candidates.flatMap((candidate) =>
    candidate.consensus.map((criterion) => {
      const scores = scoresOf.get(`${candidate.id}\u0000${criterion}`) ?? [];
      const points = scores.map((score) => score.points);
      const spread = points.length ? Math.max(...points) - Math.min(...points) : null;
      return {
        candidate: nameCandidate(report, candidate.id),
        criterion,
        label: criterionLabel(report.criteria, criterion, lang),
        scores: joinClauses(
          scores.map((score) => withColon(score.evaluator, formatPoints(score.points, lang), lang)),
          lang,
        ),
        spread: formatPoints(spread, lang),
      };
    }),
  );
}

/** Committee, ties, overrides and consensus parts of the report view. */
export function buildRecordViews(report: EvaluationReport, lang: Lang) {
  return {
    committee: buildCommittee(report, lang),
    ties: buildTies(report, lang),
    overrides: buildOverrides(report, lang),
    consensus: buildConsensus(report, lang),
  };
}
