import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks } from '../../src/export/json.js';
import { buildDecidedReport, buildSampleReport } from './sample-report.js';

describe('renderJsonChunks', () => {
  it.each([
    ['sample', buildSampleReport(), 'en'],
    ['sample', buildSampleReport(), 'fr'],
    ['decided', buildDecidedReport(), 'fr'],
  ] as const)('gives exactly the text of renderJson (%s, %s)', (_name, report, lang) => {
    expect([...renderJsonChunks(report, lang)].join('')).toBe(renderJson(report, lang));
  });

  it('gives exactly the text of renderJson with no candidate and no tie', () => {
    const report = buildSampleReport();
    report.shortlist = { ...report.shortlist, candidates: [], ties: [] };
    report.dossiers = [];
    expect([...renderJsonChunks(report, 'en')].join('')).toBe(renderJson(report, 'en'));
  });

  it('yields one chunk per candidate, so a large document is never held whole', () => {
    const report = buildSampleReport();
    const chunks = [...renderJsonChunks(report, 'en')];
    expect(chunks.length).toBeGreaterThanOrEqual(report.shortlist.candidates.length);
  });
});
