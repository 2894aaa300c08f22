import { describe, expect, it } from 'vitest';
import { readScoreCsv } from '../../src/committee/read-score-csv.js';

describe('readScoreCsv', () => {
  it('reads RFC 4180 rows with their line numbers', () => {
    const text = 'evaluator,candidate,criterion,points,comment\r\nA,c01,EXP-4,12,"Bien, ""précis"""\r\n';
    const { rows, issues } = readScoreCsv(text, 'scores/a.csv');
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        evaluator: 'A',
        candidate: 'c01',
        criterion: 'EXP-4',
        points: '12',
        comment: 'Bien, "précis"',
        file: 'scores/a.csv',
        line: 2,
      },
    ]);
  });

  it('names a semicolon-separated file once, on line 1, instead of a cascade of errors', () => {
    const text = 'evaluator;candidate;criterion;points;comment\nA;c01;EXP-4;12;"Bien; précis"\n';
    const { rows, issues } = readScoreCsv(text, 'scores/a.csv');
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        file: 'scores/a.csv',
        line: 1,
        path: '',
        message: 'fields are separated by ";" — save the sheet as "CSV UTF-8 (comma delimited)"',
      },
    ]);
  });

  it('refuses a wrong header and a row with a missing field', () => {
    expect(readScoreCsv('who,candidate,criterion,points,comment\n', 'f').issues[0]?.message).toContain(
      'header must be exactly',
    );
    const short = readScoreCsv('evaluator,candidate,criterion,points,comment\nA,c01,EXP-4,12\n', 'f');
    expect(short.issues).toEqual([{ file: 'f', line: 2, path: '', message: 'expected 5 fields, found 4' }]);
  });
});
