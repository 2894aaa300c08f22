import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isIntact,
  recordFile,
  writeChunksIfChanged,
  writeIfChanged,
} from '../../src/export/write-outputs.js';

let dir = '';

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prequal-outputs-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const leftovers = async () => (await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'));

describe('writeChunksIfChanged', () => {
  it('writes a new file, leaves identical bytes alone, and replaces different ones', async () => {
    const file = path.join(dir, 'doc.json');
    const first = await writeChunksIfChanged(file, ['{\n', '  "a": 1\n', '}\n']);
    expect(first.written).toBe(true);
    expect(await fs.readFile(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const same = await writeChunksIfChanged(file, ['{\n  "a"', ': 1\n}\n']);
    expect(same.written).toBe(false);
    expect(same.record).toEqual(first.record);
    const longer = await writeChunksIfChanged(file, ['{\n  "a": 1\n}\n', 'more']);
    expect(longer.written).toBe(true);
    const shorter = await writeChunksIfChanged(file, ['{\n  "a": 1\n}\n']);
    expect(shorter.written).toBe(true);
    expect(await fs.readFile(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect(await leftovers()).toEqual([]);
  });

  it('fails on the rename, with the file named, when a folder stands in the target place', async () => {
    const file = path.join(dir, 'report.md');
    await fs.mkdir(path.join(file, 'blocker'), { recursive: true });
    // Comparing with the folder used to throw EISDIR from inside the comparison, a raw crash.
    await expect(writeChunksIfChanged(file, ['# Report\n'])).rejects.toThrow(file);
    expect((await fs.stat(file)).isDirectory()).toBe(true);
    expect(await leftovers()).toEqual([]);
  });
});

describe('writeIfChanged', () => {
  it('compares with the file itself when there is no record', async () => {
    const file = path.join(dir, 'report.fr.md');
    expect((await writeIfChanged(file, '# Rapport\n')).written).toBe(true);
    expect((await writeIfChanged(file, '# Rapport\n')).written).toBe(false);
    expect((await writeIfChanged(file, '# Rapport 2\n')).written).toBe(true);
  });
});

describe('isIntact', () => {
  it('sees an edit whose size and modification time were put back', async () => {
    const file = path.join(dir, 'report.fr.md');
    await fs.writeFile(file, 'total 48,33');
    const record = recordFile(file);
    expect(isIntact(file, record ?? undefined)).toBe(true);
    const { mtime, atime } = await fs.stat(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fs.writeFile(file, 'total 98,33');
    await fs.utimes(file, atime, mtime);
    expect(isIntact(file, record ?? undefined)).toBe(false);
  });
});
