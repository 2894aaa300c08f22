/**
 * A real read-only output folder and a real full disk, where the system allows it: a tiny tmpfs
 * mounted in a private user and mount namespace (`unshare -rm`), invisible to the rest of the
 * machine and gone when the script ends. Skipped where user namespaces are not allowed (many
 * CI containers); exports.test.ts covers the same promises without mounts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../e2e/cli-helpers.js';
import { BIN, makeTempDir } from './harness.js';
import { type OutcomeRow, recordOutcomes } from './outcomes.js';

const namespacesAllowed = spawnSync('unshare', ['-rm', 'true']).status === 0;
const rows: OutcomeRow[] = [];
afterAll(() => {
  if (rows.length > 0) recordOutcomes('export-namespace', rows);
});

/**
 * Runs in the namespace: `run` once, then (a dossier removed, so the exports change) again
 * read-only, then again on a full disk, copying the folder after each.
 */
const SCRIPT = `set -u
mount -t tmpfs -o size=1m tmpfs "$OUT" || exit 90
"$NODE" "$BIN" run --workspace "$WS" --out "$OUT" $CLOCK >/dev/null 2>"$LOGS/first.err"; echo "first=$?"
cp -r "$OUT" "$LOGS/after-first"
rm -rf "$WS/dossiers/c17-casamance-droits-humains-conseil"
mount -o remount,ro "$OUT"
"$NODE" "$BIN" run --workspace "$WS" --out "$OUT" $CLOCK >/dev/null 2>"$LOGS/ro.err"; echo "ro=$?"
cp -r "$OUT" "$LOGS/after-ro"
mount -o remount,rw "$OUT"
dd if=/dev/zero of="$OUT/filler" bs=4k count=1000 2>/dev/null
"$NODE" "$BIN" run --workspace "$WS" --out "$OUT" $CLOCK >/dev/null 2>"$LOGS/full.err"; echo "full=$?"
rm -f "$OUT/filler"
cp -r "$OUT" "$LOGS/after-full"
`;

function contentsOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) out[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
  }
  return out;
}

/** Runs `script` in the namespace on a fresh copy of poc2-s29 whose empty out/ it mounts. */
function runInNamespace(script: string, logsName: string) {
  const ws = copyFixture('poc2-s29');
  const out = path.join(ws, 'out');
  fs.mkdirSync(out);
  const logs = makeTempDir(logsName);
  const run = spawnSync('unshare', ['-rm', 'sh', '-c', script], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      NO_COLOR: '1',
      OUT: out,
      WS: ws,
      LOGS: logs,
      NODE: process.execPath,
      BIN,
      CLOCK: '--now 2025-12-05T09:00:00Z',
    },
  });
  return { ws, out, logs, run };
}

describe.skipIf(!namespacesAllowed)('exports on a read-only folder and a full disk (private tmpfs)', () => {
  it('fail with exit 1 and a plain reason, leaving the previous export byte for byte', () => {
    const { ws, out, logs, run } = runInNamespace(SCRIPT, 'ns-logs');
    expect(run.stdout).toContain('first=0');
    const roError = fs.readFileSync(path.join(logs, 'ro.err'), 'utf8');
    const fullError = fs.readFileSync(path.join(logs, 'full.err'), 'utf8');
    const first = contentsOf(path.join(logs, 'after-first'));
    const afterRo = contentsOf(path.join(logs, 'after-ro'));
    const afterFull = contentsOf(path.join(logs, 'after-full'));
    const lastLine = (text: string) => text.trim().split('\n').at(-1)?.replace(ws, '<ws>') ?? '';
    rows.push(
      {
        id: 'x04-read-only-folder',
        group: 'exports',
        input: 'output folder on a read-only file system (tmpfs remounted ro in a private namespace)',
        outcome: `${run.stdout.match(/ro=\d+/)?.[0]}: ${lastLine(roError)}; previous export byte-identical`,
        ok: run.stdout.includes('ro=1') && JSON.stringify(afterRo) === JSON.stringify(first),
      },
      {
        id: 'x05-disk-full',
        group: 'exports',
        input: 'output folder on a full file system (1 MB tmpfs filled up)',
        outcome: `${run.stdout.match(/full=\d+/)?.[0]}: ${lastLine(fullError)}; previous export byte-identical, no temporary file`,
        ok: run.stdout.includes('full=1') && JSON.stringify(afterFull) === JSON.stringify(first),
      },
    );
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(run.stdout).toContain('ro=1');
    expect(roError).toMatch(/read-only/);
    expect(roError).toContain(out);
    expect(afterRo).toEqual(first);
    expect(run.stdout).toContain('full=1');
    expect(fullError).toMatch(/disk full|ENOSPC/);
    expect(afterFull).toEqual(first);
  });
});

/** Runs in the namespace: `run`, then, every letter changed, `run --format letters` read-only. */
const LETTERS_SCRIPT = `set -u
mount -t tmpfs -o size=1m tmpfs "$OUT" || exit 90
"$NODE" "$BIN" run --workspace "$WS" --out "$OUT" $CLOCK >/dev/null 2>"$LOGS/first.err"; echo "first=$?"
cp -r "$OUT" "$LOGS/after-first"
sed -i 's/fr: Mission de supervision/fr: Mission (révisée) de supervision/' "$WS/tender.yaml"
mount -o remount,ro "$OUT"
"$NODE" "$BIN" run --workspace "$WS" --out "$OUT" --format letters $CLOCK >/dev/null 2>"$LOGS/ro.err"; echo "ro=$?"
cp -r "$OUT" "$LOGS/after-ro"
`;

describe.skipIf(!namespacesAllowed)('letters on a read-only folder (private tmpfs)', () => {
  it('fail with exit 1 in one line naming the letters folder, the previous letters left as they were', () => {
    const { out, logs, run } = runInNamespace(LETTERS_SCRIPT, 'ns-letters');
    expect(run.stdout).toContain('first=0');
    expect(run.stdout).toContain('ro=1');
    const roError = fs.readFileSync(path.join(logs, 'ro.err'), 'utf8').trim().split('\n');
    expect(roError.at(-1)).toBe(
      `error: Cannot write ${out}/letters: output folder is read-only (read-only file system) (EROFS)`,
    );
    expect(contentsOf(path.join(logs, 'after-ro'))).toEqual(contentsOf(path.join(logs, 'after-first')));
  });
});
