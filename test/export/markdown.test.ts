import { describe, expect, it } from 'vitest';
import { formatPoints as formatCorePoints } from '../../src/core/text.js';
import { defaultTemplatesDir, loadTemplate, renderReport } from '../../src/export/markdown.js';
import { buildReportView } from '../../src/export/report-view.js';
import { buildDecidedReport, buildSampleReport } from './sample-report.js';

const templates = {
  fr: await loadTemplate(defaultTemplatesDir(), 'report', 'fr'),
  en: await loadTemplate(defaultTemplatesDir(), 'report', 'en'),
};

/** Cells of a Markdown table row, splitting on unescaped pipes. */
const cellsOf = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1);

describe('renderReport', () => {
  const fr = renderReport(buildSampleReport(), 'fr', templates.fr);
  const en = renderReport(buildSampleReport(), 'en', templates.en);

  it('keeps the hostile name inside its table cell, with no raw HTML or escape sequence', () => {
    for (const text of [fr, en]) {
      const row = text.split('\n').find((line) => line.includes('c02-hostile') && line.startsWith('| 2 |'));
      expect(row).toBeDefined();
      expect(cellsOf(row ?? '')).toHaveLength(5);
      expect(row).toContain('&lt;b&gt;html&lt;/b&gt;<br>newline red');
      expect(text).not.toContain('<b>');
      expect(text).not.toContain('\u001b');
    }
  });

  it('states the procedure, the shortlist, the tie at the cut and the reserve', () => {
    expect(fr).toContain('# Rapport de présélection — POC2-S29');
    expect(fr).toContain('du 13 novembre 2025 à 00:00 UTC au 28 novembre 2025 à 16:00 UTC');
    expect(fr).toContain('| 1 | Institut Droits & Sécurité SARL | c01-idsec | SN | 38,00 |');
    expect(en).toContain('| 1 | Institut Droits & Sécurité SARL | c01-idsec | SN | 38.00 |');
    expect(fr).toContain('| 3 | Alpha Conseil | c03-alpha | BJ | 30,00 |');
    expect(fr).toContain('**Décision requise :**');
    expect(en).toContain('**at the shortlist cut** (1 place left) — decision required');
    expect(en).toContain('| 5 | Gamma Expertise | c05-gamma | CI | 25.00 |');
    expect(en).toContain(
      '| SEL-3 | Relevant references | pass/fail | — | at least 2 references; tags (any): human\\_rights;',
    );
  });

  it('gives every rejected candidate each failed criterion with its reason', () => {
    expect(fr).toContain('### Retard Conseil LLC (c07-late)');
    expect(fr).toContain('- **ADM-1 — Dossier reçu dans les délais** : reçu le 2025-11-28T16:30:00Z');
    expect(en).toContain('- **ELI-1 — Nationality**: US is not an eligible country (EU, ACP)');
  });

  it('lists pending and invalid dossiers, overrides, consensus flags and the manifest', () => {
    expect(en).toContain(
      '- Delta Partners (c06-delta): scores missing for EXP-3 (Quality of the methodology note)',
    );
    expect(en).toContain('### c08-broken\n');
    expect(en).toContain(
      '- dossiers/c08-broken/dossier.yaml:14:5 references.0.currency: unknown currency GBP (no exchange rate)',
    );
    expect(en).toContain(
      '| ADM-2 — Mandatory documents | FAIL → PASS | Paul Martin | 3 December 2025, 09:30 UTC',
    );
    expect(en).toContain('Jean Dupont: 11.00; Marie Sow: 20.00 | 9.00 |');
    expect(fr).toContain('Jean Dupont : 11,00 ; Marie Sow : 20,00 | 9,00 |');
    expect(en).toContain(`| c08-broken | dossiers/c08-broken/dossier.yaml | \`${'8'.repeat(64)}\` |`);
    expect(en).toContain('| prequal version | 0.1.0 |');
  });

  it("reads an evaluator's points as the criterion's explanation does, rounded half away from zero", () => {
    const sample = buildSampleReport();
    const scores = sample.scores.map((s) =>
      s.candidate === 'c02-hostile' && s.evaluator === 'Jean Dupont' ? { ...s, points: 10.075 } : s,
    );
    const report = { ...sample, scores };
    // The explanation (core) says 10.08; the consensus table, written with toFixed, said 10.07.
    expect(formatCorePoints(10.075, 'en')).toBe('10.08');
    expect(renderReport(report, 'en', templates.en)).toContain(
      'Jean Dupont: 10.08; Marie Sow: 20.00 | 9.93 |',
    );
    expect(renderReport(report, 'fr', templates.fr)).toContain(
      'Jean Dupont : 10,08 ; Marie Sow : 20,00 | 9,93 |',
    );
  });

  it('shows the committee decision once recorded', () => {
    const decided = renderReport(buildDecidedReport(), 'en', templates.en);
    expect(decided).toContain(
      '  - Decision: Alpha Conseil (c03-alpha) retained — by Awa Ndiaye, 6 December 2025, 10:00 UTC. Reason: Expérience régionale plus récente',
    );
    expect(decided).not.toContain('**Decision required:**');
  });

  it('heads a reason code by its label alone', () => {
    const report = buildSampleReport();
    const late = report.shortlist.candidates.find((entry) => entry.id === 'c07-late');
    late?.reasons.push({
      criterion: 'threshold',
      message: { fr: 'total 5,00 sous le seuil 40,00', en: 'total 5.00 below 40.00' },
    });
    expect(renderReport(report, 'fr', templates.fr)).toContain(
      '- **Seuil de qualification** : total 5,00 sous le seuil 40,00',
    );
  });

  it('warns when fewer candidates than the minimum qualify', () => {
    const report = buildSampleReport();
    report.shortlist.below_min = true;
    expect(renderReport(report, 'en', templates.en)).toContain('**Warning:** fewer than 2 candidates');
    expect(en).not.toContain('**Warning:**');
  });

  it('is byte-identical across runs, carries no run time and drops the template header', () => {
    const later = { ...buildSampleReport(), runAt: '2031-05-05T05:05:05Z' };
    expect(renderReport(later, 'fr', templates.fr)).toBe(fr);
    expect(fr).not.toContain('2025-12-05');
    expect(fr).not.toContain('Champs disponibles');
    expect(en).not.toContain('Available fields');
    expect(fr.startsWith('# Rapport')).toBe(true);
  });

  it('exposes every section to the template through the view model', () => {
    const view = buildReportView(buildSampleReport(), 'en');
    expect([...view.shortlist].map((row) => row.id)).toEqual(['c01-idsec', 'c02-hostile']);
    expect([...view.tied].map((row) => row.id)).toEqual(['c03-alpha', 'c04-beta']);
    expect([...view.reserve].map((row) => row.id)).toEqual(['c05-gamma']);
    expect([...view.rejected].map((row) => row.reasons.length)).toEqual([2]);
    expect([...view.invalid][0]?.errors).toHaveLength(2);
    expect(view.rejected.length).toBe(1);
  });

  it('reports a broken template or a missing one as a user error', async () => {
    expect(() => renderReport(buildSampleReport(), 'en', '{{#shortlist}}unclosed')).toThrow(
      /template cannot be used/,
    );
    await expect(loadTemplate('/nonexistent-templates', 'report', 'fr')).rejects.toThrow(
      /report\.fr\.md: not found/,
    );
  });
});
