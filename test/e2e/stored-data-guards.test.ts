import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Test Runner'];

function editFile(file: string, edit: (text: string) => string): void {
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
}

/** A stack trace line, as Node prints it for an uncaught error. */
const STACK = /\n\s+at .+:\d+:\d+/;

describe('commands that judge stored data', () => {
  it('refuse, without a stack trace, once tender.yaml changed after the ingest', () => {
    const ws = copyFixture('poc2-s29');
    expect(prequal(['run', '--workspace', ws, ...NOW]).code).toBe(0);
    // Removing a rate the stored dossiers need used to crash `rank` in the money code.
    editFile(path.join(ws, 'tender.yaml'), (text) => text.replace(/^ {2}XOF: .*\n/m, ''));
    for (const args of [
      ['rank'],
      ['score'],
      ['export'],
      ['explain', 'c01-institut-droits-securite'],
      ['whatif', '--set', 'shortlist.max=6'],
    ]) {
      const result = prequal([...args, '--workspace', ws, ...NOW]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(
        'tender.yaml changed since the dossiers were ingested: run `prequal ingest` (or `prequal run`)',
      );
      expect(result.stderr).not.toMatch(STACK);
    }
  });

  it('refuse stored criteria naming a country group tender.yaml no longer defines', () => {
    const ws = copyFixture('poc2-s29');
    editFile(path.join(ws, 'criteria.yaml'), (text) =>
      text.replace('allowed: [EU, ACP]', 'allowed: [EU, ACP, ECOWAS]'),
    );
    prequal(['run', '--workspace', ws, ...NOW]);
    editFile(path.join(ws, 'tender.yaml'), (text) => text.replace('ECOWAS:', 'CEDEAO:'));
    expect(prequal(['ingest', '--workspace', ws, ...NOW]).code).toBe(0);
    const result = prequal(['rank', '--workspace', ws, ...NOW]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('prequal criteria import');
    expect(result.stderr).toContain('ECOWAS');
  });
});

describe('run with no committee in tender.yaml', () => {
  it('records every scores/*.csv and consolidates the manual criterion over the three evaluators', () => {
    const ws = copyFixture('poc2-s29');
    editFile(path.join(ws, 'tender.yaml'), (text) => text.replace(/committee:\n( {2}- .*\n)+/, ''));
    const result = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(result.stderr).not.toContain('rejected');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      candidates: { id: string; criteria: Record<string, { metrics: Record<string, unknown> }> }[];
    };
    const c01 = doc.candidates.find((c) => c.id === 'c01-institut-droits-securite');
    expect(c01?.criteria['EXP-4']?.metrics.evaluators).toBe(3);
  });
});

describe('strict numbers and ids on the command line', () => {
  it('decide --choose refuses the same id twice (usage error)', () => {
    const ws = copyFixture('tie-at-cut');
    prequal(['run', '--workspace', ws, ...NOW]);
    const result = prequal(['decide', '--workspace', ws, '--choose', 'a,a', '--reason', 'x', ...NOW]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--choose names a more than once');
  });

  it('decide --choose refuses one candidate named twice, once by a prefix of its id', () => {
    const ws = copyFixture('tie-at-cut');
    prequal(['run', '--workspace', ws, ...NOW]);
    const doc = JSON.parse(prequal(['rank', '--workspace', ws, '--json']).stdout) as {
      ties: { at_cut: boolean; candidates: string[] }[];
    };
    const tied = doc.ties.find((t) => t.at_cut)?.candidates[0] ?? '';
    const result = prequal([
      'decide',
      '--workspace',
      ws,
      '--choose',
      `${tied.slice(0, 3)},${tied}`,
      '--reason',
      'x',
      ...NOW,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--choose names ${tied} more than once`);
  });

  it('override --points refuses hexadecimal, exponent and empty values', () => {
    const ws = copyFixture('poc2-s29');
    prequal(['run', '--workspace', ws, ...NOW]);
    for (const points of ['0x10', '1e1', '']) {
      const result = prequal([
        'override',
        '--workspace',
        ws,
        '--as',
        'Olivier Lemaire',
        '--candidate',
        'c01-institut-droits-securite',
        '--criterion',
        'EXP-4',
        '--points',
        points,
        '--reason',
        'checked',
        '--now',
        '2025-12-05T09:00:00Z',
      ]);
      expect(result.code, points).toBe(2);
      expect(result.stderr).toContain('--points must be a number in [0, 20]');
    }
  });
});
