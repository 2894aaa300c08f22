import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parseAssignment, parseAssignments } from '../../src/whatif/assignments.js';
import { makeGrid } from './fixture-grid.js';

const grid = makeGrid();

/** The usage error a bad assignment raises, so its message and exit code can be checked. */
function usageError(texts: string[]): UserError {
  try {
    parseAssignments(texts, grid);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`no error for ${texts.join(' ')}`);
}

describe('parseAssignment', () => {
  it.each([
    ['threshold=30', null, ['shortlist_threshold'], 30],
    ['shortlist_threshold=45.5', null, ['shortlist_threshold'], 45.5],
    ['shortlist.max=9', null, ['shortlist', 'max'], 9],
    ['shortlist.min=3', null, ['shortlist', 'min'], 3],
    ['SEL-1.average_at_least=150000', 'SEL-1', ['rule', 'average_at_least'], 150000],
    ['SEL-1.years=2', 'SEL-1', ['rule', 'years'], 2],
    ['SEL-4.filter.min_value=1.5e5', 'SEL-4', ['rule', 'filter', 'min_value'], 150000],
    ['SEL-4.filter.within_years=7', 'SEL-4', ['rule', 'filter', 'within_years'], 7],
    ['SEL-4.filter.include_ongoing=true', 'SEL-4', ['rule', 'filter', 'include_ongoing'], true],
    ['SEL-4.applies_to=each_member', 'SEL-4', ['rule', 'applies_to'], 'each_member'],
    ['EXP-1.points_each=5', 'EXP-1', ['rule', 'points_each'], 5],
    ['EXP-1.max=30', 'EXP-1', ['max'], 30],
    [' SEL-4.at_least = 1 ', 'SEL-4', ['rule', 'at_least'], 1],
  ])('reads %s', (text, criterion, path, value) => {
    const assignment = parseAssignment(text, grid);
    expect(assignment).toMatchObject({ criterion, path, value });
  });

  it.each([
    ['SEL-1.average_at_least', 'expected CRITERION.param=value'],
    ['=5', 'expected CRITERION.param=value'],
    ['SEL-1.average_at_least=', 'expected CRITERION.param=value'],
    ['SEL-1=5', 'expected CRITERION.param=value'],
    ['SEL-1.=5', 'expected CRITERION.param=value'],
    ['SEL-9.at_least=1', 'unknown criterion "SEL-9" (did you mean "SEL-1"?)'],
    ['SEL-1.at_least=1', '"at_least" is not a parameter of SEL-1 (gate, rule turnover)'],
    ['ADM-1.at_least=1', 'it has no parameter a what-if can change'],
    ['SEL-1.max=10', '"max" is not a parameter of SEL-1'],
    ['SEL-4.filter.min_value=abc', 'SEL-4.filter.min_value needs a number, got "abc"'],
    ['SEL-4.filter.min_value=0x10', 'needs a number'],
    ['threshold=Infinity', 'needs a number'],
    ['shortlist.max=eight', 'needs a number'],
    ['SEL-4.applies_to=everyone', 'must be one of pooled, each_member'],
    ['SEL-4.filter.include_ongoing=yes', 'needs true or false'],
  ])('refuses %s with a usage error', (text, message) => {
    const error = usageError([text]);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(message);
  });

  it('reads back any finite number written in decimal notation', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const { value } = parseAssignment(`SEL-1.average_at_least=${String(n)}`, grid);
        expect(value).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('refuses any text without "="', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('=')),
        (text) => {
          expect(() => parseAssignment(text, grid)).toThrow(UserError);
        },
      ),
    );
  });
});

describe('parseAssignments', () => {
  it('keeps every assignment in order', () => {
    const keys = parseAssignments(['threshold=30', 'SEL-1.average_at_least=1'], grid).map((a) => a.key);
    expect(keys).toEqual(['shortlist_threshold', 'SEL-1.average_at_least']);
  });

  it('refuses the same parameter set twice, even under its two names', () => {
    const error = usageError(['threshold=30', 'shortlist_threshold=35']);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('already set by "threshold=30"');
  });

  it('needs at least one assignment', () => {
    expect(usageError([]).exitCode).toBe(2);
  });
});
