import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { summarizeResult } from '../core/summarize.js';
import type { Criterion, CriterionResult, ItemVerdict } from '../core/types.js';
import { canonicalJson } from './canonical-json.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/*
 * The write side of the evaluation cache (schema-v5.ts): criterion keys, and the stored form of
 * the results of some criteria for one dossier content.
 */

/**
 * The cache key of one criterion's results: its whole definition (rule, kind, max, label, id) and
 * `contextHash`, which stands for every other input an evaluation depends on — tender.yaml
 * (deadline, exchange rates, country groups) and the tool build. The other criteria are not part
 * of it: no rule reads them (core/evaluate.ts).
 */
export function criterionKey(criterion: Criterion, contextHash: string): string {
  return createHash('sha256')
    .update(`${canonicalJson(criterion)}\n${contextHash}`)
    .digest('hex');
}

/** Results of some criteria for one dossier content, serialised where they were computed. */
export interface EvaluationPart {
  id: string;
  dossierHash: string;
  /** The candidate's name and country, from the dossier: ranking reads them without the dossier. */
  name: string;
  country: string;
  /** JSON of the dossier's reading warnings (InputIssue[]), as stored with it. */
  warnings: string;
  /** JSON array of each result's summary (summarizeResult), in the order the criteria were given. */
  summaries: string;
  /** JSON array of the full results, same order: raw-deflated when long, else the JSON itself. */
  details: string | Uint8Array;
}

/**
 * Below this length, details are stored as text: each zlib call has a fixed cost (10 to 25 µs
 * measured here) that outweighs the bytes saved on one or two small results, as a re-score of
 * one criterion has. A whole evaluation (about 17 KB of JSON) is deflated to about a sixth.
 */
const DEFLATE_FROM = 2048;

/**
 * The stored form of `results` (the criteria's results, in order) for one dossier, made where they
 * were computed (a worker thread): compressing at level 1 costs little there.
 */
export function toEvaluationPart(
  candidate: Omit<EvaluationPart, 'summaries' | 'details'>,
  results: readonly CriterionResult[],
): EvaluationPart {
  const details = JSON.stringify(compactResults(results));
  return {
    id: candidate.id,
    dossierHash: candidate.dossierHash,
    name: candidate.name,
    country: candidate.country,
    warnings: candidate.warnings,
    summaries: JSON.stringify(results.map(summarizeResult)),
    details: details.length < DEFLATE_FROM ? details : deflateRawSync(details, { level: 1 }),
  };
}

/** The full results stored as `details` by toEvaluationPart. */
export function decodeDetails(details: string | Buffer): CriterionResult[] {
  const text = typeof details === 'string' ? details : inflateRawSync(details).toString('utf8');
  return expandResults(JSON.parse(text) as StoredResult[]);
}

/** An item verdict as stored: `why` may be the index of the same line in its result's explanation. */
type StoredResult = Omit<CriterionResult, 'items'> & {
  items?: (Omit<ItemVerdict, 'why'> & { why: ItemVerdict['why'] | number })[];
};

/**
 * The references and experts rules repeat each item's verdict among their explanation lines
 * (the same object). Stored once, with the item pointing at the line by index, a whole
 * evaluation's JSON is a quarter shorter and deflates in half the time (10,000 candidates:
 * 16.4 → 12.5 KB of JSON each). A `why` that is not one of the lines is stored as it is.
 */
function compactResults(results: readonly CriterionResult[]): readonly StoredResult[] {
  return results.map((result) => {
    if (result.items === undefined || result.items.length === 0) return result;
    const lines = new Map(result.explanation.map((line, index) => [line, index]));
    return {
      ...result,
      items: result.items.map((item) => {
        const index = lines.get(item.why);
        return index === undefined ? item : { ...item, why: index };
      }),
    };
  });
}

/** Undoes compactResults: each item's `why` is its explanation line again (one shared object). */
function expandResults(stored: StoredResult[]): CriterionResult[] {
  for (const result of stored) {
    for (const item of result.items ?? []) {
      if (typeof item.why !== 'number') continue;
      const line = result.explanation[item.why];
      if (line === undefined)
        throw new Error(`internal: stored results of ${result.criterion} point at a missing line`);
      item.why = line;
    }
  }
  return stored as CriterionResult[];
}

/**
 * Stores evaluation parts in one transaction: each holds the results of the criteria whose keys
 * are `criterionKeys`, in that order. A part replaces the one of the same candidate and content.
 */
export function saveEvaluationParts(
  store: Store,
  criterionKeys: readonly string[],
  parts: readonly EvaluationPart[],
): void {
  withWriteTransaction(store.db, () => {
    const keys = JSON.stringify(criterionKeys);
    statement(store.db, 'INSERT OR IGNORE INTO criterion_groups (criterion_keys) VALUES (?)').run(keys);
    const { id: group } = statement(store.db, 'SELECT id FROM criterion_groups WHERE criterion_keys = ?').get(
      keys,
    ) as { id: number };
    const insert = statement(
      store.db,
      `INSERT OR REPLACE INTO evaluation_parts
         (criterion_group, candidate, dossier_hash, name, country, warnings, summaries, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const part of parts) {
      // A worker's Buffer arrives as a plain Uint8Array, which the driver binds only as a Buffer.
      const { details } = part;
      const bound =
        typeof details === 'string'
          ? details
          : Buffer.from(details.buffer, details.byteOffset, details.byteLength);
      const { id, dossierHash, name, country, warnings, summaries } = part;
      insert.run(group, id, dossierHash, name, country, warnings, summaries, bound);
    }
  });
}
