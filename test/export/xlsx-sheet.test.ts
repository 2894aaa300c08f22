import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fittedWidth,
  instantCell,
  longestLine,
  MAX_WIDTH,
  wrappedLines,
} from '../../src/export/xlsx-sheet.js';

/** How row heights were counted when widths were fitted before any row was written: at the column's width. */
function linesAtWidth(text: string, width: number): number {
  return text
    .split('\n')
    .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / Math.max(1, width - 1))), 0);
}

const line = fc.string({ maxLength: 150, unit: fc.constantFrom('a', 'é', ' ', '—') });
const text = fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'));

describe('wrappedLines', () => {
  it('counts the lines a wrapped text takes at the fitted width of any column holding it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 70 }),
        fc.array(text, { minLength: 1, maxLength: 8 }),
        (header, texts) => {
          const width = fittedWidth(header, Math.max(...texts.map(longestLine)));
          for (const cell of texts) expect(wrappedLines(cell)).toBe(linesAtWidth(cell, width));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('wraps a line longer than the widest column', () => {
    expect(wrappedLines('x'.repeat(MAX_WIDTH - 1))).toBe(1);
    expect(wrappedLines('x'.repeat(MAX_WIDTH))).toBe(2);
    expect(wrappedLines('a\n\nb')).toBe(3);
  });
});

describe('longestLine', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['ab\nabcd\na', 4],
    ['abc\n', 3],
  ])('%j → %i', (value, expected) => {
    expect(longestLine(value)).toBe(expected);
  });
});

describe('instantCell', () => {
  it('takes an instant written with an offset as the moment it names, in UTC; other text as written', () => {
    expect(instantCell('2025-11-28T17:05:30+01:00')).toEqual({
      value: new Date('2025-11-28T16:05:30Z'),
      kind: 'datetime',
    });
    expect(instantCell('not a time')).toBe('not a time');
  });
});
