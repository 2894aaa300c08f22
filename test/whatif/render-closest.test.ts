import { describe, expect, it } from 'vitest';
import { findClosestChange } from '../../src/whatif/closest.js';
import { renderClosestAnswer } from '../../src/whatif/render-closest.js';
import { makeGrid, makeSmallTender } from './fixture-grid.js';
import { makeWorld } from './small-world.js';

const scenario = { criteria: makeGrid(), tender: makeSmallTender(2) };
const render = (id: string, lang: 'fr' | 'en') =>
  renderClosestAnswer(findClosestChange(makeWorld(), scenario, id), 'Name', lang);

describe('renderClosestAnswer', () => {
  it('states the best change in the report language', () => {
    expect(render('c07-small-refs', 'en')).toContain(
      'smallest change that shortlists it: lower SEL-4.filter.min_value from 150,000 to 120,000 (20 %)',
    );
    expect(render('c07-small-refs', 'fr')).toContain(
      'plus petit changement qui le présélectionne : abaisser SEL-4.filter.min_value de 150\u00a0000 à 120\u00a0000 (20 %)',
    );
  });

  it('says when the closest change is not enough, and why', () => {
    const text = render('c05-low-total', 'en');
    expect(text).toContain('no single change of one published threshold would shortlist it');
    expect(text).toContain(
      'lower shortlist_threshold from 20 to 10 (50 %) → not enough: reserve, rank 4 (cut at 2)',
    );
    expect(render('c04-turnover-250k', 'fr')).toContain('insuffisant : ex æquo (décision attendue), rang 1');
  });

  it('names gates without a threshold, and candidates the question does not concern', () => {
    expect(render('c06-late', 'en')).toContain('no threshold change can fix ADM-1 (deadline)');
    expect(render('c01-strong', 'en')).toContain('already shortlisted: nothing to change');
    expect(render('c99-broken', 'fr')).toContain('aucun seuil ne s’applique');
  });
});
