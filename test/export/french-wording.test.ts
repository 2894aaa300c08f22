import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../src/export/format.js';
import { formatCount } from '../../src/export/labels.js';
import { renderLetters } from '../../src/export/letters.js';
import { defaultTemplatesDir, loadTemplate, renderReport } from '../../src/export/markdown.js';
import { buildDecidedReport, buildSampleReport } from './sample-report.js';

const report = await loadTemplate(defaultTemplatesDir(), 'report', 'fr');
const letter = await loadTemplate(defaultTemplatesDir(), 'letter', 'fr');

describe('French wording of counts and dates', () => {
  it('agrees nouns with their count (French keeps 0 and 1 singular, English only 1)', () => {
    expect(formatCount(1, 'fr', 'place', 'places')).toBe('1 place');
    expect(formatCount(0, 'fr', 'place', 'places')).toBe('0 place');
    expect(formatCount(2, 'fr', 'place', 'places')).toBe('2 places');
    expect(formatCount(0, 'en', 'place', 'places')).toBe('0 places');
    expect(formatCount(1, 'en', 'place', 'places')).toBe('1 place');
  });

  it('says « 1 place à pourvoir » and « 2 places à pourvoir » for a tie at the cut', () => {
    const one = buildSampleReport();
    expect(renderReport(one, 'fr', report)).toContain('(1 place à pourvoir)');
    const two = buildSampleReport();
    const tie = two.shortlist.ties[0];
    if (tie) tie.seats = 2;
    expect(renderReport(two, 'fr', report)).toContain('(2 places à pourvoir)');
  });

  it('agrees the shortlist size in the report and the letters', () => {
    const small = buildDecidedReport();
    small.shortlist.max = 1;
    small.shortlist.min = 1;
    small.shortlist.below_min = true;
    const text = renderReport(small, 'fr', report);
    expect(text).toContain('| Liste restreinte prévue | de 1 à 1 candidat |');
    expect(text).toContain('moins de candidats que le minimum prévu (1 candidat) remplissent');
    const gamma = renderLetters(small, 'fr', letter).find((entry) => entry.file === 'letter-c05-gamma.fr.md');
    expect(gamma?.content).toContain('la liste restreinte étant limitée à 1 candidat.');
  });

  it('writes the first of the month « 1er » in French dates, and the committee’s declarations show it', () => {
    const text = renderReport(buildSampleReport(), 'fr', report);
    expect(text).toContain('| Awa Ndiaye | président(e) | 1er décembre 2025 à 09:00 UTC |');
    expect(formatCalendarDate('2025-12-01', 'en')).toBe('1 December 2025');
    expect(formatCalendarDate('2025-12-11', 'fr')).toBe('11 décembre 2025');
  });
});
