import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../src/core/types.js';
import { defaultTemplatesDir } from '../../src/export/markdown.js';
import { renderOcds } from '../../src/export/ocds.js';
import { runExports } from '../../src/export/registry.js';
import { buildSampleReport } from './sample-report.js';

let dir = '';

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prequal-ocds-stream-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The OCDS file the export writes for `report`. */
async function exported(report: EvaluationReport): Promise<string> {
  await runExports(report, {
    formats: ['ocds'],
    lang: 'fr',
    outDir: dir,
    templatesDir: defaultTemplatesDir(),
  });
  return fs.readFile(path.join(dir, `ocds-${report.tender.reference}.json`), 'utf8');
}

/** The sample report with its candidates repeated under new ids, `count` in all. */
function manyCandidates(count: number): EvaluationReport {
  const report = buildSampleReport();
  const base = report.shortlist.candidates;
  const originalOf = new Map<string, string>();
  const candidates = Array.from({ length: count }, (_, i) => {
    const source = base[i % base.length]!;
    const id = `${source.id}-${i}`;
    originalOf.set(id, source.id);
    return { ...source, id };
  });
  const { dossierOf } = report;
  return {
    ...report,
    shortlist: { ...report.shortlist, candidates },
    dossierOf: (id) => dossierOf(originalOf.get(id) ?? id),
  };
}

describe('the OCDS release written as candidates pass', () => {
  it('is byte for byte what renderOcds makes of the whole report', async () => {
    const report = buildSampleReport();
    expect(await exported(report)).toBe(renderOcds(report));
  });

  it('writes empty lists as renderOcds does when there is no candidate', async () => {
    const report = buildSampleReport();
    const empty = { ...report, shortlist: { ...report.shortlist, candidates: [], filled: 0 } };
    const text = await exported(empty);
    expect(text).toBe(renderOcds(empty));
    expect(text).toContain('"tenderers": []');
    expect(text).toContain('"details": []');
  });

  it('gives the same bytes when the held lists spill to a temporary file, and leaves no file behind', async () => {
    // About 3 MB of held tenderers and bids: well beyond the 1 MiB kept in memory.
    const report = manyCandidates(5_000);
    const text = await exported(report);
    expect(text.length).toBeGreaterThan(3_000_000);
    expect(text).toBe(renderOcds(report));
    expect(await fs.readdir(dir)).toEqual([`ocds-${report.tender.reference}.json`]);
  });

  it('is not rewritten when its bytes would not change', async () => {
    const report = buildSampleReport();
    await exported(report);
    const file = path.join(dir, `ocds-${report.tender.reference}.json`);
    const before = await fs.stat(file);
    await exported(report);
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
  });
});
