import { describe, expect, it } from 'vitest';
import { buildJsonDocument, renderJson } from '../../src/export/json.js';
import { buildDecidedReport, buildSampleReport, HOSTILE_NAME } from './sample-report.js';

// biome-ignore lint/suspicious/noExplicitAny: the test walks an untyped JSON document
type Json = any;

describe('renderJson', () => {
  const report = buildSampleReport();
  const doc: Json = JSON.parse(renderJson(report, 'en'));

  it('has the SPEC §6 top-level shape and no clock', () => {
    expect(Object.keys(doc)).toEqual([
      'tender',
      'criteria_version',
      'criteria_hash',
      'shortlist',
      'candidates',
      'ties',
      'manifest',
    ]);
    expect(doc.tender).toEqual({
      reference: 'POC2-S29',
      title: 'Human rights supervision and training mission',
      currency: 'EUR',
      contracting_authority: 'POC II',
      submission: { opens: '2025-11-13T00:00:00Z', closes: '2025-11-28T16:00:00Z' },
    });
    expect(doc.criteria_version).toBe(3);
    expect(doc.shortlist).toEqual({ min: 2, max: 3, filled: 2, below_min: false });
    expect(renderJson(report, 'en')).not.toContain(report.runAt);
  });

  it('lists candidates in the report order with their status, rank and total', () => {
    expect(doc.candidates.map((c: Json) => [c.id, c.status, c.rank, c.total])).toEqual([
      ['c01-idsec', 'shortlisted', 1, 38],
      ['c02-hostile', 'shortlisted', 2, 35.5],
      ['c03-alpha', 'tied', 3, 30],
      ['c04-beta', 'tied', 3, 30],
      ['c05-gamma', 'reserve', 5, 25],
      ['c06-delta', 'pending', null, null],
      ['c07-late', 'rejected', null, 5],
      ['c08-broken', 'invalid', null, null],
    ]);
    expect(doc.candidates[1].name).toBe(HOSTILE_NAME);
  });

  it('gives every criterion with explanations in the chosen language, in criteria-set order', () => {
    const c01 = doc.candidates[0];
    expect(Object.keys(c01.criteria)).toEqual(['ADM-1', 'ADM-2', 'ELI-1', 'SEL-3', 'EXP-1', 'EXP-3']);
    expect(c01.criteria['SEL-3']).toEqual({
      passed: true,
      points: null,
      metrics: { count: 2, total_value: 470000 },
      explanation: ['2 references counted'],
    });
    expect(c01.criteria['ADM-2'].override).toEqual({
      by: 'Paul Martin',
      at: '2025-12-03T09:30:00Z',
      reason: 'Certificat fourni sous le nom rccm-2025.pdf',
      passed: true,
      automatic: { passed: false, points: null },
    });
    expect(doc.candidates[1].criteria['EXP-3'].flags).toEqual(['consensus']);
    const fr: Json = buildJsonDocument(report, 'fr');
    expect(fr.candidates[0].criteria['SEL-3'].explanation).toEqual(['2 références comptées']);
    expect(fr.tender.title).toBe('Mission de supervision et de formation au respect des droits humains');
  });

  it('states reasons in the language, and invalid candidates with no criteria but their errors', () => {
    const late = doc.candidates[6];
    expect(late.reasons).toEqual([
      {
        criterion: 'ADM-1',
        message: 'received 2025-11-28T16:30:00Z, after the deadline 2025-11-28T16:00:00Z',
      },
      { criterion: 'ELI-1', message: 'US is not an eligible country (EU, ACP)' },
    ]);
    expect(late.criteria['ADM-1'].passed).toBe(false);
    expect(late.errors).toBeUndefined();
    const broken = doc.candidates[7];
    expect(broken.criteria).toEqual({});
    expect(broken.errors[1]).toEqual({
      file: 'dossiers/c08-broken/dossier.yaml',
      line: 14,
      column: 5,
      path: 'references.0.currency',
      message: 'unknown currency GBP (no exchange rate)',
    });
  });

  it('reports ties, decisions and the manifest', () => {
    expect(doc.ties).toEqual([{ rank: 3, candidates: ['c03-alpha', 'c04-beta'], at_cut: true }]);
    // `seats` is not part of the SPEC §6 tie shape.
    expect(doc.manifest.tender_hash).toBe('a'.repeat(64));
    expect(doc.manifest.dossiers).toHaveLength(8);
    expect(doc.manifest.dossiers[0]).toEqual({ id: 'c01-idsec', hash: '1'.repeat(64) });
    const decided: Json = buildJsonDocument(buildDecidedReport(), 'en');
    expect(decided.ties[0].decision).toEqual({
      chosen: ['c03-alpha'],
      tied: ['c03-alpha', 'c04-beta'],
      reason: 'Expérience régionale plus récente',
      by: 'Awa Ndiaye',
      at: '2025-12-06T10:00:00Z',
    });
  });

  it('is byte-identical across renders, indented by two spaces, with a final newline', () => {
    const first = renderJson(buildSampleReport(), 'fr');
    const second = renderJson({ ...buildSampleReport(), runAt: '2030-01-01T00:00:00Z' }, 'fr');
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.split('\n')[1]).toBe('  "tender": {');
  });
});
