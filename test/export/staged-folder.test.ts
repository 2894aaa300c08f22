import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recoverStagedFolders, removeTree, StagedFolder } from '../../src/export/staged-folder.js';

let dir = '';
let folder = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-staged-'));
  folder = path.join(dir, 'letters');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const read = (...parts: string[]) => fs.readFileSync(path.join(folder, ...parts), 'utf8');

describe('StagedFolder', () => {
  it('creates a missing folder in one rename, owner-only, leaving nothing beside it', async () => {
    const staged = StagedFolder.open(folder, null);
    staged.writeFile('letter-a.fr.md', Buffer.from('A\n'));
    expect(fs.existsSync(folder)).toBe(false);
    await staged.commit();
    expect(fs.readdirSync(folder)).toEqual(['letter-a.fr.md']);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(folder, 'letter-a.fr.md')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['letters']);
  });

  it('swaps a whole folder: new files written, kept ones linked, the rest carried, its mode kept', async () => {
    fs.mkdirSync(path.join(folder, 'sent'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'letter-a.fr.md'), 'A1\n');
    fs.writeFileSync(path.join(folder, 'letter-b.fr.md'), 'B\n');
    fs.writeFileSync(path.join(folder, 'sent', 'receipt.txt'), 'sent on Monday\n');
    fs.symlinkSync('letter-b.fr.md', path.join(folder, 'latest.md'));
    fs.chmodSync(folder, 0o750);
    const kept = fs.statSync(path.join(folder, 'letter-b.fr.md')).ino;

    const staged = StagedFolder.open(folder, fs.statSync(folder));
    staged.writeFile('letter-a.fr.md', Buffer.from('A2\n'));
    staged.keep('letter-b.fr.md');
    staged.carry(['sent', 'latest.md', 'vanished.txt']);
    // Until the swap, the folder is the previous one, untouched.
    expect(read('letter-a.fr.md')).toBe('A1\n');
    await staged.commit();

    expect(read('letter-a.fr.md')).toBe('A2\n');
    expect(fs.statSync(path.join(folder, 'letter-b.fr.md')).ino).toBe(kept);
    expect(read('sent', 'receipt.txt')).toBe('sent on Monday\n');
    expect(fs.readlinkSync(path.join(folder, 'latest.md'))).toBe('letter-b.fr.md');
    expect(fs.statSync(folder).mode & 0o777).toBe(0o750);
    expect(fs.readdirSync(dir)).toEqual(['letters']);
  });

  it('leaves the folder as it was when aborted', async () => {
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'letter-a.fr.md'), 'A1\n');
    const staged = StagedFolder.open(folder, fs.statSync(folder));
    staged.writeFile('letter-a.fr.md', Buffer.from('A2\n'));
    await staged.abort();
    expect(read('letter-a.fr.md')).toBe('A1\n');
    expect(fs.readdirSync(dir)).toEqual(['letters']);
  });

  it('refuses to carry what it cannot rebuild (a named pipe), before anything is swapped', () => {
    fs.mkdirSync(folder);
    if (spawnSync('mkfifo', [path.join(folder, 'pipe')]).status !== 0) return;
    const staged = StagedFolder.open(folder, fs.statSync(folder));
    expect(() => staged.carry(['pipe'])).toThrow(`Cannot replace ${folder}: pipe is neither a file`);
  });
});

describe('recoverStagedFolders', () => {
  /** The pid of a process that has ended: what it staged can never be swapped in. */
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  const make = (name: string, file = 'letter-a.fr.md') => {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, file), name);
  };
  const recover = () => recoverStagedFolders(dir, fs.readdirSync(dir), 'letters');

  it('puts the previous folder back when a kill came between the two renames of a swap', async () => {
    make(`.letters.${dead}.0123456789ab.old`);
    make(`.letters.${dead}.0123456789ab.new`);
    await recover();
    expect(fs.readdirSync(dir)).toEqual(['letters']);
    expect(read('letter-a.fr.md')).toBe(`.letters.${dead}.0123456789ab.old`);
  });

  it('removes what a killed export staged or was removing, and leaves a running one and other folders alone', async () => {
    make('letters');
    const left = [`.letters.${dead}.0123456789ab.new`, `.letters.${dead}.0123456789ab.old`];
    make(left[0] as string);
    make(left[1] as string);
    make(`.letters.${dead}.ba9876543210.gone`);
    const running = `.letters.${process.pid}.0123456789ab.new`;
    make(running);
    make(`.reports.${dead}.0123456789ab.new`);
    await recover();
    expect(fs.readdirSync(dir).sort()).toEqual(
      [`.reports.${dead}.0123456789ab.new`, running, 'letters'].sort(),
    );
    expect(read('letter-a.fr.md')).toBe('letters');
  });

  it('never takes a half-removed folder for the previous set', async () => {
    make(`.letters.${dead}.0123456789ab.gone`);
    await recover();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('removeTree', () => {
  it('removes a folder, its sub-folders and its links, never what a link points to', () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(path.join(folder, 'annexes', 'deep'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'kept.txt'), 'kept');
    for (let i = 0; i < 600; i++) fs.writeFileSync(path.join(folder, `letter-c${i}.fr.md`), `${i}`);
    fs.writeFileSync(path.join(folder, 'annexes', 'deep', 'note.txt'), 'x');
    fs.symlinkSync(outside, path.join(folder, 'shared'));
    fs.symlinkSync(path.join(outside, 'kept.txt'), path.join(folder, 'annexes', 'link.txt'));
    removeTree(folder);
    expect(fs.readdirSync(dir)).toEqual(['outside']);
    expect(fs.readdirSync(outside)).toEqual(['kept.txt']);
  });

  it('removes only the link when given a link to a folder, and only the file when given a file', () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(path.join(outside, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'sub', 'kept.txt'), 'kept');
    fs.symlinkSync(outside, folder);
    removeTree(folder);
    expect(fs.readdirSync(dir)).toEqual(['outside']);
    expect(fs.readFileSync(path.join(outside, 'sub', 'kept.txt'), 'utf8')).toBe('kept');
    fs.writeFileSync(folder, 'a file');
    removeTree(folder);
    expect(fs.readdirSync(dir)).toEqual(['outside']);
  });

  it('does nothing to a folder already gone', () => {
    expect(() => removeTree(folder)).not.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
