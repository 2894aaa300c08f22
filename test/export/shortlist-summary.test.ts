import { describe, expect, it } from 'vitest';
import { buildOcdsReleasePackage } from '../../src/export/ocds.js';
import { summarizeShortlist } from '../../src/export/shortlist-summary.js';
import { buildRunTable } from '../../src/export/xlsx-records.js';
import { buildDecidedReport, buildSampleReport } from './sample-report.js';

describe('the state of the shortlist in the workbook and the OCDS release', () => {
  it('names an undecided tie at the cut and a shortlist below its minimum', () => {
    const report = buildSampleReport();
    report.shortlist.below_min = true;
    // Nothing pending: the shortage is final.
    report.shortlist.candidates = report.shortlist.candidates.filter((c) => c.status !== 'pending');
    const en = summarizeShortlist(report.shortlist, 'en');
    expect(en).toContain('fewer than 2 candidates qualify: the shortlist is below its minimum');
    expect(en).toContain('tie at rank 3 across the cut (c03-alpha, c04-beta): the committee must decide');
    const fr = summarizeShortlist(report.shortlist, 'fr');
    expect(fr.join('\n')).toContain('décision du comité requise');

    const rows = [...buildRunTable(report, 'en').rows].map((row) =>
      row.map((cell) => (typeof cell === 'object' && cell !== null && 'value' in cell ? cell.value : cell)),
    );
    expect(rows).toContainEqual([
      'Shortlist',
      'fewer than 2 candidates qualify: the shortlist is below its minimum',
      '',
    ]);

    const pkg = buildOcdsReleasePackage(report, { publisher: 'x' }) as {
      releases: { tender: { description: string } }[];
    };
    expect(pkg.releases[0]?.tender.description).toContain('en deçà du minimum');
  });

  it('says nothing of a tie once the committee decided it', () => {
    const lines = summarizeShortlist(buildDecidedReport().shortlist, 'en');
    expect(lines.join('\n')).not.toContain('must decide');
  });
});

describe('a shortlist below its minimum while scores are pending', () => {
  it('says "so far" instead of a verdict', () => {
    const report = buildSampleReport();
    report.shortlist.below_min = true;
    const hasPending = report.shortlist.candidates.some((c) => c.status === 'pending');
    expect(hasPending).toBe(true);
    expect(summarizeShortlist(report.shortlist, 'en')).toContain(
      'so far fewer than 2 candidates qualify; the pending ones may still change that',
    );
  });
});
