import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteError, writeFileAtomic } from '../../src/export/atomic-write.js';
import { defaultTemplatesDir } from '../../src/export/markdown.js';
import { runExports } from '../../src/export/registry.js';
import { buildSampleReport } from './sample-report.js';

const isRoot = process.getuid?.() === 0;
let dir = '';

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prequal-atomic-'));
});

afterEach(async () => {
  await fs.chmod(dir, 0o700).catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the file with mode 0o600 and leaves no temporary file', async () => {
    const file = path.join(dir, 'report.md');
    await writeFileAtomic(file, 'hello\n');
    expect(await fs.readFile(file, 'utf8')).toBe('hello\n');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await writeFileAtomic(file, Buffer.from('second'));
    expect(await fs.readFile(file, 'utf8')).toBe('second');
    expect(await fs.readdir(dir)).toEqual(['report.md']);
  });

  it('applies a requested mode', async () => {
    const file = path.join(dir, 'shared.json');
    await writeFileAtomic(file, '{}', 0o640);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
  });

  it('names the file and the reason when a parent of the path is a file', async () => {
    const blocker = path.join(dir, 'out');
    await fs.writeFile(blocker, 'not a folder');
    const file = path.join(blocker, 'report.md');
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow(
      `Cannot write ${file}: a parent of the output path is not a folder (ENOTDIR)`,
    );
  });

  it.skipIf(isRoot)('leaves the previous file in place when the folder is read-only', async () => {
    const file = path.join(dir, 'report.md');
    await writeFileAtomic(file, 'previous');
    await fs.chmod(dir, 0o500);
    await expect(writeFileAtomic(file, 'next')).rejects.toThrow(/read-only/);
    expect(await fs.readFile(file, 'utf8')).toBe('previous');
    expect(await fs.readdir(dir)).toEqual(['report.md']);
  });

  it('leaves the previous file in place and removes the temporary file when the rename fails', async () => {
    // The target is a non-empty folder, so the final rename fails after the data was written.
    const target = path.join(dir, 'report.md');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'keep.txt'), 'previous');
    await expect(writeFileAtomic(target, 'next')).rejects.toThrow(`Cannot write ${target}`);
    expect(await fs.readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('previous');
    expect(await fs.readdir(dir)).toEqual(['report.md']);
  });
});

describe('describeWriteError', () => {
  it('turns a full disk into plain words and keeps the cause', () => {
    const cause = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const error = describeWriteError('/out/report.md', cause);
    expect(error.message).toBe('Cannot write /out/report.md: disk full (ENOSPC)');
    expect(error.cause).toBe(cause);
  });
});

describe('an export folder that is a file', () => {
  it('is refused in plain words, and the file is left as it was', async () => {
    const out = path.join(dir, 'out');
    await fs.writeFile(out, 'notes the secretary keeps here');
    const report = buildSampleReport();
    const options = {
      formats: ['md'],
      lang: 'fr' as const,
      outDir: out,
      templatesDir: defaultTemplatesDir(),
    };
    await expect(runExports(report, options)).rejects.toThrow(
      `Cannot write ${out}: a file already exists where this folder should be (EEXIST)`,
    );
    await fs.mkdir(path.join(dir, 'out2'));
    await fs.writeFile(path.join(dir, 'out2', 'letters'), 'x');
    await expect(
      runExports(report, { ...options, formats: ['letters'], outDir: path.join(dir, 'out2') }),
    ).rejects.toThrow(/out2\/letters: a file already exists where this folder should be \(EEXIST\)$/);
    expect(await fs.readFile(out, 'utf8')).toBe('notes the secretary keeps here');
  });
});
