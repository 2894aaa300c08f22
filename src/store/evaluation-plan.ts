import type Database from 'better-sqlite3';
import type { Criterion } from '../core/types.js';
import { getCriteriaVersion } from './criteria-versions.js';
import { criterionKey } from './evaluation-parts.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';

/*
 * Where the cached results of a criteria version are (schema-v5.ts): each of its criteria's key,
 * the criterion groups holding any, and what each dossier still lacks.
 */

/** Where a criteria version's results are: each criterion's key and the groups holding any. */
export interface CachePlan {
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

export function cachePlan(store: Store, criteriaVersion: number, contextHash: string): CachePlan {
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

export function keptPlan(store: Store, criteriaVersion: number, contextHash: string): CachePlan {
  return (
    plans.get(store.db)?.get(`${criteriaVersion}\n${contextHash}`) ??
    cachePlan(store, criteriaVersion, contextHash)
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
