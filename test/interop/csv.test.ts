import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/core/csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers lines', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\n';
    const parsed = parseCsv(text);
    expect(parsed.rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['last', '', ''],
    ]);
    expect(parsed.lines).toEqual([1, 2, 5]);
    expect(parsed.errors).toEqual([]);
  });

  it('accepts LF and lone CR line ends and a missing final newline', () => {
    expect(parseCsv('a,b\nc,d').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a\rb\r').rows).toEqual([['a'], ['b']]);
  });

  it('keeps a record made of one quoted empty field but skips blank lines', () => {
    const parsed = parseCsv('""\n\nx\n');
    expect(parsed.rows).toEqual([[''], ['x']]);
    expect(parsed.lines).toEqual([1, 3]);
  });

  it('reports malformed quoting with its line', () => {
    expect(parseCsv('ok\n"open\nstill open').errors).toEqual([
      { line: 2, message: 'a quoted field is never closed' },
    ]);
    expect(parseCsv('a\nab"c\n').errors[0]?.line).toBe(2);
    expect(parseCsv('"ab"c\n').errors[0]?.message).toMatch(/after the closing quote/);
  });

  it('round-trips any table through formatCsv', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', '1', '\uFEFF') });
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
    fc.assert(
      fc.property(table, (rows) => {
        const parsed = parseCsv(formatCsv(rows));
        expect(parsed.errors).toEqual([]);
        expect(parsed.rows).toEqual(rows);
      }),
    );
  });

  it('gives each record the line it starts on', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '\n', ',') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const text = formatCsv(rows);
        const parsed = parseCsv(text);
        let line = 1;
        rows.forEach((row, i) => {
          expect(parsed.lines[i]).toBe(line);
          line += row.join(',').split(/\r\n|\r|\n/).length;
        });
      }),
    );
  });
});
