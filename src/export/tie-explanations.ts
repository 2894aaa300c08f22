/**
 * Why candidates with equal totals stand where they do (SPEC §5): the tie-breaker that
 * separated them and its values, or the committee decision that gave the seat at the cut.
 * The committee must be able to defend every rank, so no such separation goes unexplained.
 */
import { tieBreakerValue } from '../core/order.js';
import { formatMoney } from '../core/text.js';
import type {
  EvaluationReport,
  Lang,
  RankedCandidate,
  Shortlist,
  TieBreaker,
  TieDecision,
} from '../core/types.js';
import { formatCalendarDate, formatPlain, formatPoints } from './format.js';
import { displayCandidate } from './report-view-records.js';
import { joinClauses, withColon } from './rule-summary.js';

/** How each metric a tie-breaker may read is named, per rule type (`*` for any rule). */
const METRIC_NAMES: Record<string, Record<Lang, string>> = {
  'references.count': { fr: 'nombre de références', en: 'number of references' },
  'references.total_value': { fr: 'valeur totale des références', en: 'total value of the references' },
  'experts.count': { fr: "nombre d'experts", en: 'number of experts' },
  'staff.count': { fr: 'effectif', en: 'staff count' },
  'turnover.average': { fr: "chiffre d'affaires moyen", en: 'average turnover' },
  'current_ratio.lowest': { fr: 'ratio de liquidité le plus bas', en: 'lowest current ratio' },
  '*.points': { fr: 'points', en: 'points' },
};
/** Metrics that are amounts in the tender currency. */
const MONEY_METRICS = new Set(['total_value', 'average']);

