import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { describeStoreError } from '../../src/store/store-error.js';

/** An error shaped like better-sqlite3's SqliteError. */
function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'SqliteError', code });
}

describe('describeStoreError', () => {
  it.each([
    ['SQLITE_READONLY', 'attempt to write a readonly database', 'the store is read-only'],
    ['SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database', 'the store is read-only'],
    ['SQLITE_FULL', 'database or disk is full', 'disk full'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', 'input/output error'],
    ['SQLITE_BUSY', 'database is locked', 'kept the store locked for minutes'],
    ['SQLITE_CORRUPT', 'database disk image is malformed', 'the store is damaged'],
  ])('names the store and says why for %s', (code, message, reason) => {
    const cause = sqliteError(code, message);
    const described = describeStoreError('/ws/prequal.db', cause);
    expect(described).toBeInstanceOf(UserError);
    expect((described as UserError).message).toMatch(/^cannot use the store \/ws\/prequal\.db: /);
    expect((described as UserError).message).toContain(reason);
    expect((described as UserError).message).toContain(`(${message}; ${code})`);
    expect((described as UserError).exitCode).toBe(1);
    expect((described as UserError).cause).toBe(cause);
  });

  it('leaves every other error as it is, so a bug keeps its stack', () => {
    for (const error of [
      sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: dossiers.id'),
      sqliteError('SQLITE_ERROR', 'no such table: dossiers'),
      new TypeError('x is undefined'),
      'a string',
    ]) {
      expect(describeStoreError('/ws/prequal.db', error)).toBe(error);
    }
  });
});
