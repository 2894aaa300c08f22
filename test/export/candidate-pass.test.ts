import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../src/core/types.js';
import { type CandidateVisitor, runCandidatePass } from '../../src/export/candidate-pass.js';
import { renderJson } from '../../src/export/json.js';
import { defaultTemplatesDir } from '../../src/export/markdown.js';
import { renderOcds } from '../../src/export/ocds.js';
import { type ExportOptions, runExports } from '../../src/export/registry.js';
import { buildSampleReport } from './sample-report.js';

let dir = '';
let options: ExportOptions;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'prequal-pass-'));
  options = { formats: ['json', 'ocds'], lang: 'fr', outDir: dir, templatesDir: defaultTemplatesDir() };
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The sample report, counting how often each candidate's full results and dossier are read. */
function countingReport(): { report: EvaluationReport; reads: Map<string, number> } {
  const report = buildSampleReport();
  const reads = new Map<string, number>();
  const count = (key: string) => reads.set(key, (reads.get(key) ?? 0) + 1);
  const { resultsOf, dossierOf } = report;
  report.resultsOf = (candidate) => {
    count(`results:${candidate.id}`);
    return resultsOf(candidate);
  };
  report.dossierOf = (id) => {
    count(`dossier:${id}`);
    return dossierOf(id);
  };
  return { report, reads };
}

describe('the candidate pass', () => {
  it('reads each candidate once for JSON, OCDS and the workbook, and writes what each exporter alone writes', async () => {
    const { report, reads } = countingReport();
    await runExports(report, { ...options, formats: ['json', 'ocds', 'xlsx'] });
    expect(Math.max(...reads.values())).toBe(1);
    expect(reads.size).toBe(2 * report.shortlist.candidates.length);
    expect(await fs.readFile(path.join(dir, 'shortlist.json'), 'utf8')).toBe(renderJson(report, 'fr'));
    expect(await fs.readFile(path.join(dir, 'ocds-POC2-S29.json'), 'utf8')).toBe(renderOcds(report));
  });

  it('reads no dossier when only the JSON document is asked for', async () => {
    const { report, reads } = countingReport();
    await runExports(report, { ...options, formats: ['json'] });
    expect([...reads.keys()].filter((key) => key.startsWith('dossier:'))).toEqual([]);
  });

  it('aborts every visitor when one fails, leaving the files in place as they were', async () => {
    const report = buildSampleReport();
    await runExports(report, options);
    const before = await fs.readFile(path.join(dir, 'shortlist.json'), 'utf8');
    const aborted: string[] = [];
    const failing: CandidateVisitor = {
      visit: () => {
        throw new Error('disk on fire');
      },
      finish: async () => [],
      abort: async () => {
        aborted.push('failing');
      },
    };
    const quiet: CandidateVisitor = {
      visit: () => undefined,
      finish: async () => [],
      abort: async () => {
        aborted.push('quiet');
      },
    };
    await expect(runCandidatePass(report, [quiet, failing])).rejects.toThrow('disk on fire');
    expect(aborted.sort()).toEqual(['failing', 'quiet']);
    expect(await fs.readFile(path.join(dir, 'shortlist.json'), 'utf8')).toBe(before);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
