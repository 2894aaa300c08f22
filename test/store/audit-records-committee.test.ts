/**
 * `verifyAudit` holds each committee member — role, registration, declaration of impartiality —
 * to the entries that wrote the row: who votes decides when a manual criterion is complete, and a
 * score is accepted only after its evaluator's declaration. The table is updated in place, so no
 * trigger stands in the way of these edits.
 */
import { describe, expect, it } from 'vitest';
import type { CommitteeEntry } from '../../src/core/types.js';
import {
  addMember,
  listAudit,
  recordDeclaration,
  type Store,
  syncCommitteeFromTender,
  verifyAudit,
} from '../../src/store/index.js';
import { AT, LATER, openTempStore } from './helpers.js';

const META = { by: 'secretary', at: AT };

const TENDER: CommitteeEntry[] = [
  { name: 'Awa Ndiaye', role: 'chair' },
  { name: 'Hélène Marchand', role: 'evaluator', declaration_signed: '2025-12-01' },
];

/**
 * Two members from tender.yaml (Hélène declared there), Jean added and declared with the CLI,
 * Fatou added as evaluator then made secretary.
 */
function committeeStore(): Store {
  const store = openTempStore();
  syncCommitteeFromTender(store, TENDER, AT);
  addMember(store, { name: 'Jean Dupont', role: 'evaluator' }, META);
  recordDeclaration(store, 'Jean Dupont', LATER, 'I declare', { by: 'Jean Dupont', at: LATER });
  addMember(store, { name: 'Fatou Sarr', role: 'evaluator' }, META);
  addMember(store, { name: 'Fatou Sarr', role: 'secretary' }, META);
  return store;
}

/** The seq of the first entry of `action` about `name`. */
const seq = (store: Store, action: string, name: string) =>
  listAudit(store).find((e) => e.action === action && e.subject === name)?.seq ?? -1;

