/**
 * A committee must never mail a set of letters that mixes two evaluations. The built CLI is killed
 * (SIGKILL, through the test-only PREQUAL_TEST_CRASH_AT, see src/export/crash-point.ts) while a
 * re-export replaces every letter, then the letters folder is compared with the sets of two
 * uninterrupted runs, and the next run must put the new set in place and leave nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, fileHashes, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Test Runner'];

function run(ws: string, env: NodeJS.ProcessEnv = {}) {
  return prequal(['run', '--workspace', ws, ...NOW], { env });
}

/**
 * A late correction that changes every letter (the title they all quote) and who gets one (a
 * shortlist of 7, not 8, sends c10 to the reserve).
 */
function correctTender(ws: string): void {
  const file = path.join(ws, 'tender.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const corrected = text
    .replace(
      'fr: Mission de supervision et de formation',
      'fr: Mission (révisée) de supervision et de formation',
    )
    .replace('shortlist: { min: 4, max: 8 }', 'shortlist: { min: 4, max: 7 }');
  expect(corrected).not.toBe(text);
  fs.writeFileSync(file, corrected);
}

const lettersOf = (ws: string) => fileHashes(path.join(ws, 'out', 'letters'));
/** What a killed export may leave in out/ besides the exports (hidden staging folders, temporaries). */
const hiddenIn = (ws: string) => fs.readdirSync(path.join(ws, 'out')).filter((name) => name.startsWith('.'));

let before: Record<string, string>;
let after: Record<string, string>;

beforeAll(() => {
  const ws = copyFixture('poc2-s29');
  expect(run(ws).code).toBe(0);
  before = lettersOf(ws);
  correctTender(ws);
  expect(run(ws).code).toBe(0);
  after = lettersOf(ws);
  expect(Object.keys(after)).toContain('letter-c10-teranga-droits-formation.fr.md');
  expect(Object.keys(before)).not.toContain('letter-c10-teranga-droits-formation.fr.md');
  for (const name of Object.keys(before)) expect(after[name], name).not.toBe(before[name]);
});

describe('prequal run killed while it replaces the letters', () => {
  it.each(['letter:1', 'letter:5'])(
    'at %s, leaves the previous set whole; the next run puts the new set in place',
    (point) => {
      const ws = copyFixture('poc2-s29');
      expect(run(ws).code).toBe(0);
      correctTender(ws);
      const killed = run(ws, { PREQUAL_TEST_CRASH_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      expect(lettersOf(ws)).toEqual(before);

      expect(run(ws).code).toBe(0);
      expect(lettersOf(ws)).toEqual(after);
      expect(hiddenIn(ws)).toEqual([]);
      const third = run(ws);
      expect(third.stderr).not.toMatch(/^(written|removed):/m);
    },
  );

  it('between moving the previous set aside and moving the new one in: no letters folder, and the next run recovers', () => {
    const ws = copyFixture('poc2-s29');
    expect(run(ws).code).toBe(0);
    correctTender(ws);
    const killed = run(ws, { PREQUAL_TEST_CRASH_AT: 'letters-swap' });
    expect(killed.signal).toBe('SIGKILL');
    // Never a mixed folder: none at all for that instant, both whole sets hidden beside it.
    expect(fs.existsSync(path.join(ws, 'out', 'letters'))).toBe(false);
    const hidden = hiddenIn(ws).map((name) => fileHashes(path.join(ws, 'out', name)));
    expect(hidden).toHaveLength(2);
    expect(hidden).toContainEqual(before);
    expect(hidden).toContainEqual(after);

    expect(run(ws).code).toBe(0);
    expect(lettersOf(ws)).toEqual(after);
    expect(hiddenIn(ws)).toEqual([]);
  });

  it('keeps a file the secretary added to the letters folder through the swap', () => {
    const ws = copyFixture('poc2-s29');
    expect(run(ws).code).toBe(0);
    const notes = path.join(ws, 'out', 'letters', 'envoi.txt');
    fs.writeFileSync(notes, 'envoyées le 6 décembre\n');
    correctTender(ws);
    expect(run(ws, { PREQUAL_TEST_CRASH_AT: 'letter:2' }).signal).toBe('SIGKILL');
    expect(run(ws).code).toBe(0);
    expect(lettersOf(ws)).toEqual({ ...after, 'envoi.txt': expect.any(String) });
    expect(fs.readFileSync(notes, 'utf8')).toBe('envoyées le 6 décembre\n');
  });
});
