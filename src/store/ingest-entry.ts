import { appendAudit } from './audit-log.js';
import { canonicalStringMap } from './canonical-json.js';
import type { ActMeta } from './committee.js';
import type { IngestSummary } from './dossier-sync.js';
import type { Store } from './store-handle.js';

/**
 * Appends an ingest's audit entry, `dossiers.ingest`, when it changed a dossier: call it in the
 * sync's transaction, so that the rows and their entry commit together. `total` is the number of
 * dossiers read. `audit verify` replays these entries to hold every dossiers row to them (see
 * DOSSIERS in audit-record-dossiers.ts): `hashes`, the content hash of each row written, is
 * recorded since entries were first held to the rows; earlier entries lack it.
 */
export function recordIngest(store: Store, summary: IngestSummary, total: number, act: ActMeta): void {
  const { added, updated, withdrawn, reactivated } = summary;
  if (added.length + updated.length + withdrawn.length + reactivated.length === 0) return;
  appendAudit(store, {
    at: act.at,
    who: act.by,
    action: 'dossiers.ingest',
    subject: `${total} dossier(s)`,
    after: {
      added,
      updated,
      withdrawn,
      reactivated,
      invalid: summary.invalid.map((i) => i.id),
      hashes: canonicalStringMap(summary.hashes),
    },
    why: 'dossiers read from dossiers/',
  });
}
