import { describe, expect, it } from 'vitest';
import type { CriterionResult, EvaluationReport } from '../../src/core/types.js';
import { defaultTemplatesDir, loadTemplate, renderReport } from '../../src/export/markdown.js';
import { buildSanctionsReview } from '../../src/export/sanctions-review.js';
import { buildSampleReport } from './sample-report.js';

const fr = await loadTemplate(defaultTemplatesDir(), 'report', 'fr');
const en = await loadTemplate(defaultTemplatesDir(), 'report', 'en');

/** A sanctions gate with one exact match (`exact` > 0) or none, then near matches, as the core builds it. */
function sanctionsResult(near: { entity: string; listed: string; similarity: number }[]): CriterionResult {
  return {
    criterion: 'sanctions',
    kind: 'gate',
    passed: true,
    points: null,
    metrics: { list_version: '2025-11-30', exact: 0, near: near.length, matched: near.map((m) => m.listed) },
    explanation: [],
    items: near.map((m) => ({
      entity: 0,
      entityName: m.entity,
      item: -1,
      counted: false,
      value: m.similarity,
      why: {
        fr: `${m.entity} : proche de « ${m.listed} » (similarité ${m.similarity}, ligne 4)`,
        en: `${m.entity}: near match with "${m.listed}" (similarity ${m.similarity}, line 4)`,
      },
    })),
    flags: ['review'],
  };
}

function withNearMatches(): EvaluationReport {
  const report = buildSampleReport();
  const byId = new Map(report.shortlist.candidates.map((entry) => [entry.id, entry]));
  const c01 = byId.get('c01-idsec');
  const c06 = byId.get('c06-delta');
  const c05 = byId.get('c05-gamma');
  if (!c01 || !c06 || !c05) throw new Error('sample report changed');
  c01.criteria.sanctions = {
    ...sanctionsResult([
      { entity: 'Institut Droits & Sécurité SARL', listed: 'Institut Droit Securite', similarity: 0.9123 },
    ]),
    override: {
      candidate: 'c01-idsec',
      criterion: 'sanctions',
      passed: true,
      reason: 'Homonyme : numéro RCCM différent',
      by: 'Paul Martin',
      at: '2025-12-04T11:00:00Z',
    },
    automatic: { passed: true, points: null },
  };
  c06.criteria.sanctions = {
    ...sanctionsResult([{ entity: 'Delta | Partners', listed: 'Delta Partner Ltd', similarity: 0.88 }]),
    pending: true,
  };
  // A clean screening is not listed.
  c05.criteria.sanctions = { ...sanctionsResult([]), flags: [] };
  return report;
}

describe('sanctions near matches in the report', () => {
  it('lists every candidate flagged for review, with the entity, the listed name, the similarity and the outcome', () => {
    expect(buildSanctionsReview(withNearMatches(), 'fr')).toEqual([
      {
        candidate: 'Institut Droits & Sécurité SARL (c01-idsec)',
        entity: 'Institut Droits & Sécurité SARL',
        listed: 'Institut Droit Securite',
        similarity: '0,9123',
        resolved: true,
        resolution:
          'écartée par le secrétariat — Paul Martin, 4 décembre 2025 à 11:00 UTC : Homonyme : numéro RCCM différent',
      },
      {
        candidate: 'Delta Partners (c06-delta)',
        entity: 'Delta | Partners',
        listed: 'Delta Partner Ltd',
        similarity: '0,8800',
        resolved: false,
        resolution: 'en attente de la décision du secrétariat',
      },
    ]);
  });

  it('shows them in a section of the report, escaped for Markdown', () => {
    const text = renderReport(withNearMatches(), 'en', en);
    expect(text).toContain('## 12. Sanctions lists: near matches for review');
    expect(text).toContain(
      "| Delta Partners (c06-delta) | Delta \\| Partners | Delta Partner Ltd | 0.8800 | awaiting the secretary's decision |",
    );
    expect(text).toContain(
      '| Institut Droits & Sécurité SARL | Institut Droit Securite | 0.9123 | dismissed by the secretary',
    );
  });

  it('says there is none when no near match was flagged', () => {
    expect(buildSanctionsReview(buildSampleReport(), 'fr')).toEqual([]);
    expect(renderReport(buildSampleReport(), 'fr', fr)).toContain(
      '_Aucune correspondance approchée à examiner._',
    );
  });
});
