import { describe, expect, it } from 'vitest';
import { renderLetters } from '../../src/export/letters.js';
import { defaultTemplatesDir, loadTemplate, renderReport } from '../../src/export/markdown.js';
import { buildBrokenTies, explainReserveTieBreak } from '../../src/export/tie-explanations.js';
import { buildDecidedReport, buildSampleReport, buildTieBrokenReport } from './sample-report.js';

const report = { fr: await loadTemplate(defaultTemplatesDir(), 'report', 'fr') };
const reportEn = await loadTemplate(defaultTemplatesDir(), 'report', 'en');
const letterFr = await loadTemplate(defaultTemplatesDir(), 'letter', 'fr');
const letterEn = await loadTemplate(defaultTemplatesDir(), 'letter', 'en');

const letterOf = (text: { file: string; content: string }[], file: string) =>
  text.find((entry) => entry.file === file)?.content ?? '';

describe('ties broken by the tie-breakers', () => {
  it('names the candidates, their total and the tie-breaker that decided, with its values', () => {
    expect(buildBrokenTies(buildTieBrokenReport(), 'fr')).toEqual([
      {
        candidates: 'Alpha Conseil (c03-alpha) et Beta Consulting GmbH (c04-beta)',
        total: '30,00',
        at_cut: true,
        decided_by: 'SEL-3 (nombre de références) : 3 contre 2',
      },
    ]);
  });

  it('goes to the next tie-breaker when the first one is equal, and formats amounts', () => {
    const tieBroken = buildTieBrokenReport();
    const beta = tieBroken.shortlist.candidates.find((entry) => entry.id === 'c04-beta');
    const sel3 = beta?.criteria['SEL-3'];
    if (sel3) sel3.metrics = { count: 3, total_value: 400000 };
    expect(buildBrokenTies(tieBroken, 'en')[0]?.decided_by).toBe(
      'SEL-3 (total value of the references): 500,000.00 EUR to 400,000.00 EUR',
    );
  });

  it('says so in section 5 of the report instead of "no tie"', () => {
    const fr = renderReport(buildTieBrokenReport(), 'fr', report.fr);
    expect(fr).not.toContain('Aucune égalité de classement');
    expect(fr).toContain(
      '- Alpha Conseil (c03-alpha) et Beta Consulting GmbH (c04-beta) : 30,00 points chacun ; départagés par SEL-3 (nombre de références) : 3 contre 2 — **à la limite de la liste restreinte**',
    );
    expect(fr).toContain(
      '| 4 | Beta Consulting GmbH | c04-beta | DE | 30,00 | même total (30,00 points) que Alpha Conseil (c03-alpha) ; départagés par SEL-3 (nombre de références) : 3 contre 2 |',
    );
    const en = renderReport(buildTieBrokenReport(), 'en', reportEn);
    expect(en).toContain(
      'points each; separated by SEL-3 (number of references): 3 to 2 — **at the shortlist cut**',
    );
  });

  it('lists no broken tie when totals differ, and keeps "no tie" then', () => {
    const plain = buildSampleReport();
    plain.shortlist.ties = [];
    expect(buildBrokenTies(plain, 'fr')).toEqual([]);
    expect(renderReport(plain, 'fr', report.fr)).toContain('_Aucune égalité de classement._');
  });

  it('tells a reserve candidate with the last shortlisted total which tie-breaker placed it below', () => {
    const tieBroken = buildTieBrokenReport();
    const beta = tieBroken.shortlist.candidates.find((entry) => entry.id === 'c04-beta');
    const gamma = tieBroken.shortlist.candidates.find((entry) => entry.id === 'c05-gamma');
    expect(beta && explainReserveTieBreak(tieBroken, beta, 'fr')).toEqual({
      ahead: 'Alpha Conseil (c03-alpha)',
      total: '30,00',
      decided_by: 'SEL-3 (nombre de références) : 3 contre 2',
    });
    expect(gamma && explainReserveTieBreak(tieBroken, gamma, 'fr')).toBeNull();
    const letters = renderLetters(tieBroken, 'fr', letterFr);
    expect(letterOf(letters, 'letter-c04-beta.fr.md')).toContain(
      "Votre candidature a obtenu le même total que Alpha Conseil (c03-alpha), dernier candidat retenu (30,00 points). Le critère de départage prévu par la grille d'évaluation",
    );
    expect(letterOf(letters, 'letter-c04-beta.fr.md')).toContain(
      ': SEL-3 (nombre de références) : 3 contre 2.',
    );
    expect(letterOf(letters, 'letter-c05-gamma.fr.md')).not.toContain('même total');
  });
});

describe('ties settled by a committee decision', () => {
  it('says in the reserve table who got the place, when and why', () => {
    const fr = renderReport(buildDecidedReport(), 'fr', report.fr);
    expect(fr).toContain(
      '| 3 | Beta Consulting GmbH | c04-beta | DE | 30,00 | ex æquo au rang 3 ; la place a été attribuée à Alpha Conseil (c03-alpha) par décision du comité du 6 décembre 2025 (motif : Expérience régionale plus récente) |',
    );
    const en = renderReport(buildDecidedReport(), 'en', reportEn);
    expect(en).toContain(
      "tied at rank 3; the place was given to Alpha Conseil (c03-alpha) by the committee's decision of 6 December 2025 (reason: Expérience régionale plus récente) |",
    );
  });

  it('tells the candidate left on the reserve list in its letter', () => {
    const en = letterOf(renderLetters(buildDecidedReport(), 'en', letterEn), 'letter-c04-beta.en.md');
    expect(en).toContain(
      "It was tied at rank 3; the place was given to Alpha Conseil (c03-alpha) by the committee's decision of 6 December 2025 (reason: Expérience régionale plus récente). It was therefore placed on the reserve list (position 1 on that list), the shortlist being limited to 3 candidates.",
    );
    const gamma = letterOf(renderLetters(buildDecidedReport(), 'en', letterEn), 'letter-c05-gamma.en.md');
    expect(gamma).toContain('It was ranked in position 5 and placed on the reserve list (position 2');
  });
});
