import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type CliResult, copyFixture, prequal } from '../e2e/cli-helpers.js';
import { modulesLoadedBy } from '../e2e/module-log.js';

const AS = ['--as', 'Olivier Lemaire'];
const TAMPERED = 'TAMPERED SNAPSHOT\n';

/** Replaces the table of every stored run snapshot, so a run that replays one is recognisable. */
function tamperSnapshots(ws: string): void {
  const db = new Database(path.join(ws, 'prequal.db'));
  try {
    const facts = db.prepare("SELECT value FROM meta WHERE key LIKE 'run.snapshot-facts:%'").all() as {
      value: string;
    }[];
    expect(facts.length).toBeGreaterThan(0);
    for (const row of facts) expect(JSON.parse(row.value)).toHaveProperty('key');
    // The table as printed, in chunks beside the facts: the first says TAMPERED, the others nothing.
    const chunks = db.prepare("SELECT key FROM meta WHERE key GLOB 'run.snapshot:*#*'").all() as {
      key: string;
    }[];
    expect(chunks.length).toBeGreaterThan(0);
    for (const { key } of chunks)
      db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(key.endsWith('#000000') ? TAMPERED : '', key);
  } finally {
    db.close();
  }
}

/** A copy of `ws` without run snapshots: what the full path prints for the same state. */
function fullPathCopy(ws: string): string {
  const copy = fs.mkdtempSync(`${ws}-full-`);
  fs.cpSync(ws, copy, { recursive: true });
  const db = new Database(path.join(copy, 'prequal.db'));
  db.prepare("DELETE FROM meta WHERE key LIKE 'run.snapshot%'").run();
  db.close();
  return copy;
}

const run = (ws: string, args: string[] = []): CliResult =>
  prequal(['run', '--workspace', ws, ...AS, ...args]);

/** Runs once, tampers the snapshot, applies `change`, and checks the run equals the full path's. */
function expectInvalidated(
  change: (ws: string) => void,
  args: string[] = [],
  fixture = 'poc2-s29',
  firstArgs: string[] = [],
): CliResult {
  const ws = copyFixture(fixture);
  run(ws, firstArgs);
  tamperSnapshots(ws);
  change(ws);
  const reference = fullPathCopy(ws);
  const replayed = run(ws, args);
  const full = run(reference, args);
  expect(replayed.stdout).not.toContain('TAMPERED');
  expect(replayed.stdout).toBe(full.stdout);
  expect(replayed.code).toBe(full.code);
  return replayed;
}

