import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorkerPool, workerScriptAvailable } from '../../src/pipeline/worker-pool.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-pool-'));
const script = pathToFileURL(path.join(dir, 'double.mjs'));
fs.writeFileSync(
  script,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (batch) => {
  if (batch.includes(-1)) parentPort.postMessage({ error: 'negative input' });
  else if (batch.includes(-2)) process.exit(7);
  else parentPort.postMessage({ results: batch.map((n) => n * 2) });
});
`,
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('startWorkerPool', () => {
  it('answers every batch with its own results, in order, whichever worker took it', async () => {
    const pool = startWorkerPool<number, number>(script, null, 2);
    try {
      const batches = Array.from({ length: 12 }, (_, i) => [i, i + 100, i + 200]);
      const results = await Promise.all(batches.map((batch) => pool.run(batch)));
      expect(results).toEqual(batches.map((batch) => batch.map((n) => n * 2)));
    } finally {
      await pool.close();
    }
  });

  it('rejects a batch the worker reports an error for, and keeps serving the others', async () => {
    const pool = startWorkerPool<number, number>(script, null, 1);
    try {
      await expect(pool.run([1, -1])).rejects.toThrow('negative input');
      await expect(pool.run([3])).resolves.toEqual([6]);
    } finally {
      await pool.close();
    }
  });

  it('fails pending and later batches when a worker dies', async () => {
    const pool = startWorkerPool<number, number>(script, null, 1);
    try {
      await expect(pool.run([-2])).rejects.toThrow('exited with code 7');
      await expect(pool.run([1])).rejects.toThrow('exited with code 7');
    } finally {
      await pool.close();
    }
  });

  it('knows a script that was never built', () => {
    expect(workerScriptAvailable(script)).toBe(true);
    expect(workerScriptAvailable(new URL('./missing-worker.js', script))).toBe(false);
  });
});
