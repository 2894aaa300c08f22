import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { duplicateJsonKey } from '../../src/dossier/parse-document.js';
import { parseDossierText } from '../../src/dossier/parse-dossier-text.js';
import { specTender } from './helpers.js';

const tender = specTender();
const MINIMAL = 'candidate: { name: ACME, country: SN }\nsubmitted_at: 2025-11-27T10:15:00Z\n';
const parse = (input: string | Buffer, file = 'dossiers/x.yaml', maxBytes?: number) =>
  parseDossierText(input, file, tender, maxBytes === undefined ? {} : { maxBytes });
const messages = (input: string | Buffer, file?: string, maxBytes?: number) =>
  parse(input, file, maxBytes).errors.map((issue) => issue.message);

describe('parseDossierText on hostile input', () => {
  it('accepts a UTF-8 BOM and CRLF line ends, and counts lines right', () => {
    const text = `${MINIMAL}staff: { total: x }\n`.replace(/\n/g, '\r\n');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(parse(withBom).errors).toEqual([
      {
        file: 'dossiers/x.yaml',
        path: 'staff.total',
        line: 3,
        column: 10,
        message: 'expected a number, got the text "x"',
      },
    ]);
    const valid = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(MINIMAL.replace(/\n/g, '\r\n')),
    ]);
    expect(parse(valid).dossier?.candidate.name).toBe('ACME');
    expect(
      parse(
        `\uFEFF${JSON.stringify({ candidate: { name: 'A', country: 'SN' }, submitted_at: '2025-11-27T10:15:00Z' })}`,
        'x.json',
      ).errors,
    ).toEqual([]);
  });

  it('stops an alias bomb', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 10; level += 1) {
      const previous = `*a${level - 1}`;
      lines.push(`a${level}: &a${level} [${Array(10).fill(previous).join(', ')}]`);
    }
    const started = performance.now();
    expect(messages(`${MINIMAL}${lines.join('\n')}\n`)).toEqual([
      'aliases expand to too many nodes (more than 100000)',
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a JSON dossier with a key twice, as YAML does', () => {
    const text = JSON.stringify({
      candidate: { name: 'A', country: 'SN' },
      submitted_at: '2025-11-27T10:15:00Z',
    }).replace('{"candidate"', '{\n"submitted_at": "2025-11-30T10:00:00Z",\n"candidate"');
    expect(parse(text, 'x.json').errors).toEqual([
      {
        file: 'x.json',
        path: '',
        message: 'JSON error: duplicated key "submitted_at"',
        line: 3,
        column: expect.any(Number),
      },
    ]);
  });

  it.each([
    ['{"a":1,"a":2}', { key: 'a', offset: 7 }],
    ['{"x":{"y":1,"y":2}}', { key: 'y', offset: 12 }],
    ['{"a\\u0062":1,"ab":2}', { key: 'ab', offset: 13 }],
    ['[{"a":1},{"a":2}]', null],
    ['{"a":"a","b":"a"}', null],
    ['{"a\\"":1,"b":[{"a\\"":2}],"c":{}}', null],
    ['{"x":[1,{"y":1}],"y":2}', null],
  ])('finds the duplicated key of %s', (text, expected) => {
    expect(duplicateJsonKey(text)).toEqual(expected);
  });

  it('finds no duplicated key in what JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(duplicateJsonKey(JSON.stringify(value, null, 1) ?? 'null')).toBeNull();
      }),
    );
  });

  it('stops a self-referencing alias', () => {
    expect(messages(`${MINIMAL}loop: &l [*l]\n`)).toEqual([
      expect.stringMatching(/nesting is deeper than 64 levels/),
    ]);
  });

  it('refuses deep nesting in YAML and JSON', () => {
    const deepYaml = `${MINIMAL}deep: ${'['.repeat(200)}${']'.repeat(200)}\n`;
    expect(messages(deepYaml)).toEqual(['nesting is deeper than 64 levels']);
    const deepJson = `{"deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(messages(deepJson, 'x.json')).toEqual(['nesting is deeper than 64 levels']);
  });

  it('refuses a file above the size limit', () => {
    expect(messages(MINIMAL, 'x.yaml', 10)).toEqual([
      `file is ${Buffer.byteLength(MINIMAL)} bytes, above the limit of 10 bytes`,
    ]);
  });

  it('refuses invalid UTF-8 and NUL bytes', () => {
    expect(messages(Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28]))).toEqual([
      'file is not valid UTF-8 text; save it with UTF-8 encoding',
    ]);
    expect(parse(Buffer.from(`${MINIMAL}x: a\0b\n`)).errors).toEqual([
      {
        file: 'dossiers/x.yaml',
        path: '',
        line: 3,
        column: 5,
        message: 'file contains a NUL character; it looks like binary data',
      },
    ]);
  });

  it('refuses a document that is not a mapping', () => {
    expect(messages('- a\n- b\n')).toEqual(['the document must be a mapping of keys to values, not a list']);
    expect(messages('42\n')).toEqual([
      'the document must be a mapping of keys to values, not a single value',
    ]);
    expect(messages('')).toEqual(['file is empty; expected a mapping of keys to values']);
  });

  it('never lets __proto__ reach the result, and keeps constructor/prototype as plain keys', () => {
    const json = `{"candidate": {"name": "A", "country": "SN"}, "submitted_at": "2025-11-27T10:15:00Z",
      "__proto__": {"polluted": true}, "declarations": {"__proto__": {"polluted": true}}}`;
    expect(messages(json, 'x.json')).toEqual([
      'key "__proto__" is not allowed',
      'key "__proto__" is not allowed',
    ]);
    expect(messages(`${MINIMAL}__proto__: { polluted: true }\n`)).toEqual(['key "__proto__" is not allowed']);
    const harmless = parse(
      `${MINIMAL}constructor: 1\ndeclarations: { constructor: true, prototype: false }\n`,
    );
    expect(harmless.errors).toEqual([]);
    expect(harmless.warnings.map((issue) => issue.message)).toEqual(['unknown key "constructor"']);
    expect(Object.hasOwn(harmless.dossier?.declarations ?? {}, 'constructor')).toBe(true);
    expect(harmless.dossier?.declarations).toEqual({ constructor: true, prototype: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(harmless.dossier)).toBe(Object.prototype);
  });

  it('reports non-finite and out-of-range numbers instead of crashing', () => {
    for (const value of ['.inf', '-.inf', '.nan', '-1', '1e308', '1e400']) {
      const result = parse(`${MINIMAL}staff: { total: ${value} }\n`);
      expect(result.dossier, value).toBeNull();
      expect(new Set(result.errors.map((issue) => issue.path))).toEqual(new Set(['staff.total']));
    }
  });

  it('returns a dossier or errors for any value, never throws', () => {
    const json = fc.jsonValue({ maxDepth: 6 });
    const dossierLike = fc.record(
      {
        candidate: fc.oneof(json, fc.record({ name: fc.string(), country: fc.constantFrom('SN', 'sn', '') })),
        submitted_at: fc.oneof(
          json,
          fc.constantFrom('2025-11-27T10:15:00Z', '2025-11-27T10:15:00', '2025-02-30T00:00:00Z'),
        ),
        references: json,
        financials: json,
        documents: json,
        members: json,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(dossierLike, json), fc.boolean(), (value, asJson) => {
        const text = asJson
          ? (JSON.stringify(value) ?? 'null')
          : yaml.dump(value, { schema: yaml.CORE_SCHEMA });
        const result = parseDossierText(text, asJson ? 'x.json' : 'x.yaml', tender);
        expect(result.dossier === null).toBe(result.errors.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, asJson) => {
        const result = parseDossierText(bytes, asJson ? 'x.json' : 'x.yaml', tender);
        expect(result.dossier === null).toBe(result.errors.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