describe('verifyAudit on the committee members', () => {
  it('passes an untouched committee, from tender.yaml and the CLI', () => {
    const store = committeeStore();
    expect(verifyAudit(store)).toEqual({ ok: true, count: 7 });
  });

  it('passes names SQLite and JavaScript sort differently (UTF-8 bytes, UTF-16 units)', () => {
    const store = openTempStore();
    for (const name of ['\u{1D400}wa', '\uFF21wa']) addMember(store, { name, role: 'evaluator' }, META);
    expect(verifyAudit(store)).toEqual({ ok: true, count: 2 });
  });

  it.each([
    [
      'a declaration dated earlier',
      "UPDATE committee_members SET declared_at = '2025-11-01' WHERE name = 'Jean Dupont'",
      ['Jean Dupont', 'evaluator', 'committee.declare'],
      `declared at is "2025-11-01", the entry says "${LATER}"`,
    ],
    [
      'a chair made a voter',
      "UPDATE committee_members SET role = 'evaluator' WHERE name = 'Awa Ndiaye'",
      ['Awa Ndiaye', 'evaluator', 'committee.add'],
      'role is "evaluator", the entry says "chair"',
    ],
    [
      'a role change undone',
      "UPDATE committee_members SET role = 'evaluator' WHERE name = 'Fatou Sarr'",
      ['Fatou Sarr', 'evaluator', 'committee.role'],
      'role is "evaluator", the entry says "secretary"',
    ],
    [
      'a declaration no one made',
      `UPDATE committee_members SET declared_at = '${AT}', declaration_text = 'x' WHERE name = 'Fatou Sarr'`,
      ['Fatou Sarr', 'secretary', 'committee.add'],
      `declared at is "${AT}", the entry says null; declaration is "x", the entry says null`,
    ],
    [
      "a member's source",
      "UPDATE committee_members SET source = 'cli' WHERE name = 'Hélène Marchand'",
      ['Hélène Marchand', 'evaluator', 'committee.add'],
      'registered from is "cli", the entry says "tender"',
    ],
  ] as const)('names %s with SQL, and what differs', (_, sql, [name, role, action], what) => {
    const store = committeeStore();
    store.db.exec(sql);
    const at = seq(store, action, name);
    const reason = `committee_members row "${name}" (${role}) differs from audit entry ${at} that recorded it: ${what}`;
    expect(verifyAudit(store)).toEqual({ ok: false, seq: at, reason });
  });

  it('names, for each fact that differs, the entry that recorded it', () => {
    const store = committeeStore();
    store.db.exec(
      "UPDATE committee_members SET role = 'chair', declared_at = '2025-11-01' WHERE name = 'Jean Dupont'",
    );
    const added = seq(store, 'committee.add', 'Jean Dupont');
    const declared = seq(store, 'committee.declare', 'Jean Dupont');
    expect(verifyAudit(store)).toEqual({
      ok: false,
      seq: added,
      reason:
        `committee_members row "Jean Dupont" (chair) differs from audit entry ${added} that recorded it: ` +
        `role is "chair", the entry says "evaluator"; declared at is "2025-11-01", audit entry ${declared} says "${LATER}"`,
    });
  });

  it('names a member deleted with SQL', () => {
    const store = committeeStore();
    store.db.exec("DELETE FROM committee_members WHERE name = 'Fatou Sarr'");
    const at = seq(store, 'committee.add', 'Fatou Sarr');
    expect(verifyAudit(store)).toEqual({
      ok: false,
      seq: at,
      reason: `the committee member recorded by audit entry ${at} (Fatou Sarr) has no row in committee_members: it was deleted`,
    });
  });

  it.each(['Bakary Diallo', 'Zeynab Ba'])('names a member %s inserted with SQL', (name) => {
    const store = committeeStore();
    store.db.exec(`INSERT INTO committee_members (name, role, declared_at, declaration_text, source, added_at)
      VALUES ('${name}', 'evaluator', '${AT}', 'declared', 'cli', '${AT}')`);
    expect(verifyAudit(store)).toEqual({
      ok: false,
      seq: null,
      reason: `committee_members row "${name}" (evaluator) has no audit entry: it was added outside prequal`,
    });
  });

  it('names two members whose names were swapped, a secretary voting in an evaluator’s place', () => {
    const store = committeeStore();
    store.db.exec(`UPDATE committee_members SET name = 'tmp' WHERE name = 'Jean Dupont';
      UPDATE committee_members SET name = 'Jean Dupont' WHERE name = 'Fatou Sarr';
      UPDATE committee_members SET name = 'Fatou Sarr' WHERE name = 'tmp';`);
    const role = seq(store, 'committee.role', 'Fatou Sarr');
    const added = seq(store, 'committee.add', 'Fatou Sarr');
    expect(verifyAudit(store)).toMatchObject({
      ok: false,
      seq: role,
      reason: expect.stringMatching(
        new RegExp(
          `^committee_members row "Fatou Sarr" \\(evaluator\\) differs from audit entry ${role} that recorded it: ` +
            `role is "evaluator", the entry says "secretary"; .*declared at is "${LATER}", audit entry ${added} says null`,
        ),
      ),
    });
  });

  describe('when prequal wrote over the edit since', () => {
    it('names a role changed with SQL that tender.yaml set back', () => {
      const store = committeeStore();
      store.db.exec("UPDATE committee_members SET role = 'evaluator' WHERE name = 'Awa Ndiaye'");
      syncCommitteeFromTender(store, TENDER, LATER);
      const back = seq(store, 'committee.role', 'Awa Ndiaye');
      expect(verifyAudit(store)).toEqual({
        ok: false,
        seq: 1,
        reason: `audit entry ${back} found Awa Ndiaye's role "evaluator" where audit entry 1 had recorded "chair": their committee_members row was changed outside prequal in between`,
      });
    });

    it('names a declaration erased with SQL that tender.yaml recorded again', () => {
      const store = committeeStore();
      store.db.exec("UPDATE committee_members SET declared_at = NULL WHERE name = 'Hélène Marchand'");
      syncCommitteeFromTender(store, TENDER, LATER);
      const first = seq(store, 'committee.declare', 'Hélène Marchand');
      expect(verifyAudit(store)).toMatchObject({
        ok: false,
        seq: first,
        reason: expect.stringMatching(
          `found Hélène Marchand's declaration date null where audit entry ${first} had recorded "2025-12-01"`,
        ),
      });
    });

    it('names a member deleted with SQL that tender.yaml registered again', () => {
      const store = committeeStore();
      store.db.exec("DELETE FROM committee_members WHERE name = 'Awa Ndiaye'");
      syncCommitteeFromTender(store, TENDER, LATER);
      expect(verifyAudit(store)).toEqual({
        ok: false,
        seq: 1,
        reason:
          'the committee member recorded by audit entry 1 (Awa Ndiaye) lost its row in committee_members: audit entry 8 registered them again, which prequal does only for a name with no row',
      });
    });

    it('names a member inserted with SQL, then declared through prequal', () => {
      const store = committeeStore();
      store.db.exec(`INSERT INTO committee_members (name, role, source, added_at)
        VALUES ('Bakary Diallo', 'evaluator', 'cli', '${AT}')`);
      recordDeclaration(store, 'Bakary Diallo', LATER, 'I declare');
      expect(verifyAudit(store)).toEqual({
        ok: false,
        seq: 8,
        reason:
          'audit entry 8 records the declaration of Bakary Diallo, whom no entry registered: their committee_members row was added outside prequal',
      });
    });
  });
});
