import type { RankedCandidate, Shortlist, Status } from '../core/types.js';
import { findCauses } from './find-causes.js';
import type { Scenario } from './scenario.js';

/** A criterion's verdict for one candidate: gate `pass`/`fail`, score points, `pending`, or null when absent. */
export type VerdictValue = 'pass' | 'fail' | 'pending' | number | null;

/** What changed for one candidate that explains its move: a criterion id or a setting name. */
export interface Cause {
  criterion: string;
  before: VerdictValue;
  after: VerdictValue;
}

export interface CandidateState {
  status: Status;
  rank: number | null;
  total: number | null;
}

export interface CandidateChange {
  id: string;
  name: string;
  /** Null when the candidate is absent on that side. */
  before: CandidateState | null;
  after: CandidateState | null;
  causes: Cause[];
}

export interface SettingChange {
  parameter: 'shortlist_threshold' | 'shortlist.max' | 'shortlist.min';
  before: number | null;
  after: number | null;
}

/** Every candidate whose status, rank or total differs between two shortlists, and why. */
export interface ShortlistDiff {
  settings: SettingChange[];
  /** Criteria ids added, removed, or whose definition (kind, max, rule) differs. */
  criteria: { added: string[]; removed: string[]; changed: string[] };
  filled: { before: number; after: number };
  changes: CandidateChange[];
}

/** One side of the comparison: a shortlist and the scenario it was computed under. */
export interface ComparedSide {
  shortlist: Shortlist;
  scenario: Scenario;
}

function stateOf(c: RankedCandidate | undefined): CandidateState | null {
  return c ? { status: c.status, rank: c.rank, total: c.total } : null;
}

function sameState(a: CandidateState | null, b: CandidateState | null): boolean {
  return a?.status === b?.status && a?.rank === b?.rank && a?.total === b?.total;
}

function compareSettings(before: Scenario, after: Scenario): SettingChange[] {
  const pairs: SettingChange[] = [
    {
      parameter: 'shortlist_threshold',
      before: before.criteria.shortlist_threshold ?? null,
      after: after.criteria.shortlist_threshold ?? null,
    },
    { parameter: 'shortlist.max', before: before.tender.shortlist.max, after: after.tender.shortlist.max },
    { parameter: 'shortlist.min', before: before.tender.shortlist.min, after: after.tender.shortlist.min },
  ];
  return pairs.filter((p) => p.before !== p.after);
}

function compareCriteria(before: Scenario, after: Scenario): ShortlistDiff['criteria'] {
  const definition = (s: Scenario) =>
    new Map(
      s.criteria.criteria.map((c) => [c.id, JSON.stringify({ kind: c.kind, max: c.max, rule: c.rule })]),
    );
  const a = definition(before);
  const b = definition(after);
  return {
    added: [...b.keys()].filter((id) => !a.has(id)),
    removed: [...a.keys()].filter((id) => !b.has(id)),
    changed: [...b.keys()].filter((id) => a.has(id) && a.get(id) !== b.get(id)),
  };
}

/**
 * Compares two shortlists of the same dossiers: every candidate whose status, rank or total
 * changed, with the criteria whose verdict changed for it. A candidate with no cause of its
 * own was moved by the others. Pure.
 */
export function compareShortlists(before: ComparedSide, after: ComparedSide): ShortlistDiff {
  const settings = compareSettings(before.scenario, after.scenario);
  const order = [
    ...new Set([...after.scenario.criteria.criteria, ...before.scenario.criteria.criteria].map((c) => c.id)),
  ];
  const previous = new Map(before.shortlist.candidates.map((c) => [c.id, c]));
  const next = new Map(after.shortlist.candidates.map((c) => [c.id, c]));
  const ids = [...new Set([...next.keys(), ...previous.keys()])];
  const breakers = [...after.scenario.criteria.tie_breakers, ...before.scenario.criteria.tie_breakers];
  const changes: CandidateChange[] = [];
  for (const id of ids) {
    const a = previous.get(id);
    const b = next.get(id);
    if (sameState(stateOf(a), stateOf(b))) continue;
    const name = (b ?? a)?.name ?? id;
    changes.push({
      id,
      name,
      before: stateOf(a),
      after: stateOf(b),
      causes: findCauses(a, b, { order, settings, breakers }),
    });
  }
  return {
    settings,
    criteria: compareCriteria(before.scenario, after.scenario),
    filled: { before: before.shortlist.filled, after: after.shortlist.filled },
    changes,
  };
}
