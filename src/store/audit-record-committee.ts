import type { AuditEntry } from '../core/types.js';
import { member, quote, type RecordKind, type RecordProblem, type VouchedRow } from './audit-record-kinds.js';
import type { MemberRow } from './committee.js';

/**
 * A member's row is written by three acts, each with its entry, subject the member's name:
 * addMember inserts it (`committee.add`, after `{ role }`, why `registered from tender|cli`) or
 * changes its role (`committee.role`, before and after `{ role }`); recordDeclaration sets its
 * declaration (`committee.declare`, before `{ declaredAt }` or null, after `{ declaredAt }`, why
 * = the text). tender.yaml's members come through the same calls at every command (by
 * `tender.yaml`), so every row has entries: none is exempt.
 *
 * Unlike the append-only tables, this one is updated in place, so its rows are matched by name to
 * the state its entries replay to, both in name order. Replaying also checks that each entry's
 * `before` is what the earlier ones left: prequal reads the row as it writes it, so a role or
 * declaration changed with SQL, then changed back by prequal (tender.yaml's committee is
 * registered again by every command but `audit verify`, which writes nothing), shows there. So
 * does a row deleted and registered again from tender.yaml: prequal adds only a name with no row.
 */
export const COMMITTEE_MEMBERS: RecordKind<MemberRow> = {
  table: 'committee_members',
  orderBy: 'name',
  actions: ['committee.add', 'committee.role', 'committee.declare'],
  noun: 'committee member',
  key: (row) => JSON.stringify(row.name),
  label: (row) => row.role,
  fromRow: (row) => ({
    name: row.name,
    role: row.role,
    'registered from': row.source,
    'added at': row.added_at,
    'declared at': row.declared_at,
    declaration: row.declaration_text,
  }),
  vouch: replayMembers,
};

interface Member {
  facts: {
    name: string;
    role: unknown;
    'registered from': string;
    'added at': string;
    'declared at': unknown;
    declaration: string | null;
  };
  added: number;
  roleSeq: number;
  declaredSeq: number | null;
}

function replayMembers(entries: readonly AuditEntry[]): VouchedRow[] | RecordProblem {
  const members = new Map<string, Member>();
  for (const entry of entries) {
    const name = entry.subject;
    const known = members.get(name);
    if (entry.action === 'committee.add') {
      if (known)
        return {
          seq: known.added,
          reason: `the committee member recorded by audit entry ${known.added} (${name}) lost its row in committee_members: audit entry ${entry.seq} registered them again, which prequal does only for a name with no row`,
        };
      members.set(name, registered(entry));
      continue;
    }
    if (!known) {
      const act = entry.action === 'committee.role' ? 'changes the role of' : 'records the declaration of';
      const reason = `audit entry ${entry.seq} ${act} ${name}, whom no entry registered: their committee_members row was added outside prequal`;
      return { seq: entry.seq, reason };
    }
    const problem = entry.action === 'committee.role' ? changeRole(known, entry) : declare(known, entry);
    if (problem) return problem;
  }
  // SQLite orders TEXT by its UTF-8 bytes (BINARY collation); JavaScript's `<` by UTF-16 units.
  const byName = [...members.values()].sort((a, b) =>
    Buffer.compare(Buffer.from(a.facts.name), Buffer.from(b.facts.name)),
  );
  return byName.map((m) => ({
    seq: m.added,
    subject: m.facts.name,
    facts: m.facts,
    factSeqs: {
      role: m.roleSeq,
      'declared at': m.declaredSeq ?? m.added,
      declaration: m.declaredSeq ?? m.added,
    },
  }));
}

function registered(entry: AuditEntry): Member {
  return {
    facts: {
      name: entry.subject,
      role: member(entry.after, 'role'),
      'registered from': entry.why.replace(/^registered from /, ''),
      'added at': entry.at,
      'declared at': null,
      declaration: null,
    },
    added: entry.seq,
    roleSeq: entry.seq,
    declaredSeq: null,
  };
}

function changeRole(known: Member, entry: AuditEntry): RecordProblem | undefined {
  const found = member(entry.before, 'role');
  if (found !== known.facts.role) return changedBetween(known, entry, 'role', found, known.roleSeq);
  known.facts.role = member(entry.after, 'role');
  known.roleSeq = entry.seq;
  return undefined;
}

function declare(known: Member, entry: AuditEntry): RecordProblem | undefined {
  // recordDeclaration writes `before: null` for a member with no declaration date.
  const found = member(entry.before, 'declaredAt') ?? null;
  const expected = known.facts['declared at'] || null;
  if (found !== expected)
    return changedBetween(known, entry, 'declaration date', found, known.declaredSeq ?? known.added);
  known.facts['declared at'] = member(entry.after, 'declaredAt');
  known.facts.declaration = entry.why;
  known.declaredSeq = entry.seq;
  return undefined;
}

/** An entry that found the row otherwise than the entries before it left it. */
function changedBetween(
  known: Member,
  entry: AuditEntry,
  what: string,
  found: unknown,
  seq: number,
): RecordProblem {
  const name = known.facts.name;
  const recorded = what === 'role' ? known.facts.role : known.facts['declared at'];
  return {
    seq,
    reason: `audit entry ${entry.seq} found ${name}'s ${what} ${quote(found)} where audit entry ${seq} had recorded ${quote(recorded ?? null)}: their committee_members row was changed outside prequal in between`,
  };
}
