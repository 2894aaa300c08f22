import { spawnSync } from 'node:child_process';
import fsSync, { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTemplatesDir } from '../../src/export/markdown.js';
import {
  EXPORT_FORMATS,
  type ExportOptions,
  registerExporter,
  runExports,
} from '../../src/export/registry.js';
import { buildDecidedReport, buildSampleReport } from './sample-report.js';

let dir = '';
let options: ExportOptions;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prequal-exports-'));
  options = {
    formats: EXPORT_FORMATS,
    lang: 'fr',
    outDir: path.join(dir, 'out'),
    templatesDir: defaultTemplatesDir(),
  };
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const names = (files: { file: string }[]) => files.map((entry) => path.relative(options.outDir, entry.file));

describe('runExports', () => {
  it('writes every format into the output folder, creating it, with owner-only files', async () => {
    const files = await runExports(buildSampleReport(), options);
    expect(names(files)).toEqual([
      'prequal-POC2-S29.xlsx',
      'report.fr.md',
      'shortlist.json',
      'letters/letter-c05-gamma.fr.md',
      'letters/letter-c07-late.fr.md',
      'letters/letter-c08-broken.fr.md',
    ]);
    expect(files.every((entry) => entry.written)).toBe(true);
    const json = JSON.parse(await fs.readFile(path.join(options.outDir, 'shortlist.json'), 'utf8'));
    expect(json.tender.reference).toBe('POC2-S29');
    expect((await fs.stat(path.join(options.outDir, 'report.fr.md'))).mode & 0o777).toBe(0o600);
  });

  it('removes the temporary files a killed prequal left, not those of a running one', async () => {
    // The pid of a process that has ended: its temporaries can never be renamed into place.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const letters = path.join(options.outDir, 'letters');
    await fs.mkdir(letters, { recursive: true });
    const left = [
      path.join(options.outDir, `.shortlist.json.${dead}.0123456789ab.tmp`),
      path.join(options.outDir, `.prequal-POC2-S29.xlsx.${dead}.0123456789ab.tmp`),
      path.join(letters, `.letter-c05-gamma.fr.md.${dead}.0123456789ab.17.tmp`),
    ];
    const running = path.join(options.outDir, `.report.fr.md.${process.pid}.0123456789ab.tmp`);
    const foreign = path.join(options.outDir, '.notes.tmp');
    for (const file of [...left, running, foreign]) await fs.writeFile(file, '{"candidates": [');
    await runExports(buildSampleReport(), options);
    for (const file of left) expect(fsSync.existsSync(file), file).toBe(false);
    expect(fsSync.existsSync(running)).toBe(true);
    expect(fsSync.existsSync(foreign)).toBe(true);
  });

  it('does not rewrite unchanged Markdown, JSON and letters, and removes letters no longer due', async () => {
    await runExports(buildDecidedReport(), options);
    const again = await runExports(buildSampleReport(), { ...options, formats: ['md', 'json', 'letters'] });
    const state = Object.fromEntries(
      again.map((entry) => [path.relative(options.outDir, entry.file), entry]),
    );
    expect(state['letters/letter-c07-late.fr.md']).toMatchObject({ written: false });
    expect(state['letters/letter-c04-beta.fr.md']).toMatchObject({ written: false, removed: true });
    expect(state['report.fr.md']).toMatchObject({ written: true });
    const third = await runExports(buildSampleReport(), { ...options, formats: ['md', 'json'] });
    expect(third.map((entry) => entry.written)).toEqual([false, false]);
    expect(await fs.readdir(path.join(options.outDir, 'letters'))).not.toContain('letter-c04-beta.fr.md');
  });

  it('collects garbage before each format written after the candidate pass, and between letters', async () => {
    // What each collection found already written: the pass formats before the first.
    const seen: string[][] = [];
    // The letters of a first export are staged in a hidden sibling until the last is written.
    const staged = (name: string) => name === 'letters' || /^\.letters\..+\.new$/.test(name);
    const collectGarbage = () => {
      const present = fsSync.existsSync(options.outDir) ? fsSync.readdirSync(options.outDir) : [];
      seen.push(
        ['shortlist.json', 'report.fr.md', 'letters'].filter((name) =>
          present.some((entry) => (name === 'letters' ? staged(entry) : entry === name)),
        ),
      );
    };
    const letterCount = async () => (await fs.readdir(path.join(options.outDir, 'letters'))).length;
    await runExports(buildSampleReport(), { ...options, collectGarbage });
    expect(seen).toEqual([['shortlist.json'], ['shortlist.json', 'report.fr.md']]);
    expect(await letterCount()).toBe(3);

    seen.length = 0;
    await fs.rm(options.outDir, { recursive: true });
    await runExports(buildSampleReport(), {
      ...options,
      formats: ['letters'],
      collectGarbage,
      lettersPerCollection: 1,
    });
    // Before the letters, then after the first and the second of three.
    expect(seen).toHaveLength(3);
    expect(seen.at(-1)).toEqual(['letters']);

    seen.length = 0;
    await runExports(buildSampleReport(), { ...options, formats: ['json', 'xlsx'], collectGarbage });
    expect(seen).toEqual([]);
  });

  it('uses the workspace templates a secretary edited', async () => {
    const templatesDir = path.join(dir, 'templates');
    await fs.mkdir(templatesDir);
    await fs.writeFile(
      path.join(templatesDir, 'report.en.md'),
      'Shortlist of {{procedure.reference}}: {{procedure.filled}}\n',
    );
    await runExports(buildSampleReport(), { ...options, lang: 'en', formats: ['md'], templatesDir });
    expect(await fs.readFile(path.join(options.outDir, 'report.en.md'), 'utf8')).toBe(
      'Shortlist of POC2-S29: 2\n',
    );
  });

  it('reports a broken template with its path and writes nothing for it', async () => {
    const templatesDir = path.join(dir, 'templates');
    await fs.mkdir(templatesDir);
    await fs.writeFile(path.join(templatesDir, 'report.fr.md'), '{{#shortlist}}never closed\n');
    await expect(
      runExports(buildSampleReport(), { ...options, formats: ['md'], templatesDir }),
    ).rejects.toThrow(path.join(templatesDir, 'report.fr.md'));
  });

  it('refuses unknown formats before writing anything', async () => {
    await expect(
      runExports(buildSampleReport(), { ...options, formats: ['json', 'pdf'] }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('pdf'),
    });
    await expect(fs.access(options.outDir)).rejects.toThrow();
  });

  it('runs exporters registered by other modules, and the OCDS release', async () => {
    registerExporter('test-format', async (report, opts) => {
      const file = path.join(opts.outDir, 'test.txt');
      await fs.writeFile(file, report.tender.reference);
      return [{ file, written: true }];
    });
    const files = await runExports(buildSampleReport(), { ...options, formats: ['test-format', 'ocds'] });
    expect(names(files)).toEqual(['test.txt', 'ocds-POC2-S29.json']);
    expect(await fs.readFile(path.join(options.outDir, 'test.txt'), 'utf8')).toBe('POC2-S29');
  });
});