/** Joins names: `A et B`, `A, B et C` / `A and B`, `A, B and C`. */
export function joinNames(names: string[], lang: Lang): string {
  const and = lang === 'fr' ? ' et ' : ' and ';
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1]}`;
}

/** `SEL-4 (nombre de références)`: the criterion and the metric the tie-breaker reads. */
export function describeTieBreaker(report: EvaluationReport, breaker: TieBreaker, lang: Lang): string {
  const criterion = report.criteria.criteria.find((entry) => entry.id === breaker.criterion);
  const type = criterion?.rule.type ?? '*';
  const name =
    METRIC_NAMES[`${type}.${breaker.metric}`]?.[lang] ??
    METRIC_NAMES[`*.${breaker.metric}`]?.[lang] ??
    breaker.metric;
  return `${breaker.criterion} (${name})`;
}

/** The value a tie-breaker compared, as ranking saw it (a missing value ranks lowest). */
function breakerValue(candidate: RankedCandidate, breaker: TieBreaker): number {
  // Ranking reads only the criteria results; the dossier hash plays no part in it.
  return tieBreakerValue({ ...candidate, dossierHash: '' }, breaker);
}

function formatBreakerValue(report: EvaluationReport, breaker: TieBreaker, value: number, lang: Lang) {
  if (value === Number.NEGATIVE_INFINITY) return lang === 'fr' ? 'aucune valeur' : 'no value';
  if (value === Number.POSITIVE_INFINITY) return lang === 'fr' ? 'sans limite' : 'unbounded';
  if (breaker.metric === 'points') return formatPoints(value, lang);
  if (MONEY_METRICS.has(breaker.metric)) return formatMoney(value, report.tender.currency, lang);
  return formatPlain(value, lang);
}

/** `SEL-4 (nombre de références) : 3 contre 2`, or null when no tie-breaker tells them apart. */
export function explainSeparation(
  report: EvaluationReport,
  ahead: RankedCandidate,
  behind: RankedCandidate,
  lang: Lang,
): string | null {
  for (const breaker of report.criteria.tie_breakers) {
    const first = breakerValue(ahead, breaker);
    const second = breakerValue(behind, breaker);
    if (first === second) continue;
    const versus = lang === 'fr' ? ' contre ' : ' to ';
    const values = `${formatBreakerValue(report, breaker, first, lang)}${versus}${formatBreakerValue(report, breaker, second, lang)}`;
    return withColon(describeTieBreaker(report, breaker, lang), values, lang);
  }
  return null;
}

const name = (candidate: RankedCandidate) => displayCandidate(candidate.name, candidate.id);

/** Ranked candidates (shortlisted, tied, reserve) grouped by equal total, in rank order. */
function groupByTotal(report: EvaluationReport): RankedCandidate[][] {
  const groups = new Map<number, RankedCandidate[]>();
  for (const candidate of report.shortlist.candidates) {
    if (candidate.rank === null || candidate.total === null) continue;
    const group = groups.get(candidate.total);
    if (group) group.push(candidate);
    else groups.set(candidate.total, [candidate]);
  }
  return [...groups.values()];
}

/**
 * Every group of candidates with equal totals that the tie-breakers split into different
 * ranks: who, the shared total, and which tie-breaker put each one ahead of the next.
 */
export function buildBrokenTies(report: EvaluationReport, lang: Lang) {
  const groups = groupByTotal(report).filter((group) => new Set(group.map((c) => c.rank)).size > 1);
  return groups.map((group) => {
    const steps: string[] = [];
    for (let i = 1; i < group.length; i += 1) {
      const ahead = group[i - 1];
      const behind = group[i];
      if (!ahead || !behind || ahead.rank === behind.rank) continue;
      const why = explainSeparation(report, ahead, behind, lang) ?? '—';
      // Two candidates need no "who before whom": the list order says it.
      steps.push(group.length === 2 ? why : withColon(`${name(ahead)} / ${name(behind)}`, why, lang));
    }
    const shortlisted = group.some((c) => c.status === 'shortlisted');
    return {
      candidates: joinNames(group.map(name), lang),
      total: formatPoints(group[0]?.total ?? null, lang),
      at_cut: shortlisted && group.some((c) => c.status !== 'shortlisted'),
      decided_by: joinClauses(steps, lang),
    };
  });
}

/**
 * For a reserve candidate whose total equals the last shortlisted candidate's, ranked below it
 * by a tie-breaker: that candidate, the shared total and the tie-breaker's verdict; else null.
 */
export function explainReserveTieBreak(report: EvaluationReport, candidate: RankedCandidate, lang: Lang) {
  if (candidate.status !== 'reserve') return null;
  const last = lastShortlisted(report.shortlist);
  if (!last || last.total !== candidate.total) return null;
  if (last.rank === candidate.rank) return null;
  const decided = explainSeparation(report, last, candidate, lang);
  return decided ? { ahead: name(last), total: formatPoints(last.total, lang), decided_by: decided } : null;
}

/** Found once per shortlist: the reserve table and the letters ask for each reserve candidate. */
const lastShortlistedOf = new WeakMap<Shortlist, RankedCandidate | undefined>();

function lastShortlisted(shortlist: Shortlist): RankedCandidate | undefined {
  if (!lastShortlistedOf.has(shortlist))
    lastShortlistedOf.set(
      shortlist,
      shortlist.candidates.findLast((c) => c.status === 'shortlisted'),
    );
  return lastShortlistedOf.get(shortlist);
}

/** The committee decision that left `candidate` on the reserve list while tied at the cut, if any. */
export function findLosingDecision(report: EvaluationReport, candidate: RankedCandidate): TieDecision | null {
  if (candidate.status !== 'reserve') return null;
  const tie = report.shortlist.ties.find(
    (entry) => entry.decision && entry.candidates.includes(candidate.id),
  );
  const decision = tie?.decision;
  return decision && !decision.chosen.includes(candidate.id) ? decision : null;
}

/** The decision as letters and the reserve table state it: who got the seat, when, why. */
export function describeLosingDecision(report: EvaluationReport, candidate: RankedCandidate, lang: Lang) {
  const decision = findLosingDecision(report, candidate);
  if (!decision) return null;
  const byId = new Map(report.shortlist.candidates.map((c) => [c.id, c]));
  const chosen = decision.chosen.map((id) => {
    const entry = byId.get(id);
    return entry ? name(entry) : id;
  });
  return {
    chosen: joinNames(chosen, lang),
    date: formatCalendarDate(decision.at.slice(0, 10), lang),
    reason: decision.reason,
  };
}
