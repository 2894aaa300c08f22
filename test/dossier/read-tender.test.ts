import { describe, expect, it } from 'vitest';
import { readTender } from '../../src/dossier/read-tender.js';
import { InputError } from '../../src/errors.js';
import { issuesOf, makeWorkspace } from './helpers.js';
import { TENDER_YAML } from './spec-examples.js';

const VALID = `reference: R1
title: { en: Mission }
contracting_authority: POC II
currency: EUR
submission:
  opens: 2025-11-13T00:00:00Z
  closes: 2025-11-28T16:00:00+01:00
shortlist: { min: 4, max: 8 }
languages: [fr]
`;

/** Replaces the line starting with `prefix` (after indentation) by `line`. */
function withLine(prefix: string, line: string, text = VALID): string {
  return text
    .split('\n')
    .map((current) => (current.trimStart().startsWith(prefix) ? line : current))
    .join('\n');
}

describe('readTender', () => {
  it('reads the SPEC §2 example', () => {
    const workspace = makeWorkspace({ 'tender.yaml': TENDER_YAML });
    const { tender, hash } = readTender(workspace);
    expect(tender.reference).toBe('POC2-S29');
    expect(tender.exchange_rates).toEqual({ XOF: 655.957, USD: 1.0823 });
    expect(tender.submission.closes).toBe('2025-11-28T16:00:00Z');
    expect(tender.country_groups.ECOWAS).toContain('SN');
    expect(tender.committee[1]).toEqual({
      name: 'Jean Dupont',
      role: 'evaluator',
      declaration_signed: '2025-12-01',
    });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies defaults and fills a missing title language', () => {
    const { tender } = readTender(makeWorkspace({ 'tender.yaml': VALID }));
    expect(tender.title).toEqual({ fr: 'Mission', en: 'Mission' });
    expect(tender.exchange_rates).toEqual({});
    expect(tender.country_groups).toEqual({});
    expect(tender.committee).toEqual([]);
    expect(tender.sanctions).toBeUndefined();
  });

  it('throws an InputError naming the missing file', () => {
    const error = (() => {
      try {
        readTender(makeWorkspace());
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({
      file: 'tender.yaml',
      message: expect.stringContaining('file not found'),
    });
  });

  const cases: {
    name: string;
    text: string;
    issue: { path: string; line: number; column: number; message: string };
  }[] = [
    {
      name: 'unknown key, with a suggestion',
      text: `${VALID}langauges: [en]\n`,
      issue: {
        path: 'langauges',
        line: 10,
        column: 1,
        message: 'unknown key "langauges" (did you mean "languages"?)',
      },
    },
    {
      name: 'min above max',
      text: withLine('shortlist:', 'shortlist: { min: 9, max: 8 }'),
      issue: { path: 'shortlist.min', line: 8, column: 14, message: 'min (9) must not be above max (8)' },
    },
    {
      name: 'closes before opens',
      text: withLine('closes:', '  closes: 2025-11-01T00:00:00Z'),
      issue: {
        path: 'submission.closes',
        line: 7,
        column: 3,
        message: 'closes (2025-11-01T00:00:00Z) must be after opens (2025-11-13T00:00:00Z)',
      },
    },
    {
      name: 'missing field',
      text: withLine('contracting_authority:', ''),
      issue: {
        path: 'contracting_authority',
        line: 1,
        column: 1,
        message: 'required field "contracting_authority" is missing',
      },
    },
    {
      name: 'wrong type',
      text: withLine('shortlist:', 'shortlist: { min: four, max: 8 }'),
      issue: {
        path: 'shortlist.min',
        line: 8,
        column: 14,
        message: 'expected a number, got the text "four"',
      },
    },
    {
      name: 'date-time without offset',
      text: withLine('opens:', '  opens: 2025-11-13T00:00:00'),
      issue: {
        path: 'submission.opens',
        line: 6,
        column: 3,
        message: 'date-time has no UTC offset; write e.g. 2025-11-27T10:15:00Z',
      },
    },
    {
      name: 'min below 1',
      text: withLine('shortlist:', 'shortlist: { min: 0, max: 8 }'),
      issue: { path: 'shortlist.min', line: 8, column: 14, message: 'must be 1 or more, got the number 0' },
    },
    {
      name: 'negative exchange rate',
      text: `${VALID}exchange_rates: { XOF: -1 }\n`,
      issue: {
        path: 'exchange_rates.XOF',
        line: 10,
        column: 19,
        message: 'must be 0.000001 or more, got the number -1',
      },
    },
    {
      // Amounts are divided by their rate: at 1e-300 a turnover became Infinity and passed its gate.
      name: 'vanishing exchange rate',
      text: `${VALID}exchange_rates: { XOF: 1.0e-300 }\n`,
      issue: {
        path: 'exchange_rates.XOF',
        line: 10,
        column: 19,
        message: 'must be 0.000001 or more, got the number 1e-300',
      },
    },
    {
      name: 'infinite exchange rate',
      text: `${VALID}exchange_rates: { XOF: .inf }\n`,
      issue: {
        path: 'exchange_rates.XOF',
        line: 10,
        column: 19,
        message: 'expected a finite number, got an infinite number',
      },
    },
    {
      name: 'tender currency with a rate',
      text: `${VALID}exchange_rates: { EUR: 2 }\n`,
      issue: {
        path: 'exchange_rates.EUR',
        line: 10,
        column: 19,
        message: 'EUR is the tender currency; its rate can only be 1 (better: remove it)',
      },
    },
    {
      name: 'language outside fr/en',
      text: withLine('languages:', 'languages: [de]'),
      issue: {
        path: 'languages.0',
        line: 9,
        column: 13,
        message: 'expected one of "fr", "en", got the text "de"',
      },
    },
    {
      name: 'empty language list',
      text: withLine('languages:', 'languages: []'),
      issue: { path: 'languages', line: 9, column: 1, message: 'must list at least one item' },
    },
    {
      name: 'lower-case country in a group',
      text: `${VALID}country_groups: { ECOWAS: [SN, ml] }\n`,
      issue: {
        path: 'country_groups.ECOWAS.1',
        line: 10,
        column: 32,
        message: '"ml" is not a country code; write two capital letters, e.g. SN',
      },
    },
    {
      name: 'committee name twice',
      text: `${VALID}committee:\n  - { name: Awa, role: chair }\n  - { name: Awa, role: evaluator }\n`,
      issue: {
        path: 'committee.1.name',
        line: 12,
        column: 7,
        message: 'committee member "Awa" is listed twice',
      },
    },
    {
      // Two spellings would register two voters, the second one holding every manual score pending.
      name: 'committee name spelt twice',
      text: `${VALID}committee:\n  - { name: Hélène Marchand, role: evaluator }\n  - { name: helene  MARCHAND, role: evaluator }\n`,
      issue: {
        path: 'committee.1.name',
        line: 12,
        column: 7,
        message:
          'committee member "helene  MARCHAND" is "Hélène Marchand" spelt differently: names may not differ only in case, accents, spacing or punctuation',
      },
    },
    {
      name: 'currency code in lower case',
      text: withLine('currency:', 'currency: eur'),
      issue: {
        path: 'currency',
        line: 4,
        column: 1,
        message: '"eur" is not a currency code; write three capital letters, e.g. EUR',
      },
    },
  ];

  it.each(cases)('reports $name with its line and column', ({ text, issue }) => {
    const issues = issuesOf(() => readTender(makeWorkspace({ 'tender.yaml': text })));
    expect(issues).toContainEqual({ file: 'tender.yaml', ...issue });
  });

  it('reports every problem at once', () => {
    const text = withLine('shortlist:', 'shortlist: { min: 9, max: 8 }', `${VALID}typo: 1\n`);
    const issues = issuesOf(() => readTender(makeWorkspace({ 'tender.yaml': text })));
    expect(issues.map((issue) => issue.path)).toEqual(['shortlist.min', 'typo']);
  });

  it('reports a YAML syntax error with the parser position', () => {
    const issues = issuesOf(() => readTender(makeWorkspace({ 'tender.yaml': 'reference: [R1\ntitle: x\n' })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: 'tender.yaml',
      line: expect.any(Number),
      message: expect.stringMatching(/^YAML syntax error/),
    });
  });
});
