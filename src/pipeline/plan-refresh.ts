import { type CriteriaVersion, criterionKey, getCacheCoverage } from '../store/index.js';
import type { Session } from './session.js';

export interface RefreshResult {
  /** Valid active dossiers, each now with every result of the version cached. */
  evaluated: number;
  /** How many of them had results computed now, for some criteria or all (the rest were cached). */
  computed: number;
  /** How many criteria were computed for how many dossiers, fewest criteria first. */
  computedCriteria: { criteria: number; dossiers: number }[];
  /** Active dossiers that could not be read. */
  invalid: number;
}

/** Dossiers lacking the same criteria's results, evaluated and stored together. */
export interface Batch {
  /** Indexes of the criteria to evaluate, in the version's order. */
  criteria: number[];
  ids: string[];
}

export interface RefreshPlan {
  batches: Batch[];
  /** Each criterion's cache key, in the version's order. */
  keys: string[];
  result: RefreshResult;
}

/**
 * What must be evaluated for a criteria version: every valid active dossier whose current content
 * lacks some criterion's result, for those criteria only, grouped by the criteria it lacks.
 */
export function planRefresh(session: Session, version: CriteriaVersion, batchSize: number): RefreshPlan {
  const { store, contextHash } = session;
  const coverage = getCacheCoverage(store, version.version, contextHash);
  const evaluable = coverage.filter((dossier) => dossier.valid).length;
  const lacking = new Map<string, Batch>();
  for (const dossier of coverage) {
    if (dossier.missing.length === 0) continue;
    const signature = dossier.missing.join(',');
    const job = lacking.get(signature) ?? { criteria: dossier.missing, ids: [] };
    lacking.set(signature, job);
    job.ids.push(dossier.id);
  }
  const jobs = [...lacking.values()];
  const batches = jobs.flatMap(({ criteria, ids }) =>
    Array.from({ length: Math.ceil(ids.length / batchSize) }, (_, i) => ({
      criteria,
      ids: ids.slice(i * batchSize, (i + 1) * batchSize),
    })),
  );
  const counts = new Map<number, number>();
  for (const job of jobs)
    counts.set(job.criteria.length, (counts.get(job.criteria.length) ?? 0) + job.ids.length);
  const computedCriteria = [...counts]
    .sort(([a], [b]) => a - b)
    .map(([criteria, dossiers]) => ({ criteria, dossiers }));
  return {
    batches,
    keys: version.criteria.criteria.map((criterion) => criterionKey(criterion, contextHash)),
    result: {
      evaluated: evaluable,
      computed: jobs.reduce((sum, job) => sum + job.ids.length, 0),
      computedCriteria,
      invalid: coverage.length - evaluable,
    },
  };
}
