/**
 * Opening a store for a command that only reads: the file itself where this process may write it,
 * else a private copy in a temporary folder, which creates, migrates and changes nothing beside
 * the store. Opening it for a check that must change nothing (`audit verify`): query-only either
 * way, never migrated. `canWrite` stands in for a read-only medium here, so the tests hold when run
 * as root, whom no file mode stops; the real permissions are tried below when not root, and by
 * test/e2e/read-only-store.test.ts as another user.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  applyMigrations,
  getMeta,
  MIGRATIONS,
  openStore,
  openStoreForInspection,
  openStoreForReading,
  readSchemaVersion,
  type Store,
  setMeta,
} from '../../src/store/index.js';
import { makeTempDir, openTempStore } from './helpers.js';

const READ_ONLY = () => false;
const opened: Store[] = [];
const track = (store: Store): Store => {
  opened.push(store);
  return store;
};
const readFor = (file: string, canWrite?: (file: string) => boolean) =>
  track(openStoreForReading(file, canWrite));
const inspect = (file: string, canWrite: (file: string) => boolean) =>
  track(openStoreForInspection(file, canWrite));
afterEach(() => {
  for (const store of opened.splice(0)) if (store.db.open) store.close();
});

/** The folder's files with their hashes and mtimes: what a read must leave exactly as it was. */
function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => {
        const file = path.join(dir, name);
        const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
        return [name, `${hash} ${fs.statSync(file).mtimeMs}`];
      }),
  );
}

/** A closed WAL-mode store holding one meta record, as a finished evaluation leaves it. */
function closedStore(): string {
  const store = openTempStore();
  setMeta(store, 'k', 'stored');
  store.close();
  return store.file;
}

/** A WAL-mode store of schema 4, as an earlier prequal left it. */
function olderStore(): { dir: string; file: string } {
  const dir = makeTempDir();
  const file = path.join(dir, 'prequal.db');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  applyMigrations(old, MIGRATIONS.slice(0, 4), file);
  old.close();
  return { dir, file };
}

