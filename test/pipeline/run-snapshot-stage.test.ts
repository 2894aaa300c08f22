import { describe, expect, it } from 'vitest';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import {
  computeSnapshotKey,
  keyTableSnapshot,
  readTableSnapshot,
  saveTableSnapshot,
  stageTableSnapshot,
} from '../../src/pipeline/run-snapshot.js';
import { withSession } from '../../src/pipeline/session.js';
import { getMeta, setMeta, setMetaFirstLine } from '../../src/store/index.js';
import { copyFixture, quietContext } from './helpers.js';

const FACTS = {
  finality: { tieAwaiting: false, pending: true, invalid: false },
  evaluable: 3,
};

describe('a run snapshot staged before the exports', () => {
  it('matches no key until it is keyed, then is read back whole without having been read to key it', async () => {
    await withSession(quietContext(copyFixture()), async (session) => {
      const { version } = await importCriteriaFile(session);
      const table = 'rank  candidate\n1     c01 — Institut\n';
      const staged = stageTableSnapshot(session, 'fr', { table, ...FACTS });
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
      const staged = stageTableSnapshot(session, 'en', { table: 'mine\n', ...FACTS });
      const theirs = saveTableSnapshot(session, version, 'en', { table: 'theirs\n', ...FACTS }) as string;
      const before = getMeta(session.store, 'run.snapshot:en');
      expect(keyTableSnapshot(session, version, staged)).toBeNull();
      expect(getMeta(session.store, 'run.snapshot:en')).toBe(before);
      expect(readTableSnapshot(session.store, 'en', theirs)?.table).toBe('theirs\n');
    });
  });

  it('changes only a first line that is the expected one', async () => {
    await withSession(quietContext(copyFixture()), (session) => {
      const { store } = session;
      expect(setMetaFirstLine(store, 'absent', 'a', 'b')).toBe(false);
      setMeta(store, 'k', 'head\nbody é\nmore');
      expect(setMetaFirstLine(store, 'k', 'other', 'new')).toBe(false);
      expect(setMetaFirstLine(store, 'k', 'head', 'new head')).toBe(true);
      expect(getMeta(store, 'k')).toBe('new head\nbody é\nmore');
      setMeta(store, 'one-line', 'head');
      expect(setMetaFirstLine(store, 'one-line', 'head', 'x')).toBe(false);
    });
  });
});