describe('the run snapshot', () => {
  it('is replayed when nothing changed, with the same table, exit code and export report', () => {
    const ws = copyFixture('poc2-s29');
    const first = run(ws);
    const second = run(ws);
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
    expect(second.stderr).not.toMatch(/^written: /m);
    const third = run(ws);
    expect(third.stderr).toBe(second.stderr);
    tamperSnapshots(ws);
    expect(run(ws).stdout).toBe(TAMPERED);
    expect(prequal(['rank', '--workspace', ws]).stdout).toBe(TAMPERED);
    // --json carries the run's time: always made anew.
    expect(run(ws, ['--json']).stdout).not.toContain('TAMPERED');
  });

  it('is replayed without loading the evaluation or the schemas, which a full run loads', () => {
    const ws = copyFixture('poc2-s29');
    const loaded = () => modulesLoadedBy(ws, ['run', '--workspace', ws, ...AS]);
    const heavy = /\/node_modules\/zod\/|\/dist\/dossier\/schema-|\/dist\/pipeline\/evaluate-workspace\.js/;
    expect(loaded()).toMatch(heavy);
    expect(loaded()).not.toMatch(heavy);
  });

  it('is invalidated by a dossier edit', () => {
    expectInvalidated((ws) => {
      const file = path.join(ws, 'dossiers', 'c01-institut-droits-securite', 'dossier.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/turnover/, 'turnover_x'));
    });
  });

  it('is invalidated by a touched attachment (no audit entry)', () => {
    expectInvalidated((ws) => {
      const folder = path.join(ws, 'dossiers', 'c02-cabinet-ndiaye-associes');
      const [attachment] = fs.readdirSync(folder).filter((name) => !name.startsWith('dossier.'));
      if (!attachment) throw new Error('no attachment');
      fs.utimesSync(path.join(folder, attachment), new Date(2030, 0, 1), new Date(2030, 0, 1));
    });
  });

  it('is invalidated by a dossier removed', () => {
    expectInvalidated((ws) =>
      fs.rmSync(path.join(ws, 'dossiers', 'c03-consortium-ucad'), { recursive: true }),
    );
  });

  it('is invalidated by a criteria change', () => {
    expectInvalidated((ws) => {
      const file = path.join(ws, 'criteria.yaml');
      const text = fs.readFileSync(file, 'utf8');
      const changed = text.replace('average_at_least: 300000', 'average_at_least: 900000');
      expect(changed).not.toBe(text);
      fs.writeFileSync(file, changed);
    });
  });

  it('is invalidated by a new score', () => {
    expectInvalidated((ws) => {
      const file = path.join(ws, 'scores', 'helene-marchand.csv');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('EXP-4,18,', 'EXP-4,3,'));
    });
  });

  it('is invalidated by an override', () => {
    expectInvalidated((ws) => {
      const args = ['override', '--workspace', ws, ...AS, '--candidate', 'c01-institut-droits-securite'];
      expect(prequal([...args, '--criterion', 'ELI-1', '--fail', '--reason', 'test']).code).toBe(0);
    });
  });

  it('is invalidated by a tie decision', () => {
    const result = expectInvalidated(
      (ws) => {
        const report = JSON.parse(prequal(['rank', '--workspace', ws, '--json']).stdout) as {
          ties: { at_cut: boolean; candidates: string[] }[];
        };
        const first = report.ties.find((tie) => tie.at_cut)?.candidates[0];
        if (!first) throw new Error('no tie at the cut in the fixture');
        const decided = prequal([
          'decide',
          '--workspace',
          ws,
          '--as',
          'Awa Ndiaye',
          '--choose',
          first,
          '--reason',
          'test',
        ]);
        expect(decided.code).toBe(0);
      },
      [],
      'tie-at-cut',
    );
    expect(result.stdout).toMatch(/decided/);
  });

  it('is invalidated by a tender.yaml change', () => {
    expectInvalidated((ws) => fs.appendFileSync(path.join(ws, 'tender.yaml'), '# edited\n'));
  });

  it('is invalidated by a sanctions list change', () => {
    expectInvalidated((ws) => {
      const folder = path.join(ws, 'sanctions');
      for (const name of fs.readdirSync(folder)) fs.appendFileSync(path.join(folder, name), '\n');
    });
  });

  it('is invalidated by an export file deleted or edited, which is written again', () => {
    const deleted = expectInvalidated((ws) => fs.rmSync(path.join(ws, 'out', 'report.fr.md')));
    expect(deleted.stderr).toMatch(/^written: .*report\.fr\.md$/m);
    const edited = expectInvalidated((ws) => fs.appendFileSync(path.join(ws, 'out', 'shortlist.json'), ' '));
    expect(edited.stderr).toMatch(/^written: .*shortlist\.json$/m);
  });

  it('is invalidated by a letter deleted, or edited with its mtime put back, which is written again', () => {
    const letter = (ws: string) => {
      const folder = path.join(ws, 'out', 'letters');
      const name = fs.readdirSync(folder).sort()[0];
      if (!name) throw new Error('no letter');
      return path.join(folder, name);
    };
    const deleted = expectInvalidated((ws) => fs.rmSync(letter(ws)));
    expect(deleted.stderr).toMatch(/^written: .*letters\/letter-.*\.md$/m);
    const edited = expectInvalidated((ws) => {
      const file = letter(ws);
      const reference = `${ws}-letter-times`;
      execFileSync('touch', ['-r', file, reference]);
      const before = fs.statSync(file);
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(
        file,
        text.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x')),
      );
      execFileSync('touch', ['-r', reference, file]);
      expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
      expect(fs.statSync(file).size).toBe(before.size);
    });
    expect(edited.stderr).toMatch(/^written: .*letters\/letter-.*\.md$/m);
    expect(edited.stderr).toMatch(/^unchanged: \d+ files in .*out\/$/m);
  });

  it('is not used for another language, output folder or format list', () => {
    expectInvalidated(() => undefined, ['--lang', 'en']);
    // An absolute folder outside the repository: the CLI resolves --out against its working directory.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-elsewhere-'));
    const other = expectInvalidated(() => undefined, ['--out', elsewhere]);
    expect(other.stderr).toMatch(/^written: /m);
    const ocds = expectInvalidated(() => undefined, ['--format', 'md,ocds'], 'poc2-s29', ['--format', 'md']);
    expect(ocds.stderr).toMatch(/^written: .*ocds-/m);
  });
});
