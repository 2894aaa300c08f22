import type Database from 'better-sqlite3';
import { compareIds } from '../core/order.js';
import type { CandidateEvaluation, Criterion, CriterionResult, InputIssue } from '../core/types.js';
import { getCriteriaVersion } from './criteria-versions.js';
import { criterionKey, decodeDetails } from './evaluation-parts.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';

/*
 * Automatic evaluations, cached per criterion (schema-v4.ts, evaluation-parts.ts): a criteria
 * version's evaluation of a dossier is assembled from the results of its criteria, wherever they
 * were computed — under this version or an earlier one that defined the criterion the same way.
 * Only results of the dossier's current content count.
 */

/** Where a criteria version's results are: each criterion's key and the groups holding any. */
interface CachePlan {
  criteria: Criterion[];
  /** JSON array of the ids of `groups`, bound to the queries. */
  groupIds: string;
  /** Group id → where each criterion's result sits in the group's arrays (-1: not there). */
  groups: Map<number, number[]>;
}

/**
 * The plan of a criteria version in a given context. Groups are only ever added, and a plan that
 * misses a newer group can only fail to find a result, never find a wrong one: the exports, which
 * read one candidate at a time, reuse the plan kept per connection and make it again on a miss.
 */
const plans = new WeakMap<Database.Database, Map<string, CachePlan>>();

function cachePlan(store: Store, criteriaVersion: number, contextHash: string): CachePlan {
  const criteria = getCriteriaVersion(store, criteriaVersion)?.criteria.criteria ?? [];
  const keys = criteria.map((criterion) => criterionKey(criterion, contextHash));
  const groups = new Map<number, number[]>();
  const rows = statement(store.db, 'SELECT id, criterion_keys FROM criterion_groups ORDER BY id').all() as {
    id: number;
    criterion_keys: string;
  }[];
  for (const row of rows) {
    const held = JSON.parse(row.criterion_keys) as string[];
    const positions = keys.map((key) => held.indexOf(key));
    if (positions.some((position) => position >= 0)) groups.set(row.id, positions);
  }
  const plan = { criteria, groupIds: JSON.stringify([...groups.keys()]), groups };
  const byVersion = plans.get(store.db) ?? new Map<string, CachePlan>();
  plans.set(store.db, byVersion.set(`${criteriaVersion}\n${contextHash}`, plan));
  return plan;
}

function keptPlan(store: Store, criteriaVersion: number, contextHash: string): CachePlan {
  return (
    plans.get(store.db)?.get(`${criteriaVersion}\n${contextHash}`) ??
    cachePlan(store, criteriaVersion, contextHash)
  );
}

/** An evaluation part of a dossier's current content (`hash`, from the dossier row). */
interface CurrentPart {
  candidate: string;
  hash: string;
  warnings: string;
  grp: number;
  name: string;
  country: string;
  /** `summaries` or `details`, as the query chose. */
  payload: string | Buffer;
}

/**
 * Current parts in the plan's groups. CROSS JOIN keeps the dossiers as the outer loop, so each
 * one's parts are found through the primary key; ordering by id here made SQLite sort every row
 * (payloads included), several times slower than sorting in byCandidate.
 */
const currentParts = (payload: 'summaries' | 'details') =>
  `SELECT d.id AS candidate, d.hash, p.criterion_group AS grp, p.name, p.country, p.warnings,
     p.${payload} AS payload
   FROM dossiers d
   CROSS JOIN evaluation_parts p ON p.candidate = d.id AND p.dossier_hash = d.hash
     AND p.criterion_group IN (SELECT value FROM json_each(?))
   WHERE d.status <> 'withdrawn'`;
const SUMMARIES = currentParts('summaries');
const DETAILS_OF_ONE = `${currentParts('details')} AND d.id = ?`;

/**
 * Puts into `criteria`, in the version's order, each criterion's result from the first of a
 * candidate's current parts (oldest group first) that holds it, decoding a part only when used.
 * False when a criterion has none.
 */
function collectResults(
  plan: CachePlan,
  parts: readonly CurrentPart[],
  decode: (payload: string | Buffer) => CriterionResult[],
  criteria: Record<string, CriterionResult>,
): boolean {
  const decoded = new Map<CurrentPart, CriterionResult[]>();
  for (const [index, criterion] of plan.criteria.entries()) {
    const position = (part: CurrentPart) => plan.groups.get(part.grp)?.[index] ?? -1;
    const part = parts.find((p) => position(p) >= 0);
    if (!part) return false;
    const results = decoded.get(part) ?? decode(part.payload);
    decoded.set(part, results);
    criteria[criterion.id] = results[position(part)] as CriterionResult;
  }
  return true;
}

