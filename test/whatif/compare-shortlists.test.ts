import { describe, expect, it } from 'vitest';
import { parseAssignments } from '../../src/whatif/assignments.js';
import { compareShortlists } from '../../src/whatif/compare-shortlists.js';
import { renderShortlistDiff } from '../../src/whatif/render-diff.js';
import { buildScenario } from '../../src/whatif/scenario.js';
import { simulateShortlist } from '../../src/whatif/simulate.js';
import { makeGrid, makeSmallTender } from './fixture-grid.js';
import { makeWorld } from './small-world.js';

const current = { criteria: makeGrid(), tender: makeSmallTender(2) };
const input = makeWorld();

function compareWith(texts: string[]) {
  const changed = buildScenario(current, parseAssignments(texts, current.criteria));
  return compareShortlists(
    { shortlist: simulateShortlist(input, current), scenario: current },
    { shortlist: simulateShortlist(input, changed), scenario: changed },
  );
}

describe('compareShortlists', () => {
  it('lists nothing when nothing moves', () => {
    const diff = compareWith(['SEL-1.years=3']);
    expect(diff.changes).toEqual([]);
    expect(renderShortlistDiff(diff, 'h')).toContain("no candidate's status, rank or total changes");
  });

  it('blames the threshold for a candidate it let in', () => {
    const diff = compareWith(['threshold=10']);
    expect(diff.settings).toEqual([{ parameter: 'shortlist_threshold', before: 20, after: 10 }]);
    expect(diff.changes).toEqual([
      {
        id: 'c05-low-total',
        name: 'Institut Droits & Sécurité SARL',
        before: { status: 'rejected', rank: null, total: 10 },
        after: { status: 'reserve', rank: 4, total: 10 },
        causes: [{ criterion: 'shortlist_threshold', before: 20, after: 10 }],
      },
    ]);
  });

  it('names the criteria that moved a candidate, and those moved only by others', () => {
    const diff = compareWith(['SEL-4.filter.min_value=120000']);
    expect(diff.criteria).toEqual({ added: [], removed: [], changed: ['SEL-4'] });
    const byId = Object.fromEntries(diff.changes.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['c02-good', 'c03-reserve', 'c07-small-refs']);
    expect(byId['c07-small-refs']?.after).toEqual({ status: 'shortlisted', rank: 2, total: 40 });
    expect(byId['c07-small-refs']?.causes).toEqual([
      { criterion: 'SEL-4', before: 'fail', after: 'pass' },
      { criterion: 'SEL-4.count', before: 1, after: 2 },
    ]);
    expect(byId['c02-good']).toMatchObject({ after: { status: 'reserve', rank: 3 }, causes: [] });
    const text = renderShortlistDiff(diff, 'what if');
    expect(text).toContain('shortlisted → reserve');
    expect(text).toContain('because: SEL-4 fail → pass');
    expect(text).toContain('moved by the other candidates');
  });

  it('blames the cut when it moves', () => {
    const diff = compareWith(['shortlist.max=3']);
    expect(diff.filled).toEqual({ before: 2, after: 3 });
    expect(diff.changes).toEqual([
      expect.objectContaining({
        id: 'c03-reserve',
        causes: [{ criterion: 'shortlist.max', before: 2, after: 3 }],
      }),
    ]);
  });

  it('shows a score change as points', () => {
    const diff = compareWith(['EXP-1.points_each=5']);
    const strong = diff.changes.find((c) => c.id === 'c01-strong');
    expect(strong?.causes).toEqual([{ criterion: 'EXP-1', before: 40, after: 20 }]);
    expect(renderShortlistDiff(diff, 'h')).toContain('40.00 → 20.00');
  });
});
