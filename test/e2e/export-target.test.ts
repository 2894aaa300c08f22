/**
 * What `--out` and `--format` may name. prequal reads dossiers/, scores/ and templates/, so an
 * export written there would be read back as input; an empty format list would export nothing.
 * Both are usage errors (exit 2) reported before any work, with nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Test Runner'];

describe('export targets', () => {
  it('refuses an --out inside dossiers/: the folder would become a candidate at the next ingest', () => {
    const ws = copyFixture('poc2-s29');
    const run = prequal(['run', '--workspace', ws, '--out', path.join(ws, 'dossiers', 'out'), ...NOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --out .* is inside the workspace's dossiers\/ folder/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(ws, 'dossiers', 'out'))).toBe(false);
    expect(fs.existsSync(path.join(ws, 'prequal.db'))).toBe(false);
    const again = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    const ids = (JSON.parse(again.stdout) as { candidates: { id: string }[] }).candidates.map((c) => c.id);
    expect(ids).not.toContain('out');
  });

  it('refuses --out templates (relative to the current folder) and a link into dossiers/', () => {
    const ws = copyFixture('poc2-s29');
    fs.mkdirSync(path.join(ws, 'templates'));
    const template = path.join(ws, 'templates', 'report.fr.md');
    fs.writeFileSync(template, '# {{tender.reference}}\n');
    expect(prequal(['run', '--workspace', ws, '--format', 'json', ...NOW]).code).toBe(0);
    const intoTemplates = prequal(['export', '--workspace', '.', '--format', 'md', '--out', 'templates'], {
      cwd: ws,
    });
    expect(intoTemplates.code).toBe(2);
    expect(intoTemplates.stderr).toContain("inside the workspace's templates/ folder");
    expect(fs.readFileSync(template, 'utf8')).toBe('# {{tender.reference}}\n');
    fs.symlinkSync(path.join(ws, 'dossiers', 'c01-institut-droits-securite'), path.join(ws, 'c01-link'));
    const throughLink = prequal(['export', '--workspace', ws, '--out', path.join(ws, 'c01-link', 'exports')]);
    expect(throughLink.code).toBe(2);
    expect(fs.existsSync(path.join(ws, 'dossiers', 'c01-institut-droits-securite', 'exports'))).toBe(false);
  });

  it('still writes to the workspace itself or a folder beside dossiers/', () => {
    const ws = copyFixture('poc2-s29');
    const besides = prequal([
      'run',
      '--workspace',
      ws,
      '--format',
      'md',
      '--out',
      path.join(ws, 'dossiers-out'),
      ...NOW,
    ]);
    expect(besides.code).toBe(0);
    expect(fs.existsSync(path.join(ws, 'dossiers-out', 'report.fr.md'))).toBe(true);
    const root = prequal(['export', '--workspace', ws, '--format', 'json', '--out', ws, ...NOW]);
    expect(root.code).toBe(0);
    expect(fs.existsSync(path.join(ws, 'shortlist.json'))).toBe(true);
  });

  it('refuses an empty --format instead of exporting nothing and exiting 0', () => {
    const ws = copyFixture('poc2-s29');
    for (const format of ['', ',']) {
      const run = prequal(['run', '--workspace', ws, '--format', format, ...NOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'error: --format names no export format (known: md, letters, xlsx, json, ocds)\n',
      );
    }
    expect(fs.existsSync(path.join(ws, 'prequal.db'))).toBe(false);
    expect(prequal(['export', '--workspace', ws, '--format', '']).code).toBe(2);
  });

  it('adds up --format given twice, rather than keeping the last', () => {
    const ws = copyFixture('poc2-s29');
    const run = prequal(['run', '--workspace', ws, '--format', 'md', '--format', 'json', ...NOW]);
    expect(run.code).toBe(0);
    expect(fs.readdirSync(path.join(ws, 'out')).sort()).toEqual(['report.fr.md', 'shortlist.json']);
  });
});
