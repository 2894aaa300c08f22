import type { CommitteeEntry, CommitteeRole } from '../core/types.js';
import { UserError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

export interface CommitteeMember {
  name: string;
  role: CommitteeRole;
  /** When the declaration of impartiality and confidentiality was made; null until then. */
  declaredAt: string | null;
  declarationText: string | null;
  /** Registered from tender.yaml or with `prequal committee`. */
  source: 'tender' | 'cli';
}

/** A row of `committee_members`. */
export interface MemberRow {
  name: string;
  role: CommitteeRole;
  declared_at: string | null;
  declaration_text: string | null;
  source: 'tender' | 'cli';
  added_at: string;
}

/** Who acts and when, for the audit log. */
export interface ActMeta {
  by: string;
  at: string;
}

/** Every member, by name. */
export function listMembers(store: Store): CommitteeMember[] {
  const rows = statement(store.db, 'SELECT * FROM committee_members ORDER BY name').all() as MemberRow[];
  return rows.map(toMember);
}

function toMember(row: MemberRow): CommitteeMember {
  return {
    name: row.name,
    role: row.role,
    declaredAt: row.declared_at,
    declarationText: row.declaration_text,
    source: row.source,
  };
}

function findMember(store: Store, name: string): MemberRow | undefined {
  return statement(store.db, 'SELECT * FROM committee_members WHERE name = ?').get(name) as
    | MemberRow
    | undefined;
}

/**
 * Registers a member, or changes the role of one already registered. Audited.
 * Returns whether anything changed.
 */
export function addMember(
  store: Store,
  member: { name: string; role: CommitteeRole; source?: 'tender' | 'cli' },
  meta: ActMeta,
): boolean {
  return withWriteTransaction(store.db, () => {
    const existing = findMember(store, member.name);
    if (existing?.role === member.role) return false;
    if (existing) {
      statement(store.db, 'UPDATE committee_members SET role = ? WHERE name = ?').run(
        member.role,
        member.name,
      );
    } else {
      statement(
        store.db,
        'INSERT INTO committee_members (name, role, source, added_at) VALUES (?, ?, ?, ?)',
      ).run(member.name, member.role, member.source ?? 'cli', meta.at);
    }
    appendAudit(store.db, {
      at: meta.at,
      who: meta.by,
      action: existing ? 'committee.role' : 'committee.add',
      subject: member.name,
      before: existing ? { role: existing.role } : null,
      after: { role: member.role },
      why: existing ? 'role changed' : `registered from ${member.source ?? 'cli'}`,
    });
    return true;
  });
}

/**
 * Records a member's declaration of impartiality and confidentiality (required before any of
 * their scores is accepted). `at` is when it was made; by default the member recorded it then
 * themselves, which `recorded` overrides (a signed date taken from tender.yaml at ingest).
 */
export function recordDeclaration(
  store: Store,
  name: string,
  at: string,
  text: string,
  recorded: ActMeta = { by: name, at },
): void {
  withWriteTransaction(store.db, () => {
    const existing = findMember(store, name);
    if (!existing) throw new UserError(`${name} is not a registered committee member.`);
    statement(
      store.db,
      'UPDATE committee_members SET declared_at = ?, declaration_text = ? WHERE name = ?',
    ).run(at, text, name);
    appendAudit(store.db, {
      at: recorded.at,
      who: recorded.by,
      action: 'committee.declare',
      subject: name,
      before: existing.declared_at ? { declaredAt: existing.declared_at } : null,
      after: { declaredAt: at },
      why: text,
    });
  });
}

/**
 * Registers the tender's committee: missing members are added, a changed role is applied, and a
 * `declaration_signed` date counts as a declaration for a member who has none yet.
 * Returns the names that changed.
 */
export function syncCommitteeFromTender(
  store: Store,
  entries: readonly CommitteeEntry[],
  at: string,
): { added: string[]; roleChanged: string[]; declared: string[] } {
  const changes = { added: [] as string[], roleChanged: [] as string[], declared: [] as string[] };
  withWriteTransaction(store.db, () => {
    for (const entry of entries) {
      const existing = findMember(store, entry.name);
      const change = tenderMemberChange(entry, existing && toMember(existing));
      if (change.register) {
        addMember(store, { name: entry.name, role: entry.role, source: 'tender' }, { by: 'tender.yaml', at });
        (existing ? changes.roleChanged : changes.added).push(entry.name);
      }
      if (change.declare) {
        recordDeclaration(store, entry.name, change.declare, 'declaration signed (tender.yaml)', {
          by: 'tender.yaml',
          at,
        });
        changes.declared.push(entry.name);
      }
    }
  });
  return changes;
}

/** What registering a member of tender.yaml's committee changes in the store. */
export interface TenderMemberChange {
  entry: CommitteeEntry;
  /** As stored; undefined when not registered. */
  stored: CommitteeMember | undefined;
  /** Registered, or given tender.yaml's role. */
  register: boolean;
  /** The `declaration_signed` date recorded as the member's declaration; null when none is. */
  declare: string | null;
}

/**
 * What syncCommitteeFromTender does for one entry of tender.yaml's committee given the member as
 * stored: register them or change their role, and record a signed declaration for a member who
 * has none (a declaration already recorded stands).
 */
function tenderMemberChange(entry: CommitteeEntry, stored: CommitteeMember | undefined): TenderMemberChange {
  const declare = entry.declaration_signed && !stored?.declaredAt ? entry.declaration_signed : null;
  return { entry, stored, register: stored?.role !== entry.role, declare };
}

/**
 * Where tender.yaml's committee and the store's differ: what the next command that writes will
 * change by registering tender.yaml's committee. Members registered with `prequal committee` only
 * are no difference.
 */
export function committeeDrift(store: Store, entries: readonly CommitteeEntry[]): TenderMemberChange[] {
  const members = new Map(listMembers(store).map((m) => [m.name, m]));
  return entries
    .map((entry) => tenderMemberChange(entry, members.get(entry.name)))
    .filter((change) => change.register || change.declare !== null);
}
