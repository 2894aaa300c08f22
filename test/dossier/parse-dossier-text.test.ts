import { describe, expect, it } from 'vitest';
import { parseDossierText } from '../../src/dossier/parse-dossier-text.js';
import { positionOfToken, specTender } from './helpers.js';
import { DOSSIER_YAML } from './spec-examples.js';

const tender = specTender();
const FILE = 'dossiers/c01/dossier.yaml';
const MINIMAL = 'candidate: { name: ACME, country: SN }\nsubmitted_at: 2025-11-27T10:15:00Z\n';

const parse = (text: string | Buffer, file = FILE) => parseDossierText(text, file, tender);

describe('parseDossierText', () => {
  it('reads the SPEC §4 example with defaults applied', () => {
    const { dossier, errors, warnings } = parse(DOSSIER_YAML);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(dossier?.candidate).toEqual({
      name: 'Institut Droits & Sécurité SARL',
      country: 'SN',
      legal_form: 'SARL',
    });
    expect(dossier?.members[0]).toEqual({
      name: 'Human Rights Academy GmbH',
      country: 'DE',
      role: 'member',
      declarations: {},
      references: [],
      experts: [],
    });
    expect(dossier?.financials?.turnover).toEqual({
      '2022': 310000000,
      '2023': 335000000,
      '2024': 402000000,
    });
    expect(dossier?.references[0]?.share).toBe(0.6);
    expect(dossier?.references[0]?.end).toBe('2022-12-31');
    expect(dossier?.experts[0]).toEqual({
      name: 'A. Diallo',
      role: 'Team leader',
      years: 15,
      domains: ['human_rights', 'police'],
    });
    expect(dossier?.documents.registration_certificate).toBe('rccm.pdf');
  });

  it('defaults every optional list and share', () => {
    const { dossier } = parse(`${MINIMAL}references:\n  - { title: T, value: 10, currency: EUR }\n`);
    expect(dossier).toEqual({
      candidate: { name: 'ACME', country: 'SN' },
      submitted_at: '2025-11-27T10:15:00Z',
      members: [],
      declarations: {},
      references: [{ title: 'T', value: 10, currency: 'EUR', share: 1, countries: [], tags: [] }],
      experts: [],
      documents: {},
    });
  });

  it('treats a key left empty as absent', () => {
    const { dossier, errors } = parse(
      `${MINIMAL}references:\n  - title: T\n    value: 1\n    currency: EUR\n    end:\n`,
    );
    expect(errors).toEqual([]);
    expect(dossier?.references[0]).not.toHaveProperty('end');
    expect(
      parse('candidate:\nsubmitted_at: 2025-11-27T10:15:00Z\n').errors.map((issue) => issue.message),
    ).toEqual(['required field "candidate" is missing']);
  });

  it('reads the same dossier written as JSON', () => {
    const json = JSON.stringify({
      candidate: { name: 'ACME', country: 'SN' },
      submitted_at: '2025-11-27T10:15:00+01:00',
    });
    expect(parse(json, 'dossiers/c01.json').dossier?.submitted_at).toBe('2025-11-27T10:15:00+01:00');
  });

  const cases: {
    name: string;
    text: string;
    issue: { path: string; message: string };
    at: [number, string];
  }[] = [
    {
      name: 'date-time without offset',
      text: MINIMAL.replace('10:15:00Z', '10:15:00'),
      issue: {
        path: 'submitted_at',
        message: 'date-time has no UTC offset; write e.g. 2025-11-27T10:15:00Z',
      },
      at: [2, 'submitted_at'],
    },
    {
      name: 'impossible calendar date',
      text: `${MINIMAL}references:\n  - { title: T, value: 1, currency: EUR, end: 2025-02-30 }\n`,
      issue: {
        path: 'references.0.end',
        message: '"2025-02-30" is not a real calendar date; write YYYY-MM-DD, e.g. 2025-11-28',
      },
      at: [4, 'end:'],
    },
    {
      name: 'year zero',
      text: `${MINIMAL}references:\n  - { title: T, value: 1, currency: EUR, start: 0000-01-01 }\n`,
      issue: {
        path: 'references.0.start',
        message: '"0000-01-01" is not a real calendar date; write YYYY-MM-DD, e.g. 2025-11-28',
      },
      at: [4, 'start:'],
    },
    {
      name: 'negative amount',
      text: `${MINIMAL}references:\n  - { title: T, value: -5, currency: EUR }\n`,
      issue: { path: 'references.0.value', message: 'must be 0 or more, got the number -5' },
      at: [4, 'value:'],
    },
    {
      name: 'NaN amount',
      text: `${MINIMAL}references:\n  - { title: T, value: .nan, currency: EUR }\n`,
      issue: { path: 'references.0.value', message: 'expected a finite number, got NaN (not a number)' },
      at: [4, 'value:'],
    },
    {
      name: 'huge amount',
      text: `${MINIMAL}references:\n  - { title: T, value: 1e308, currency: EUR }\n`,
      issue: {
        path: 'references.0.value',
        message: 'must be 1000000000000000 or less, got the number 1e+308',
      },
      at: [4, 'value:'],
    },
    {
      name: 'text where a number is expected',
      text: `${MINIMAL}staff: { total: abc }\n`,
      issue: { path: 'staff.total', message: 'expected a number, got the text "abc"' },
      at: [3, 'total:'],
    },
    {
      name: 'currency without exchange rate',
      text: `${MINIMAL}financials: { currency: GBP }\n`,
      issue: { path: 'financials.currency', message: 'currency GBP has no exchange rate in tender.yaml' },
      at: [3, 'currency:'],
    },
    {
      name: "a member's reference in an unknown currency",
      text: `${MINIMAL}members:\n  - name: P\n    country: DE\n    references: [{ title: T, value: 1, currency: CHF }]\n`,
      issue: {
        path: 'members.0.references.0.currency',
        message: 'currency CHF has no exchange rate in tender.yaml',
      },
      at: [6, 'currency:'],
    },
    {
      name: 'missing required field',
      text: 'candidate: { name: ACME }\nsubmitted_at: 2025-11-27T10:15:00Z\n',
      issue: { path: 'candidate.country', message: 'required field "country" is missing' },
      at: [1, 'candidate'],
    },
    {
      name: 'share above 1',
      text: `${MINIMAL}references:\n  - { title: T, value: 1, currency: EUR, share: 60 }\n`,
      issue: { path: 'references.0.share', message: 'must be 1 or less, got the number 60' },
      at: [4, 'share:'],
    },
    {
      name: 'end before start',
      text: `${MINIMAL}references:\n  - { title: T, value: 1, currency: EUR, start: 2022-01-01, end: 2021-01-01 }\n`,
      issue: { path: 'references.0.end', message: 'end 2021-01-01 is before start 2022-01-01' },
      at: [4, 'end:'],
    },
    {
      name: 'YAML syntax error',
      text: `${MINIMAL}references: [\n  { title: T\n`,
      issue: {
        path: '',
        message: 'YAML syntax error: unexpected end of the stream within a flow collection',
      },
      at: [5, ''],
    },
    {
      name: '__proto__ key',
      text: `${MINIMAL}declarations:\n  __proto__: { polluted: true }\n`,
      issue: { path: 'declarations.__proto__', message: 'key "__proto__" is not allowed' },
      at: [4, '__proto__'],
    },
  ];

  it.each(cases)('reports $name', ({ text, issue, at }) => {
    const result = parse(text);
    expect(result.dossier).toBeNull();
    expect(result.errors).toContainEqual({ file: FILE, ...issue, ...positionOfToken(text, ...at) });
  });

  it('reports a JSON syntax error with its line and column', () => {
    const { errors } = parse('{\n  "candidate": {,\n}', 'dossiers/c01.json');
    expect(errors).toEqual([
      {
        file: 'dossiers/c01.json',
        path: '',
        line: 2,
        column: 17,
        message: expect.stringMatching(/^JSON syntax error: /),
      },
    ]);
  });

  it('keeps unknown keys and reports each as a warning', () => {
    const text = `${MINIMAL}stafff: { total: 3 }\nreferences:\n  - { title: T, value: 1, currency: EUR, clinet: X }\n`;
    const { dossier, errors, warnings } = parse(text);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        file: FILE,
        path: 'stafff',
        message: 'unknown key "stafff" (did you mean "staff"?)',
        ...positionOfToken(text, 3, 'stafff'),
      },
      {
        file: FILE,
        path: 'references.0.clinet',
        message: 'unknown key "clinet" (did you mean "client"?)',
        ...positionOfToken(text, 5, 'clinet'),
      },
    ]);
    expect((dossier as unknown as Record<string, unknown>).stafff).toEqual({ total: 3 });
    expect(dossier?.references[0]).toMatchObject({ clinet: 'X', share: 1 });
  });

  it('reports unknown keys as warnings next to errors', () => {
    const { dossier, errors, warnings } = parse(`${MINIMAL}extra: 1\nstaff: { total: -1 }\n`);
    expect(dossier).toBeNull();
    expect(errors.map((issue) => issue.path)).toEqual(['staff.total']);
    expect(warnings.map((issue) => issue.path)).toEqual(['extra']);
  });

  it('keeps the candidate name of a dossier that parses but is invalid, and only a usable one', () => {
    const named = parse(`${MINIMAL}staff: { total: -1 }\n`);
    expect(named.dossier).toBeNull();
    expect(named.candidateName).toBe('ACME');
    // Invalid for a missing field, a currency without a rate, or in the candidate mapping itself.
    expect(parse('candidate: { name: ACME }\n').candidateName).toBe('ACME');
    const unrated = `${MINIMAL}financials: { currency: GBP }\n`;
    expect(parse(unrated).candidateName).toBe('ACME');
    // Hostile text is kept as written: each export makes it safe, as for a valid dossier.
    expect(parse('candidate: { name: "=HYPERLINK(\\"x\\")\\u001b[31m" }\n').candidateName).toBe(
      '=HYPERLINK("x")\u001b[31m',
    );
    for (const candidate of ['{ name: 42 }', '{ name: "  " }', '{ name: [A] }', 'ACME', '[ACME]', '{}']) {
      expect(parse(`candidate: ${candidate}\n`).candidateName, candidate).toBeUndefined();
    }
    expect(parse('candidate: { name: ACME\n').candidateName).toBeUndefined();
    expect(parse(MINIMAL).candidateName).toBeUndefined();
  });
});
