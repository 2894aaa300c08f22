/**
 * The same corpus read in this process with `listDossierEntries` + `readDossier`: nothing
 * throws, every case ends as the pipeline says it should, and no prototype is polluted. FIFOs
 * are read too, under a watchdog that opens them for writing after a few seconds: a reader
 * that blocked on one is released (so the suite cannot hang) and fails on the elapsed time.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadDossier } from '../../src/core/types.js';
import { listDossierEntries, readDossier, readTender } from '../../src/dossier/index.js';
import { ALL_CASES, buildCorpus } from './corpus.js';
import { makeSecurityWorkspace } from './harness.js';
import { candidateOf } from './hostile-case.js';

const WATCHDOG_MS = 5_000;
const reads = new Map<string, ReadDossier>();
let elapsed = 0;
let watchdog: ReturnType<typeof spawn> | undefined;

beforeAll(() => {
  const w = makeSecurityWorkspace('reader');
  buildCorpus(w);
  const fifos = ALL_CASES.filter((c) => c.blocking).map((c) => path.join(w.dossiers, candidateOf(c)));
  // Opens every FIFO below the candidates' folders for writing (non-blocking), then closes it.
  const release = `setTimeout(() => { const fs = require('node:fs'); for (const f of process.argv.slice(1)) {
      for (const p of [f, f + '.yaml', f + '/dossier.yaml', f + '/pipe.pdf']) {
        try { fs.closeSync(fs.openSync(p, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK)); } catch {} } } }, ${WATCHDOG_MS});`;
  watchdog = spawn(process.execPath, ['-e', release, ...fifos], { stdio: 'ignore' });
  const { tender } = readTender(w.ws);
  const started = performance.now();
  for (const entry of listDossierEntries(w.ws)) reads.set(entry.id, readDossier(w.ws, entry, tender));
  elapsed = performance.now() - started;
});

afterAll(() => watchdog?.kill('SIGKILL'));

/** Error messages as outcomeOf summarises them (`path: message`). */
const summary = (read: ReadDossier): string =>
  `invalid: ${read.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`;

describe('readDossier on the hostile corpus, in process', () => {
  it('never blocks on a FIFO or a device and reads everything quickly', () => {
    expect(elapsed).toBeLessThan(WATCHDOG_MS - 500);
  });

  it.each(ALL_CASES.map((c) => [c.id, c] as const))('%s', (_id, hostile) => {
    const read = reads.get(candidateOf(hostile));
    const expect_ = hostile.expect;
    if (expect_.kind === 'absent') {
      expect(read).toBeUndefined();
      return;
    }
    expect(read).toBeDefined();
    if (!read) return;
    // A dossier exactly when there is no error: the invariant every later stage relies on.
    expect(read.dossier === null).toBe(read.errors.length > 0);
    if (expect_.kind === 'invalid') expect(summary(read)).toMatch(expect_.message);
    else expect(read.errors).toEqual([]);
  });

  it('pollutes no prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(Object.keys(Array.prototype)).toEqual([]);
    const proto = reads.get('h22-constructor-prototype')?.dossier;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
  });
});
