import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import { importScoreCsv } from '../../src/pipeline/import-scores.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { closeSession, openSession, type Session } from '../../src/pipeline/session.js';
import { listScores } from '../../src/store/index.js';
import { copyFixture, quietContext } from './helpers.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo();
});

async function ready(): Promise<Session> {
  const workspace = copyFixture();
  const session = await openSession(quietContext(workspace));
  cleanup.push(() => {
    closeSession(session);
    fs.rmSync(workspace, { recursive: true, force: true });
  });
  await ingestDossiers(session);
  return session;
}

const SOURCE = path.join('scores', 'helene-marchand.csv');

describe('importScoreCsv', () => {
  it('refuses a file that is not valid UTF-8 and records nothing', async () => {
    const session = await ready();
    const criteria = (await importCriteriaFile(session)).version.criteria;
    const file = path.join(session.ctx.workspace, SOURCE);
    // The same sheet saved in Latin-1: "Hélène" becomes bytes no UTF-8 decoder accepts.
    fs.writeFileSync(file, Buffer.from(fs.readFileSync(file, 'utf8'), 'latin1'));
    const result = importScoreCsv(session, file, criteria);
    expect(result.recorded).toBe(0);
    expect(result.issues.map((i) => i.message)).toEqual([
      'not valid UTF-8 text; save the file with UTF-8 encoding',
    ]);
    expect(listScores(session.store)).toEqual([]);
  });

  it('reads a UTF-8 file with a byte order mark', async () => {
    const session = await ready();
    const criteria = (await importCriteriaFile(session)).version.criteria;
    const file = path.join(session.ctx.workspace, SOURCE);
    fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8')}`);
    const result = importScoreCsv(session, file, criteria);
    expect(result.issues).toEqual([]);
    expect(result.recorded).toBeGreaterThan(0);
    expect(listScores(session.store).every((s) => s.evaluator === 'Hélène Marchand')).toBe(true);
  });
});
