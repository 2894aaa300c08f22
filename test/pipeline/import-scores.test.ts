import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import {
  importScoreCsv,
  importScoreFiles,
  MAX_SCORE_FILE_BYTES,
  recordScoreRows,
} from '../../src/pipeline/import-scores.js';
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

describe('importScoreFiles', () => {
  /** What importScoreFiles says of scores/zz.csv once `make` has put something there. */
  async function zzIssues(make: (file: string) => void): Promise<string[]> {
    const session = await ready();
    const criteria = (await importCriteriaFile(session)).version.criteria;
    const file = path.join(session.ctx.workspace, 'scores', 'zz.csv');
    make(file);
    const zz = importScoreFiles(session, criteria).find((result) => result.file === 'scores/zz.csv');
    expect(zz?.recorded).toBe(0);
    return zz?.issues.map((issue) => issue.message) ?? [];
  }

  it('refuses a later file that scores again what an earlier one scores, naming it, run after run', async () => {
    const session = await ready();
    const criteria = (await importCriteriaFile(session)).version.criteria;
    fs.writeFileSync(
      path.join(session.ctx.workspace, 'scores', 'zz-extra.csv'),
      'evaluator,candidate,criterion,points,comment\nHélène Marchand,c10-teranga-droits-formation,EXP-4,0,"changed my mind"\n',
    );
    const expected = {
      file: 'scores/zz-extra.csv',
      line: 2,
      path: 'criterion',
      message:
        'Hélène Marchand already scores c10-teranga-droits-formation on EXP-4 in scores/helene-marchand.csv:11: keep one of the two',
    };
    const first = importScoreFiles(session, criteria);
    expect(first.map((result) => [result.file, result.recorded])).toEqual([
      ['scores/helene-marchand.csv', 17],
      ['scores/ibrahima-fall.csv', 17],
      ['scores/mamadou-lamine-sow.csv', 17],
      ['scores/zz-extra.csv', 0],
    ]);
    expect(first.at(-1)?.issues).toEqual([expected]);
    // The earlier file's points stand, and nothing is recorded again at the next run.
    const again = importScoreFiles(session, criteria);
    expect(again.map((result) => result.recorded)).toEqual([0, 0, 0, 0]);
    expect(again.at(-1)?.issues).toEqual([expected]);
    const c10 = listScores(session.store).filter(
      (score) => score.candidate === 'c10-teranga-droits-formation' && score.evaluator === 'Hélène Marchand',
    );
    expect(c10.find((score) => score.criterion === 'EXP-4')?.points).not.toBe(0);
  });

  it("keeps a revision typed after the file was read, until the file's row itself changes", async () => {
    const session = await ready();
    const criteria = (await importCriteriaFile(session)).version.criteria;
    importScoreFiles(session, criteria);
    const triple = {
      evaluator: 'Hélène Marchand',
      candidate: 'c10-teranga-droits-formation',
      criterion: 'EXP-4',
    };
    const current = () =>
      listScores(session.store).find(
        (s) =>
          s.evaluator === triple.evaluator &&
          s.candidate === triple.candidate &&
          s.criterion === triple.criterion,
      );
    const revision = recordScoreRows(
      session,
      [{ ...triple, points: '5', comment: 'consensus revision', file: 'command line' }],
      criteria,
      'command line',
    );
    expect(revision.recorded).toBe(1);
    // The next run reads the same file again: its old points must not come back.
    expect(importScoreFiles(session, criteria).map((result) => result.recorded)).toEqual([0, 0, 0]);
    expect(current()).toMatchObject({ points: 5, comment: 'consensus revision' });
    // An edit of the file's row is a new score, and the latest one wins.
    const file = path.join(session.ctx.workspace, SOURCE);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const row = lines.findIndex((line) =>
      line.startsWith('Hélène Marchand,c10-teranga-droits-formation,EXP-4,'),
    );
    lines[row] = 'Hélène Marchand,c10-teranga-droits-formation,EXP-4,7,"after the hearing"';
    fs.writeFileSync(file, lines.join('\n'));
    expect(importScoreFiles(session, criteria)[0]?.recorded).toBe(1);
    expect(current()).toMatchObject({ points: 7, comment: 'after the hearing' });
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const messages = await zzIssues((file) => execFileSync('mkfifo', [file]));
    expect(messages).toEqual(['cannot read: not a regular file']);
  });

  it('refuses a link to outside the workspace without reading it (a device, or a file it would quote)', async () => {
    expect(await zzIssues((file) => fs.symlinkSync('/dev/zero', file))).toEqual([
      'cannot read: a symbolic link to outside the workspace',
    ]);
    const outside = path.join(os.tmpdir(), `prequal-outside-${process.pid}.csv`);
    fs.writeFileSync(outside, 'secret,line\n');
    cleanup.push(() => fs.rmSync(outside, { force: true }));
    const messages = await zzIssues((file) => fs.symlinkSync(outside, file));
    expect(messages).toEqual(['cannot read: a symbolic link to outside the workspace']);
    expect(messages.join('')).not.toContain('secret');
  });

  it('follows a link that stays inside the workspace, and refuses a file over the size limit', async () => {
    const inside = await zzIssues((file) => fs.symlinkSync('helene-marchand.csv', file));
    // Read like the file it names: the same scores again, each one refused as scored in that file already.
    expect(inside).toHaveLength(17);
    expect(inside[0]).toBe(
      'Hélène Marchand already scores c01-institut-droits-securite on EXP-4 in scores/helene-marchand.csv:2: keep one of the two',
    );
    // Sparse: 20 MB of nothing on disk.
    const big = await zzIssues((file) => {
      fs.writeFileSync(file, '');
      fs.truncateSync(file, MAX_SCORE_FILE_BYTES + 1);
    });
    expect(big).toEqual([
      `file is ${MAX_SCORE_FILE_BYTES + 1} bytes, above the limit of ${MAX_SCORE_FILE_BYTES} bytes`,
    ]);
  });
});
