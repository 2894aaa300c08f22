import { describe, expect, it } from 'vitest';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import {
  computeSnapshotKey,
  keyTableSnapshot,
  markDossiersChanged,
  markSnapshot,
  readTableSnapshot,
  saveTableSnapshot,
  stageTableSnapshot,
} from '../../src/pipeline/run-snapshot.js';
import { withSession } from '../../src/pipeline/session.js';
import { appendAudit, getMeta, type Store, setMeta, setMetaIf } from '../../src/store/index.js';
import { copyFixture, quietContext } from './helpers.js';

const FACTS = {
  finality: { tieAwaiting: false, pending: true, invalid: false },
  evaluable: 3,
};

/** The audit entry a run appends for its own export. */
const appendExportEntry = (store: Store) =>
  appendAudit(store, {
    at: '2025-12-05T09:00:00.000Z',
    who: 'Me',
    action: 'export.write',
    subject: 'out',
    why: 'export',
  });

describe('a run snapshot staged before the exports', () => {
  it('matches no key until it is keyed, then is read back whole without having been read to key it', async () => {
    await withSession(quietContext(copyFixture()), async (session) => {
      const { version } = await importCriteriaFile(session);
      const table = 'rank  candidate\n1     c01 — Institut\n';
      const staged = stageTableSnapshot(
        session,
        'fr',
        [table],
        FACTS,
        () => undefined,
        markSnapshot(session, version, 'fr'),
      );
      const now = computeSnapshotKey(session, version, 'fr') as string;
      expect(readTableSnapshot(session.store, 'fr', now)).toBeNull();

      const key = keyTableSnapshot(session, version, staged);
      expect(key).toBe(now);
      expect(readTableSnapshot(session.store, 'fr', now)).toEqual({ key: now, table, ...FACTS });
      // Keyed once: a second keying finds no staged snapshot.
      expect(keyTableSnapshot(session, version, staged)).toBeNull();
    });
  });

  it('is not keyed when another command replaced it meanwhile, whose snapshot stays as it was', async () => {
    await withSession(quietContext(copyFixture()), async (session) => {
      const { version } = await importCriteriaFile(session);
      const staged = stageTableSnapshot(
        session,
        'en',
        ['mine\n'],
        FACTS,
        () => undefined,
        markSnapshot(session, version, 'en'),
      );
      const theirs = saveTableSnapshot(
        session,
        version,
        'en',
        ['theirs\n'],
        FACTS,
        () => undefined,
        markSnapshot(session, version, 'en'),
      ) as string;
      const before = getMeta(session.store, 'run.snapshot-facts:en');
      expect(keyTableSnapshot(session, version, staged)).toBeNull();
      expect(getMeta(session.store, 'run.snapshot-facts:en')).toBe(before);
      expect(readTableSnapshot(session.store, 'en', theirs)?.table).toBe('theirs\n');
    });
  });

  it('keys only its own staging: another run that staged the same facts meanwhile is not keyed by it', async () => {
    await withSession(quietContext(copyFixture()), async (session) => {
      const { version } = await importCriteriaFile(session);
      const mark = markSnapshot(session, version, 'fr');
      const mine = stageTableSnapshot(session, 'fr', ['mine\n'], FACTS, () => undefined, mark);
      const theirs = stageTableSnapshot(session, 'fr', ['theirs\n'], FACTS, () => undefined, mark);
      expect(keyTableSnapshot(session, version, mine)).toBeNull();
      const key = keyTableSnapshot(session, version, theirs) as string;
      expect(readTableSnapshot(session.store, 'fr', key)?.table).toBe('theirs\n');
    });
  });

  it('stores a long table in chunks as it prints it, reads it back whole, and leaves no other stage behind', async () => {
    await withSession(quietContext(copyFixture()), async (session) => {
      const { version } = await importCriteriaFile(session);
      const line = `${'é'.repeat(99)}\n`;
      const pieces = Array.from({ length: 30_000 }, () => line);
      const printed: string[] = [];
      const mark = markSnapshot(session, version, 'fr');
      const first = saveTableSnapshot(session, version, 'fr', ['old\n'], FACTS, () => undefined, mark);
      expect(first).not.toBeNull();
      const staged = stageTableSnapshot(session, 'fr', pieces, FACTS, (piece) => printed.push(piece), mark);
      expect(printed).toEqual(pieces);
      expect(staged.chunks).toBe(3);
      const key = keyTableSnapshot(session, version, staged) as string;
      expect(readTableSnapshot(session.store, 'fr', key)?.table).toBe(pieces.join(''));
      const chunks = session.store.db
        .prepare("SELECT key FROM meta WHERE key GLOB 'run.snapshot:fr#*' ORDER BY key")
        .all() as { key: string }[];
      expect(chunks.map((row) => row.key)).toEqual(
        [0, 1, 2].map((i) => `run.snapshot:fr#${staged.stage}#00000${i}`),
      );
      // A chunk gone (another command's stage cleared it): no table rather than part of one.
      session.store.db.prepare('DELETE FROM meta WHERE key = ?').run(chunks[1]?.key);
      expect(readTableSnapshot(session.store, 'fr', key)).toBeNull();
    });
  });

  it('prints the whole table even when the store refuses its chunks, then fails', async () => {
    await withSession(quietContext(copyFixture()), async (session) => {
      const { version } = await importCriteriaFile(session);
      const mark = markSnapshot(session, version, 'fr');
      const pieces = Array.from({ length: 3 }, (_, i) => `${String(i).repeat(1 << 20)}\n`);
      const printed: string[] = [];
      session.store.db.pragma('query_only = ON');
      expect(() =>
        stageTableSnapshot(session, 'fr', pieces, FACTS, (piece) => printed.push(piece), mark),
      ).toThrow(/readonly|read-only/i);
      expect(printed).toEqual(pieces);
      session.store.db.pragma('query_only = OFF');
    });
  });

  it('is not keyed when another process appended an audit entry after its mark (an override during the run)', async () => {
    await withSession(quietContext(copyFixture()), async (session) => {
      const { version } = await importCriteriaFile(session);
      const mark = markSnapshot(session, version, 'fr');
      const staged = stageTableSnapshot(
        session,
        'fr',
        ['before the override\n'],
        FACTS,
        () => undefined,
        mark,
      );
      // Committed by another process while this one evaluated, then this run's own export entry.
      appendAudit(session.store, {
        at: session.at,
        who: 'Other',
        action: 'override.record',
        subject: 'c01 ADM-2',
        why: 'race',
      });
      const own = appendExportEntry(session.store);
      expect(keyTableSnapshot(session, version, staged, own)).toBeNull();
      // Keyed with the head as it is now, the stale table would have been replayed by every later run.
      expect(
        readTableSnapshot(session.store, 'fr', computeSnapshotKey(session, version, 'fr') as string),
      ).toBeNull();
    });
  });

  it('is keyed when the only entry after its mark is its own, and not when the dossiers moved on', async () => {
    await withSession(quietContext(copyFixture()), async (session) => {
      const { version } = await importCriteriaFile(session);
      const mark = markSnapshot(session, version, 'fr');
      const staged = stageTableSnapshot(session, 'fr', ['table\n'], FACTS, () => undefined, mark);
      const own = appendExportEntry(session.store);
      const key = keyTableSnapshot(session, version, staged, own) as string;
      expect(key).toBe(computeSnapshotKey(session, version, 'fr'));
      expect(readTableSnapshot(session.store, 'fr', key)?.table).toBe('table\n');

      const again = markSnapshot(session, version, 'fr');
      const next = stageTableSnapshot(session, 'fr', ['next\n'], FACTS, () => undefined, again);
      // An ingest that only touched a dossier (no audit entry) moves the generation on.
      markDossiersChanged(session.store);
      expect(keyTableSnapshot(session, version, next)).toBeNull();
    });
  });

  it('setMetaIf changes a record only when it holds the expected value', async () => {
    await withSession(quietContext(copyFixture()), (session) => {
      const { store } = session;
      expect(setMetaIf(store, 'absent', 'a', 'b')).toBe(false);
      expect(getMeta(store, 'absent')).toBeNull();
      setMeta(store, 'k', 'head é');
      expect(setMetaIf(store, 'k', 'other', 'new')).toBe(false);
      expect(getMeta(store, 'k')).toBe('head é');
      expect(setMetaIf(store, 'k', 'head é', 'new head')).toBe(true);
      expect(getMeta(store, 'k')).toBe('new head');
    });
  });
});
