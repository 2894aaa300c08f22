import { compareIds } from '../core/order.js';
import type { CandidateEvaluation, CriterionResult, InputIssue } from '../core/types.js';
import { decodeDetails } from './evaluation-parts.js';
import { type CachePlan, cachePlan, keptPlan } from './evaluation-plan.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';

/*
 * Automatic evaluations, cached per criterion (schema-v5.ts, evaluation-parts.ts): a criteria
 * version's evaluation of a dossier is assembled from the results of its criteria, wherever they
 * were computed — under this version or an earlier one that defined the criterion the same way
 * (evaluation-plan.ts). Only results of the dossier's current content count.
 */

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
 * (payloads included), several times slower than sorting the decoded evaluations.
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
/** The parts of one given content, whether or not it is still the dossier's current one. */
const DETAILS_OF_CONTENT = `SELECT p.candidate, p.dossier_hash AS hash, p.criterion_group AS grp, p.name,
     p.country, p.warnings, p.details AS payload
   FROM evaluation_parts p
   WHERE p.criterion_group IN (SELECT value FROM json_each(?)) AND p.candidate = ? AND p.dossier_hash = ?`;

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

/**
 * Calls `take` with each candidate's parts, oldest group first, as the rows of SUMMARIES come:
 * the CROSS JOIN gives a candidate's parts one after the other, so only one candidate's rows are
 * held at a time (at 100,000 dossiers, every row at once held 150 MB of JSON text).
 */
function forEachCandidate(rows: Iterable<CurrentPart>, take: (parts: CurrentPart[]) => void): void {
  const done = new Set<string>();
  let parts: CurrentPart[] = [];
  const flush = () => {
    if (parts.length === 0) return;
    if (parts.length > 1) parts.sort((a, b) => a.grp - b.grp);
    take(parts);
    parts = [];
  };
  for (const row of rows) {
    if (parts.length > 0 && parts[0]!.candidate !== row.candidate) {
      done.add(parts[0]!.candidate);
      flush();
    }
    if (done.has(row.candidate)) throw new Error(`internal: the parts of ${row.candidate} came apart`);
    parts.push(row);
  }
  flush();
}

/**
 * One frozen empty list for every empty list of a summary (explanations, metrics such as
 * `missing`, warnings): most are empty, and at 12 criteria and 100,000 candidates an array each
 * held about 40 MB for the whole ranking and export. Frozen, so code that would add to a shared
 * list fails instead of changing them all.
 */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

function decodeSummaries(payload: string | Buffer): CriterionResult[] {
  const results = JSON.parse(payload as string) as CriterionResult[];
  for (const result of results) {
    if (result.explanation.length === 0) result.explanation = EMPTY;
    const { metrics } = result;
    for (const key in metrics) {
      const value = metrics[key];
      if (Array.isArray(value) && value.length === 0) metrics[key] = EMPTY;
    }
  }
  return results;
}

/** Results of a criterion looked up before its pool may be closed for sharing too few. */
const POOL_TRIAL = 1000;

/**
 * Equal summaries, shared: ranking holds every candidate's summary, and many candidates have
 * the same result for a criterion (a gate passed with nothing missing, so many points for one
 * reference). In the benchmark's workspace 64% of the results equal one seen before: at
 * 100,000 candidates, sharing them takes the summaries held from ~166 MB to about half.
 * A criterion whose results mostly differ (a date, an average turnover) is no longer pooled
 * once a trial shows it, so their keys are not kept for nothing. Shared results are frozen:
 * code that would change one fails instead of changing every candidate's.
 */
class SummaryPool {
  readonly #pools = new Map<
    string,
    { seen: Map<string, CriterionResult> | null; tries: number; hits: number }
  >();

  share(result: CriterionResult): CriterionResult {
    let pool = this.#pools.get(result.criterion);
    if (!pool) {
      pool = { seen: new Map(), tries: 0, hits: 0 };
      this.#pools.set(result.criterion, pool);
    }
    if (pool.seen === null) return result;
    const key = JSON.stringify(result);
    const found = pool.seen.get(key);
    pool.tries += 1;
    if (found) {
      pool.hits += 1;
      return found;
    }
    if (pool.tries >= POOL_TRIAL && pool.hits * 2 < pool.tries) {
      pool.seen = null;
      return result;
    }
    pool.seen.set(key, deepFreeze(result));
    return result;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

const decodeWarnings = (text: string): InputIssue[] =>
  text === '[]' ? EMPTY : (JSON.parse(text) as InputIssue[]);

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
  const rows = statement(store.db, SUMMARIES).iterate(plan.groupIds) as Iterable<CurrentPart>;
  const found: CandidateEvaluation[] = [];
  const pool = new SummaryPool();
  const decode = (payload: string | Buffer) => decodeSummaries(payload).map((result) => pool.share(result));
  forEachCandidate(rows, (parts) => {
    // The objects are made here and in getCachedEvaluation, not in a shared helper: V8 would then
    // allocate the evaluations the exports read and drop in its old generation, as it learns to do
    // for these summaries that are kept, and reading 10,000 of them measured twice as slow.
    const criteria: Record<string, CriterionResult> = {};
    const first = parts[0] as CurrentPart;
    if (!collectResults(plan, parts, decode, criteria)) return;
    found.push({
      id: first.candidate,
      name: first.name,
      country: first.country,
      dossierHash: first.hash,
      criteria,
      warnings: decodeWarnings(first.warnings),
    });
  });
  // In id order, as callers list them.
  return new Map(found.sort((a, b) => compareIds(a.id, b.id)).map((ev) => [ev.id, ev]));
}

/**
 * The full cached evaluation of one candidate's content `dossierHash` — the one a ranking read,
 * even if another process has since ingested a newer one — or, without it, of its current
 * content; null when a result is missing.
 */
export function getCachedEvaluation(
  store: Store,
  criteriaVersion: number,
  contextHash: string,
  candidate: string,
  dossierHash?: string,
): CandidateEvaluation | null {
  const read = (plan: CachePlan): CandidateEvaluation | null => {
    const parts = (
      dossierHash === undefined
        ? statement(store.db, DETAILS_OF_ONE).all(plan.groupIds, candidate)
        : statement(store.db, DETAILS_OF_CONTENT).all(plan.groupIds, candidate, dossierHash)
    ) as CurrentPart[];
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