/** Rows split per candidate, in id order, each candidate's parts oldest group first. */
function byCandidate(rows: readonly CurrentPart[]): CurrentPart[][] {
  const split = new Map<string, CurrentPart[]>();
  for (const row of rows) {
    const parts = split.get(row.candidate);
    if (parts) parts.push(row);
    else split.set(row.candidate, [row]);
  }
  for (const parts of split.values()) if (parts.length > 1) parts.sort((a, b) => a.grp - b.grp);
  return [...split.keys()].sort(compareIds).map((id) => split.get(id) as CurrentPart[]);
}

/**
 * Cached evaluation summaries (core/summarize.ts) of every active dossier whose current content
 * has a result for every criterion of the version, by candidate id.
 */
export function getCachedSummaries(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
): Map<string, CandidateEvaluation> {
  const plan = cachePlan(store, criteriaVersion, contextHash);
  const rows = statement(store.db, SUMMARIES).all(plan.groupIds) as CurrentPart[];
  const found = new Map<string, CandidateEvaluation>();
  for (const parts of byCandidate(rows)) {
    // The objects are made here and in getCachedEvaluation, not in a shared helper: V8 would then
    // allocate the evaluations the exports read and drop in its old generation, as it learns to do
    // for these summaries that are kept, and reading 10,000 of them measured twice as slow.
    const criteria: Record<string, CriterionResult> = {};
    const first = parts[0] as CurrentPart;
    if (!collectResults(plan, parts, (payload) => JSON.parse(payload as string), criteria)) continue;
    found.set(first.candidate, {
      id: first.candidate,
      name: first.name,
      country: first.country,
      dossierHash: first.hash,
      criteria,
      warnings: JSON.parse(first.warnings) as InputIssue[],
    });
  }
  return found;
}

/** The full cached evaluation of one candidate's current content; null when a result is missing. */
export function getCachedEvaluation(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
  candidate: string,
): CandidateEvaluation | null {
  const read = (plan: CachePlan): CandidateEvaluation | null => {
    const parts = statement(store.db, DETAILS_OF_ONE).all(plan.groupIds, candidate) as CurrentPart[];
    const criteria: Record<string, CriterionResult> = {};
    const first = parts.sort((a, b) => a.grp - b.grp)[0];
    if (!first || !collectResults(plan, parts, decodeDetails, criteria)) return null;
    return {
      id: first.candidate,
      name: first.name,
      country: first.country,
      dossierHash: first.hash,
      criteria,
      warnings: JSON.parse(first.warnings) as InputIssue[],
    };
  };
  return (
    read(keptPlan(store, criteriaVersion, contextHash)) ??
    read(cachePlan(store, criteriaVersion, contextHash))
  );
}

/** An active dossier, and the criteria whose result its current content lacks. */
export interface CacheCoverage {
  id: string;
  hash: string;
  /** False for a dossier that could not be read: it has nothing to evaluate. */
  valid: boolean;
  /** Indexes, in the version's order, of the criteria without a cached result (none when not valid). */
  missing: number[];
}

/**
 * Every active dossier, by id, with what a re-score must compute for it: one pass over the
 * dossiers, reading the index of the parts only.
 */
export function getCacheCoverage(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
): CacheCoverage[] {
  const plan = cachePlan(store, criteriaVersion, contextHash);
  const rows = statement(
    store.db,
    // A dossier is stored with a document exactly when it is valid (dossier-writes.ts): the
    // status alone says it, and the query reads the dossiers_heads index only.
    `SELECT d.id, d.hash, d.status = 'valid' AS valid,
       (SELECT json_group_array(p.criterion_group) FROM evaluation_parts p
        WHERE p.criterion_group IN (SELECT value FROM json_each(?))
          AND p.candidate = d.id AND p.dossier_hash = d.hash) AS groups
     FROM dossiers d
     WHERE d.status <> 'withdrawn'
     ORDER BY d.id`,
  ).all(plan.groupIds) as { id: string; hash: string; valid: 0 | 1; groups: string }[];
  return rows.map((row) => {
    if (!row.valid) return { id: row.id, hash: row.hash, valid: false, missing: [] };
    const held = (JSON.parse(row.groups) as number[]).map((id) => plan.groups.get(id) ?? []);
    const missing = plan.criteria.flatMap((_, index) =>
      held.some((positions) => (positions[index] ?? -1) >= 0) ? [] : [index],
    );
    return { id: row.id, hash: row.hash, valid: true, missing };
  });
}

/**
 * Candidate id → dossier hash of every dossier whose current content has every result of the
 * version cached: what a re-score needs to know, without reading the results themselves.
 */
export function listCachedEvaluationKeys(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
): Map<string, string> {
  const complete = getCacheCoverage(store, criteriaVersion, contextHash).filter(
    (d) => d.valid && d.missing.length === 0,
  );
  return new Map(complete.map((d) => [d.id, d.hash]));
}
