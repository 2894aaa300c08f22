import { describe, expect, it } from 'vitest';
import { computeExportKey } from '../../src/export/export-key.js';
import { buildDecidedReport, buildSampleReport } from './sample-report.js';

const templates = ['report {{x}}', 'letter {{y}}'];

describe('computeExportKey', () => {
  it('is the same for the same inputs, whatever the run time', () => {
    const a = buildSampleReport();
    const b = { ...buildSampleReport(), runAt: '2031-01-01T00:00:00Z' };
    expect(computeExportKey(a, { lang: 'fr', templates })).toBe(
      computeExportKey(b, { lang: 'fr', templates }),
    );
  });

  it('changes with the language, a template, a dossier hash, the audit head and the outcome', () => {
    const report = buildSampleReport();
    const base = computeExportKey(report, { lang: 'fr', templates });
    expect(computeExportKey(report, { lang: 'en', templates })).not.toBe(base);
    expect(computeExportKey(report, { lang: 'fr', templates: ['report', 'letter 2'] })).not.toBe(base);
    expect(
      computeExportKey(report, { lang: 'fr', templates, auditHead: { seq: 999, hash: 'f'.repeat(64) } }),
    ).not.toBe(base);
    const edited = buildSampleReport();
    const [first, ...rest] = edited.dossiers;
    if (!first) throw new Error('sample report has no dossier');
    edited.dossiers = [{ ...first, hash: 'changed' }, ...rest];
    expect(computeExportKey(edited, { lang: 'fr', templates })).not.toBe(base);
    expect(computeExportKey(buildDecidedReport(), { lang: 'fr', templates })).not.toBe(base);
  });

  it('changes with the build of the tool, even under the same version number', () => {
    const report = buildSampleReport();
    const before = computeExportKey({ ...report, toolBuild: '0.1.0+aaa' }, { lang: 'fr', templates: [] });
    const after = computeExportKey({ ...report, toolBuild: '0.1.0+bbb' }, { lang: 'fr', templates: [] });
    expect(after).not.toBe(before);
  });

  it('uses the report’s last audit entry as the head by default', () => {
    const report = buildSampleReport();
    const last = report.audit.at(-1);
    const head = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: '' };
    expect(computeExportKey(report, { lang: 'fr', templates, auditHead: head })).toBe(
      computeExportKey(report, { lang: 'fr', templates }),
    );
  });

  it('changes with the sanctions list’s content even under the same version string', () => {
    const report = {
      ...buildSampleReport(),
      sanctionsListVersion: '2025-11',
      sanctionsListHash: 'a'.repeat(64),
    };
    const edited = { ...report, sanctionsListHash: 'b'.repeat(64) };
    expect(computeExportKey(edited, { lang: 'fr', templates })).not.toBe(
      computeExportKey(report, { lang: 'fr', templates }),
    );
  });
});
