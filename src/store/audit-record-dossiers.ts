import type { AuditEntry } from '../core/types.js';
import { member, type RecordKind, type RecordProblem, type VouchedRow } from './audit-record-kinds.js';
import type { DossierStatus } from './dossier-queries.js';

/** What the check reads of a dossier: the columns of the index `dossiers_heads`, never the document. */
interface DossierRow {
  id: string;
  status: DossierStatus;
  hash: string;
}

/**
 * Every write of a dossier's status or content is an ingest's, in one transaction with its entry
 * (`dossiers.ingest`, after `{ added, updated, withdrawn, reactivated, invalid, hashes }`, lists
 * of ids): added inserts the row, updated and reactivated rewrite it, withdrawn marks it, and
 * `invalid` names every dossier of that read that is invalid, changed or not. An ingest reads
 * every active dossier and withdraws the others, so after each entry the status of every row is
 * known. `hashes` gives the content hash of each row the ingest wrote; entries written before it
 * existed name no hash, and the rows they wrote last are held by id and status only.
 *
 * The table is updated in place, and touched without an entry when only a dossier's files' stamps
 * or path changed (source path, file state, updated_at): so rows are matched by id to the state
 * the entries replay to, on their id, status and hash only. Replaying also checks that each entry
 * found the rows as the earlier ones left them (prequal reads a row before it writes it): a status
 * or document changed with SQL, then seen by the next ingest, shows there.
 */
export const DOSSIERS: RecordKind<DossierRow> = {
  table: 'dossiers',
  columns: 'id, status, hash',
  orderBy: 'id',
  actions: ['dossiers.ingest'],
  noun: 'dossier',
  key: (row) => JSON.stringify(row.id),
  label: (row) => row.status,
  fromRow: (row) => ({ id: row.id, status: row.status, hash: row.hash }),
  vouch: replayIngests,
  unchecked: (vouched) => {
    const count = vouched.filter((row) => !('hash' in row.facts)).length;
    if (count === 0) return undefined;
    return `the content hash of ${count} dossier(s), last written by an ingest of a prequal that did not record it`;
  },
};

interface Replayed {
  id: string;
  status: DossierStatus;
  /** Undefined when the entry that wrote the row last predates `hashes`. */
  hash: string | undefined;
  added: number;
  statusSeq: number;
  hashSeq: number;
}

function replayIngests(entries: readonly AuditEntry[]): VouchedRow[] | RecordProblem {
  const dossiers = new Map<string, Replayed>();
  for (const entry of entries) {
    const problem = replayIngest(dossiers, entry);
    if (problem) return problem;
  }
  // SQLite orders TEXT by its UTF-8 bytes (BINARY collation); JavaScript's `<` by UTF-16 units.
  const byId = [...dossiers.values()]
    .map((d) => ({ d, key: Buffer.from(d.id) }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  return byId.map(({ d }) => ({
    seq: d.added,
    subject: d.id,
    facts: { id: d.id, status: d.status, ...(d.hash === undefined ? {} : { hash: d.hash }) },
    factSeqs: { status: d.statusSeq, hash: d.hashSeq },
  }));
}

function replayIngest(dossiers: Map<string, Replayed>, entry: AuditEntry): RecordProblem | undefined {
  const ids = (name: string) => {
    const list = member(entry.after, name);
    return Array.isArray(list) ? (list as string[]) : [];
  };
  const invalid = new Set(ids('invalid'));
  const written = new Set<string>();
  for (const id of ids('added')) {
    const known = dossiers.get(id);
    if (known) {
      const reason = `the dossier recorded by audit entry ${known.added} (${id}) lost its row in dossiers: audit entry ${entry.seq} added it again, which prequal does only for an id with no row`;
      return { seq: known.added, reason };
    }
    dossiers.set(id, { id, status: 'valid', hash: undefined, added: entry.seq, statusSeq: 0, hashSeq: 0 });
    written.add(id);
  }
  const acts = [
    ['updated', 'updates', true],
    ['reactivated', 'reactivates', false],
    ['withdrawn', 'withdraws', true],
  ] as const;
  for (const [name, act, active] of acts) {
    for (const id of ids(name)) {
      const known = dossiers.get(id);
      if (!known) {
        const reason = `audit entry ${entry.seq} ${act} dossier ${JSON.stringify(id)}, which no entry added: its dossiers row was added outside prequal`;
        return { seq: entry.seq, reason };
      }
      if ((known.status !== 'withdrawn') !== active) {
        return changedBetween(known, entry, active ? 'active' : 'withdrawn');
      }
      if (name === 'withdrawn') setStatus(known, 'withdrawn', entry.seq);
      else written.add(id);
    }
  }
  const hashes = member(entry.after, 'hashes');
  for (const id of written) {
    const known = dossiers.get(id) as Replayed;
    setStatus(known, invalid.has(id) ? 'invalid' : 'valid', entry.seq);
    known.hash = hashOf(hashes, id);
    known.hashSeq = entry.seq;
  }
  for (const known of dossiers.values()) {
    if (known.status === 'withdrawn' || written.has(known.id)) continue;
    // Not written by this ingest: its verdict comes from the row as the earlier entries left it.
    const found = invalid.has(known.id) ? 'invalid' : 'valid';
    if (found !== known.status) return changedBetween(known, entry, found);
  }
  return undefined;
}

function setStatus(known: Replayed, status: DossierStatus, seq: number): void {
  known.status = status;
  known.statusSeq = seq;
}

/** The hash an entry's `hashes` gives `id`, read as an own property (an id may be `__proto__`). */
function hashOf(hashes: unknown, id: string): string | undefined {
  if (typeof hashes !== 'object' || hashes === null || !Object.hasOwn(hashes, id)) return undefined;
  const hash = (hashes as Record<string, unknown>)[id];
  return typeof hash === 'string' ? hash : undefined;
}

/** An entry that found a row otherwise than the entries before it left it. */
function changedBetween(known: Replayed, entry: AuditEntry, found: string): RecordProblem {
  return {
    seq: known.statusSeq,
    reason: `audit entry ${entry.seq} found dossier ${JSON.stringify(known.id)} ${found} where audit entry ${known.statusSeq} had recorded it ${known.status}: its dossiers row was changed outside prequal in between`,
  };
}
