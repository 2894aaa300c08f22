import { type Contender, compareIds, groupByRank, type RankGroup, tieBreakerValue } from './order.js';
import { assessStanding } from './status.js';
import type {
  CandidateEvaluation,
  CriteriaSet,
  InputIssue,
  RankedCandidate,
  Shortlist,
  Tender,
  Tie,
  TieDecision,
} from './types.js';

/** A dossier that could not be read. */
export interface InvalidCandidate {
  id: string;
  name: string;
  country: string;
  errors: InputIssue[];
  warnings: InputIssue[];
}

/** Everything ranking needs; the order of the lists does not matter. */
export interface RankingInput {
  evaluations: CandidateEvaluation[];
  invalid: InvalidCandidate[];
  decisions: TieDecision[];
}

function sameIds(a: string[], b: string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}

/**
 * A decision fills the seats of this tie only if its choice still fits it: distinct ids, all in
 * the group, exactly `seats` of them. A decision taken when `shortlist.max` (hence the seats) was
 * different, or one naming a candidate twice, would shortlist too many or too few; it is ignored
 * and the tie stays open for the committee rather than being broken silently.
 */
function fitsTie(d: TieDecision, group: string[], seats: number): boolean {
  const chosen = new Set(d.chosen);
  return (
    chosen.size === d.chosen.length && chosen.size === seats && d.chosen.every((id) => group.includes(id))
  );
}

/** Orders two decisions recorded at the same instant, so the input order never matters. */
function choiceKey(d: TieDecision): string {
  return [...d.chosen].sort(compareIds).join('\n');
}

/** The latest decision (by `at`) for exactly this tied group whose choice fills its `seats`. */
function findDecision(group: string[], seats: number, decisions: TieDecision[]): TieDecision | undefined {
  let found: TieDecision | undefined;
  for (const d of decisions) {
    if (!sameIds(d.tied, group) || !fitsTie(d, group, seats)) continue;
    if (!found || d.at > found.at || (d.at === found.at && choiceKey(d) > choiceKey(found))) found = d;
  }
  return found;
}

function toRanked(
  ev: CandidateEvaluation,
  status: RankedCandidate['status'],
  rank: number | null,
  total: number | null,
  reasons: RankedCandidate['reasons'],
): RankedCandidate {
  const consensus = Object.values(ev.criteria)
    .filter((r) => r.flags?.includes('consensus'))
    .map((r) => r.criterion);
  return {
    id: ev.id,
    name: ev.name,
    country: ev.country,
    status,
    rank,
    total,
    criteria: ev.criteria,
    reasons,
    warnings: ev.warnings,
    errors: [],
    consensus,
  };
}

function toInvalid(c: InvalidCandidate): RankedCandidate {
  const reasons = c.errors.map((e) => {
    const where = `${e.file}${e.line === undefined ? '' : `:${e.line}`}${e.path === '' ? '' : ` (${e.path})`}`;
    // The reason code's wording heads it (« Dossier irrecevable (illisible ou incomplet) »):
    // the message says where and what, not again that the dossier is unreadable — some were
    // read, and only failed a check (a currency without a rate, say).
    return {
      criterion: 'invalid',
      message: { fr: `${where} : ${e.message}`, en: `${where}: ${e.message}` },
    };
  });
  // Every excluded candidate must be told why, even if the reader reported no detail.
  if (reasons.length === 0) {
    reasons.push({
      criterion: 'invalid',
      message: { fr: 'aucun détail n’a été relevé', en: 'no detail was recorded' },
    });
  }
  return {
    id: c.id,
    name: c.name,
    country: c.country,
    status: 'invalid',
    rank: null,
    total: null,
    criteria: {},
    reasons,
    warnings: c.warnings,
    errors: c.errors,
    consensus: [],
  };
}

/** Places one rank group against the cut at `max`, recording the tie if there is one. */
function placeGroup(group: RankGroup, max: number, decisions: TieDecision[], ties: Tie[]): RankedCandidate[] {
  const ids = group.members.map((m) => m.ev.id).sort(compareIds);
  const last = group.rank + group.members.length - 1;
  const atCut = group.rank <= max && last > max;
  const seats = max - group.rank + 1;
  const tie: Tie | null =
    group.members.length > 1 ? { rank: group.rank, candidates: ids, at_cut: atCut } : null;
  const decision = atCut ? findDecision(ids, seats, decisions) : undefined;
  if (tie && atCut) tie.seats = seats;
  if (tie && decision) tie.decision = decision;
  if (tie) ties.push(tie);
  return group.members.map((m) => {
    let status: RankedCandidate['status'] =
      last <= max ? 'shortlisted' : group.rank > max ? 'reserve' : 'tied';
    if (atCut && decision) status = decision.chosen.includes(m.ev.id) ? 'shortlisted' : 'reserve';
    return toRanked(m.ev, status, group.rank, m.total, []);
  });
}

/**
 * SPEC §5–§6: assigns every candidate a status, ranks the qualified ones by total then tie-breakers
 * (equal candidates share a rank), cuts at `shortlist.max` and never breaks a tie across the cut
 * unless the committee recorded a decision for exactly that group and its seats. Deterministic whatever the
 * order of the inputs.
 */
export function rankCandidates(input: RankingInput, criteria: CriteriaSet, tender: Tender): Shortlist {
  const { min, max } = tender.shortlist;
  const contenders: Contender[] = [];
  const pending: RankedCandidate[] = [];
  const rejected: RankedCandidate[] = [];
  for (const ev of input.evaluations) {
    const standing = assessStanding(ev, criteria);
    if (standing.status === 'qualified' && standing.total !== null) {
      contenders.push({
        ev,
        total: standing.total,
        keys: criteria.tie_breakers.map((tb) => tieBreakerValue(ev, tb)),
      });
    } else if (standing.status === 'pending') {
      pending.push(toRanked(ev, 'pending', null, null, []));
    } else {
      rejected.push(toRanked(ev, 'rejected', null, standing.total, standing.reasons));
    }
  }
  const ties: Tie[] = [];
  const ranked = groupByRank(contenders).flatMap((group) => placeGroup(group, max, input.decisions, ties));
  const byId = (a: RankedCandidate, b: RankedCandidate) => compareIds(a.id, b.id);
  const invalid = input.invalid.map(toInvalid);
  const candidates = [...ranked, ...pending.sort(byId), ...rejected.sort(byId), ...invalid.sort(byId)];
  const undecidedAtCut = ties.some((t) => t.at_cut && !t.decision);
  return {
    min,
    max,
    filled: ranked.filter((c) => c.status === 'shortlisted').length,
    below_min: contenders.length < min,
    candidates,
    ties,
    awaitingCommittee: undecidedAtCut || pending.length > 0,
  };
}