describe('openStoreForReading on a store it may not write', () => {
  it('reads a WAL-mode store from a copy that takes writes and drops them, leaving every file as it was', () => {
    const file = closedStore();
    const before = filesOf(path.dirname(file));
    expect(Object.keys(before)).toEqual(['prequal.db']);
    const store = readFor(file, READ_ONLY);
    expect(store.readonly).toBe(true);
    expect(store.db.memory).toBe(false);
    expect(path.dirname(store.db.name)).not.toBe(path.dirname(file));
    expect(getMeta(store, 'k')).toBe('stored');
    // What commands that read keep on the side (validated tender, evaluation cache) goes to the copy.
    setMeta(store, 'k', 'changed in the copy');
    expect(getMeta(store, 'k')).toBe('changed in the copy');
    store.close();
    expect(filesOf(path.dirname(file))).toEqual(before);
    const again = readFor(file, READ_ONLY);
    expect(getMeta(again, 'k')).toBe('stored');
  });

  it('copies to a private file outside the workspace, writable even from a 0444 store, removed at close', () => {
    const file = closedStore();
    fs.chmodSync(file, 0o444);
    const store = readFor(file, READ_ONLY);
    const copy = store.db.name;
    expect(path.basename(path.dirname(copy))).toMatch(/^prequal-store-copy-/);
    expect(path.dirname(path.dirname(copy))).toBe(os.tmpdir());
    expect(fs.statSync(path.dirname(copy)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
    store.close();
    expect(fs.existsSync(path.dirname(copy))).toBe(false);
  });

  it('refuses in one line when no private copy can be made, naming the folder it tried', () => {
    const file = closedStore();
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = path.join(makeTempDir(), 'missing');
    try {
      expect(() => readFor(file, READ_ONLY)).toThrow(
        /^cannot use the store \S+prequal\.db: it cannot be written here, and no private copy of it can be made in \S+missing \(.*ENOENT.*\); set TMPDIR/,
      );
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
  });

  it("removes the copies of this user's readers killed half-way, and no other", () => {
    const file = closedStore();
    const tmpdir = process.env.TMPDIR;
    const temporary = makeTempDir();
    process.env.TMPDIR = temporary;
    // A pid that was a process and is none now.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    const make = (name: string) => {
      fs.mkdirSync(path.join(temporary, name), { mode: 0o700 });
      fs.writeFileSync(path.join(temporary, name, 'prequal.db'), 'a copy');
    };
    make(`prequal-store-copy-${gone}-AbC123`);
    make(`prequal-store-copy-${process.pid}-running`);
    make('prequal-store-copy-OLDNAME');
    fs.writeFileSync(path.join(temporary, `prequal-store-copy-${gone}-file`), 'not a folder');
    try {
      const store = readFor(file, READ_ONLY);
      expect(path.basename(path.dirname(store.db.name))).toMatch(
        new RegExp(`^prequal-store-copy-${process.pid}-`),
      );
      store.close();
      expect(fs.readdirSync(temporary).sort()).toEqual(
        [
          `prequal-store-copy-${gone}-file`,
          `prequal-store-copy-${process.pid}-running`,
          'prequal-store-copy-OLDNAME',
        ].sort(),
      );
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
  });

  it('sees the commits another connection still holds in prequal.db-wal', () => {
    const file = closedStore();
    const writer = openTempStore(file);
    writer.db.pragma('wal_autocheckpoint = 0');
    setMeta(writer, 'k', 'only in the wal');
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(getMeta(readFor(file, READ_ONLY), 'k')).toBe('only in the wal');
  });

  it('never migrates: a store of an older schema is refused and left as it was', () => {
    const { dir, file } = olderStore();
    const before = filesOf(dir);
    expect(() => readFor(file, READ_ONLY)).toThrow(/schema version 4; .*writable copy of the workspace/);
    expect(filesOf(dir)).toEqual(before);
    const check = new Database(file, { readonly: true });
    expect(readSchemaVersion(check)).toBe(4);
    check.close();
  });

  it('creates no store where there is none', () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    expect(() => readFor(file, READ_ONLY)).toThrow(/No prequal store/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses in one line naming the store a prequal.db it cannot read (a folder here)', () => {
    // Another user's store is 0600, as prequal creates it: the same read error (EACCES) was a crash.
    const file = path.join(makeTempDir(), 'prequal.db');
    fs.mkdirSync(file);
    expect(() => readFor(file, READ_ONLY)).toThrow(
      /^cannot use the store \S+prequal\.db: this process may not read it .*\(.*; EISDIR\)$/,
    );
    expect(() => readFor(file, READ_ONLY)).toThrow(UserError);
  });

  it('reports a file that is no store as SQLite does, without changing it', () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    fs.writeFileSync(file, Buffer.alloc(4096, 0x5a));
    expect(() => readFor(file, READ_ONLY)).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    expect(fs.readFileSync(file)).toEqual(Buffer.alloc(4096, 0x5a));
  });
});

describe('openStoreForReading on a store it may write', () => {
  it('opens the file itself, so the caches a read fills are kept', () => {
    const file = closedStore();
    const store = readFor(file, () => true);
    expect(store.db.memory).toBe(false);
    setMeta(store, 'k', 'kept');
    store.close();
    expect(getMeta(readFor(file, READ_ONLY), 'k')).toBe('kept');
  });
});

describe('openStoreForInspection, for a check that must change nothing', () => {
  it.each([
    ['may write from the file itself', true],
    ['may not write from a copy', false],
  ])('reads a store it %s, refuses every write, and leaves every file as it was', (_, canWrite) => {
    const file = closedStore();
    const before = filesOf(path.dirname(file));
    expect(Object.keys(before)).toEqual(['prequal.db']);
    const store = inspect(file, () => canWrite);
    expect(store.db.name !== file).toBe(!canWrite);
    expect(getMeta(store, 'k')).toBe('stored');
    expect(() => setMeta(store, 'k', 'changed')).toThrow(
      expect.objectContaining({ code: 'SQLITE_READONLY' }),
    );
    store.close();
    expect(filesOf(path.dirname(file))).toEqual(before);
  });

  it('reads commits a killed command left in the -wal from a copy: closing the last connection would write them into the file', () => {
    const file = closedStore();
    const writer = openTempStore(file);
    writer.db.pragma('wal_autocheckpoint = 0');
    setMeta(writer, 'k', 'only in the wal');
    // The files as a command killed now would leave them: the -wal and -shm beside the store.
    const dir = makeTempDir();
    for (const suffix of ['', '-wal', '-shm'])
      fs.copyFileSync(`${file}${suffix}`, path.join(dir, `prequal.db${suffix}`));
    writer.close();
    const killed = path.join(dir, 'prequal.db');
    const before = [filesOf(dir)['prequal.db'], filesOf(dir)['prequal.db-wal']];
    const store = inspect(killed, () => true);
    expect(store.db.name).not.toBe(killed);
    expect(getMeta(store, 'k')).toBe('only in the wal');
    store.close();
    expect([filesOf(dir)['prequal.db'], filesOf(dir)['prequal.db-wal']]).toEqual(before);
  });

  it('reads a store of an older schema as it is, without migrating it', () => {
    const { dir, file } = olderStore();
    const before = filesOf(dir);
    for (const canWrite of [() => true, () => false]) {
      const store = inspect(file, canWrite);
      expect(readSchemaVersion(store.db)).toBe(4);
      store.close();
    }
    expect(filesOf(dir)).toEqual(before);
  });

  it('creates no store where there is none', () => {
    const file = path.join(makeTempDir(), 'prequal.db');
    expect(() => inspect(file, () => true)).toThrow(/No prequal store/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

// Root writes whatever the modes say: these need a user the modes apply to.
describe.skipIf(process.getuid?.() === 0)('a store made read-only by its file modes (not as root)', () => {
  it('is read from a copy by default, and refused in one line by a command that writes', () => {
    const file = closedStore();
    const dir = path.dirname(file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    try {
      expect(getMeta(readFor(file), 'k')).toBe('stored');
      expect(() => openStore(file)).toThrow(
        /^cannot use the store .*prequal\.db: the store is read-only: .*\(permission denied; EACCES\)$/,
      );
      expect(fs.readdirSync(dir)).toEqual(['prequal.db']);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});
