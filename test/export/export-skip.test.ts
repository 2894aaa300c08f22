import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, prequal } from '../e2e/cli-helpers.js';

const NOW = ['--as', 'Test Runner'];

/** Modification time of every export file, by path relative to out/. */
function exportTimes(ws: string): Record<string, number> {
  const out = path.join(ws, 'out');
  const files = fs.readdirSync(out, { recursive: true, encoding: 'utf8' });
  return Object.fromEntries(
    files
      .filter((name) => fs.statSync(path.join(out, name)).isFile())
      .map((name) => [name, fs.statSync(path.join(out, name)).mtimeMs]),
  );
}

describe('exports of a run with nothing changed', () => {
  it('are left alone, and a deleted or edited export file is written again', () => {
    const ws = copyFixture('poc2-s29');
    expect(prequal(['run', '--workspace', ws, '--now', '2025-12-05T09:00:00Z', ...NOW]).code).toBe(0);
    const before = exportTimes(ws);
    const again = prequal(['run', '--workspace', ws, '--now', '2025-12-06T09:00:00Z', ...NOW]);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/^written: /m);
    expect(exportTimes(ws)).toEqual(before);
    const audit = prequal(['audit', '--workspace', ws, '--json']);
    const exportsLogged = (audit.stdout.match(/export\.write/g) ?? []).length;

    const letters = path.join(ws, 'out', 'letters');
    const [letter] = fs.readdirSync(letters);
    if (!letter) throw new Error('no letter written');
    const original = fs.readFileSync(path.join(letters, letter), 'utf8');
    fs.rmSync(path.join(letters, letter));
    fs.appendFileSync(path.join(ws, 'out', 'report.fr.md'), 'edited by hand\n');
    const third = prequal(['run', '--workspace', ws, ...NOW]);
    const lines = third.stderr.split('\n');
    expect(lines.some((line) => line.startsWith('written: ') && line.endsWith(`letters/${letter}`))).toBe(
      true,
    );
    expect(fs.readFileSync(path.join(letters, letter), 'utf8')).toBe(original);
    expect(fs.readFileSync(path.join(ws, 'out', 'report.fr.md'), 'utf8')).not.toContain('edited by hand');
    // The second run wrote nothing, so it logged no export.
    expect(exportsLogged).toBe(1);
  });
});
