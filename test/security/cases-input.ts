/** Hostile cases about the bytes and the structure of a dossier file. */
import { baseDossier, baseDossierYaml, toYaml } from './harness.js';
import { type HostileCase, seededBytes, writeBare, writeFolder } from './hostile-case.js';

const BASE = 'b00-base';
const BASE_FOLDER = 'b01-base-folder';

/** Two honest candidates the other cases are compared with. */
export const CONTROL_CASES: HostileCase[] = [
  {
    id: BASE,
    group: 'control',
    input: 'honest bare dossier file (no attachments)',
    build: (w) => writeBare(w, BASE, baseDossierYaml('Base Conseil SARL')),
    expect: { kind: 'evaluated', status: 'rejected', failed: ['ADM-2'] },
  },
  {
    id: BASE_FOLDER,
    group: 'control',
    input: 'honest dossier folder with its three attachments',
    build: (w) => writeFolder(w, BASE_FOLDER, baseDossier('Base Dossier SA')),
    expect: { kind: 'evaluated', status: 'shortlisted', failed: [] },
  },
];

function aliasBomb(): string {
  const lines = ['lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 10; level += 1) {
    lines.push(
      `lol${level}: &a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  }
  return `${baseDossierYaml('Alias Bomb')}${lines.join('\n')}\n`;
}

const DEPTH = 10_000;

export const ENCODING_CASES: HostileCase[] = [
  {
    id: 'h01-alias-bomb',
    group: 'size and encoding',
    input: 'YAML "billion laughs": 10 levels of 10 aliases (10^10 nodes once expanded)',
    build: (w) => writeBare(w, 'h01-alias-bomb', aliasBomb()),
    expect: { kind: 'invalid', message: /aliases expand to too many nodes/ },
  },
  {
    id: 'h02-deep-yaml',
    group: 'size and encoding',
    input: `YAML nesting ${DEPTH.toLocaleString('en')} levels deep (flow mappings and sequences)`,
    build: (w) =>
      writeBare(
        w,
        'h02-deep-yaml',
        `${baseDossierYaml('Deep')}deep: ${'{a: ['.repeat(DEPTH / 2)}1${']}'.repeat(DEPTH / 2)}\n`,
      ),
    expect: { kind: 'invalid', message: /nesting is deeper than 64 levels/ },
  },
  {
    id: 'h03-deep-json',
    group: 'size and encoding',
    input: `JSON nesting ${DEPTH.toLocaleString('en')} levels deep`,
    build: (w) => {
      const base = JSON.stringify(baseDossier('Deep JSON')).slice(0, -1);
      writeBare(
        w,
        'h03-deep-json',
        `${base},"deep":${'{"a":['.repeat(DEPTH / 2)}1${']}'.repeat(DEPTH / 2)}}`,
        'json',
      );
    },
    expect: { kind: 'invalid', message: /nesting is deeper than 64 levels/ },
  },
  {
    id: 'h04-50-mb',
    group: 'size and encoding',
    input: 'a 50 MB dossier.yaml (valid YAML padded with comment lines)',
    build: (w) => {
      const line = `# ${'x'.repeat(1021)}\n`;
      writeBare(w, 'h04-50-mb', baseDossierYaml('Huge') + line.repeat(50 * 1024));
    },
    expect: { kind: 'invalid', message: /above the limit of 5242880 bytes/ },
  },
  {
    id: 'h05-binary',
    group: 'size and encoding',
    input: 'binary data: a PNG signature then 64 KB of seeded random bytes, named .yaml',
    build: (w) => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      writeBare(w, 'h05-binary', Buffer.concat([png, seededBytes(5, 65_536)]));
    },
    expect: { kind: 'invalid', message: /not valid UTF-8|NUL character/ },
  },
  {
    id: 'h06-invalid-utf8',
    group: 'size and encoding',
    input: 'a Latin-1 byte (0xE9) in the candidate name: invalid UTF-8',
    build: (w) => {
      const text = Buffer.from(baseDossierYaml('Soci@t@ G@n@rale'));
      writeBare(w, 'h06-invalid-utf8', Buffer.from(text.map((byte) => (byte === 0x40 ? 0xe9 : byte))));
    },
    expect: { kind: 'invalid', message: /not valid UTF-8/ },
  },
  {
    id: 'h07-nul-bytes',
    group: 'size and encoding',
    input: 'a NUL byte inside a value',
    build: (w) => writeBare(w, 'h07-nul-bytes', baseDossierYaml('Nul\u0000Byte').replace('\\0', '\0')),
    expect: { kind: 'invalid', message: /NUL character/ },
  },
  {
    id: 'h08-bom',
    group: 'size and encoding',
    input: 'UTF-8 byte-order mark before an honest dossier',
    build: (w) => writeBare(w, 'h08-bom', `\uFEFF${baseDossierYaml('Bom SARL')}`),
    expect: { kind: 'evaluated', like: BASE },
  },
  {
    id: 'h09-crlf',
    group: 'size and encoding',
    input: 'CRLF line ends throughout an honest dossier',
    build: (w) => writeBare(w, 'h09-crlf', baseDossierYaml('Crlf SARL').replace(/\n/g, '\r\n')),
    expect: { kind: 'evaluated', like: BASE },
  },
  {
    id: 'h10-raw-escape-byte',
    group: 'size and encoding',
    input: 'a raw ESC byte (0x1B) in a YAML value (not an escape sequence)',
    build: (w) =>
      writeBare(w, 'h10-raw-escape-byte', baseDossierYaml('Raw Esc').replace('Raw Esc', 'Raw\u001b[31mEsc')),
    expect: { kind: 'invalid', message: /non-printable|YAML syntax error/ },
  },
  {
    id: 'h11-utf16',
    group: 'size and encoding',
    input: 'an honest dossier saved as UTF-16LE with its BOM',
    build: (w) => {
      const text = Buffer.from(`\uFEFF${baseDossierYaml('Utf Sixteen')}`, 'utf16le');
      writeBare(w, 'h11-utf16', text);
    },
    expect: { kind: 'invalid', message: /not valid UTF-8|NUL character/ },
  },
  {
    id: 'h12-empty',
    group: 'size and encoding',
    input: 'an empty dossier.yaml',
    build: (w) => writeBare(w, 'h12-empty', ''),
    expect: { kind: 'invalid', message: /file is empty/ },
  },
  {
    id: 'h13-alias-text-bomb',
    group: 'size and encoding',
    input: 'a 100,000-character member aliased 6,000 times (a 600 MB dossier once expanded, 600 KB of file)',
    build: (w) =>
      writeBare(
        w,
        'h13-alias-text-bomb',
        `${baseDossierYaml('Alias Text')}members:\n  - &m { name: "${'x'.repeat(100_000)}", country: SN }\n${'  - *m\n'.repeat(5_999)}`,
      ),
    expect: { kind: 'invalid', message: /aliases expand to too much text \(more than 10485760 characters\)/ },
  },
];

export const STRUCTURE_CASES: HostileCase[] = [
  {
    id: 'h19-thousands-of-members',
    group: 'structure',
    input: '30,000 consortium members of 135 characters each (4.2 MB, within the file size limit, no alias)',
    build: (w) =>
      writeBare(
        w,
        'h19-thousands-of-members',
        `${baseDossierYaml('Many Members')}members:\n${Array.from(
          { length: 30_000 },
          (_, i) => `  - { name: "${String(i).padStart(5, '0')}${'M'.repeat(130)}", country: SN }\n`,
        ).join('')}`,
      ),
    expect: { kind: 'invalid', message: /members: must list at most 30 items/ },
  },
  {
    id: 'h20-proto-yaml',
    group: 'structure',
    input: '`__proto__: { polluted: true }` at the top and inside `declarations` (YAML)',
    build: (w) =>
      writeBare(
        w,
        'h20-proto-yaml',
        `${baseDossierYaml('Proto Yaml')}__proto__: { polluted: true }\n`.replace(
          'declarations:\n',
          'declarations:\n  __proto__: { polluted: true }\n',
        ),
      ),
    expect: { kind: 'invalid', message: /key "__proto__" is not allowed/ },
  },
  {
    id: 'h21-proto-json',
    group: 'structure',
    input: '`"__proto__": {"polluted": true}` in a JSON dossier, top level and in a reference',
    build: (w) => {
      const text = JSON.stringify(baseDossier('Proto Json'))
        .replace(/^\{/, '{"__proto__":{"polluted":true},')
        .replace('"title":', '"__proto__":{"isAdmin":true},"title":');
      writeBare(w, 'h21-proto-json', text, 'json');
    },
    expect: { kind: 'invalid', message: /key "__proto__" is not allowed/ },
  },
  {
    id: 'h22-constructor-prototype',
    group: 'structure',
    input: '`constructor: { prototype: { polluted: true } }` and `constructor`/`prototype` declarations',
    build: (w) => {
      const value = { ...baseDossier('Constructor SARL'), constructor: { prototype: { polluted: true } } };
      const declarations = {
        no_exclusion_situation: true,
        no_conflict_of_interest: true,
        constructor: true,
        prototype: true,
      };
      writeBare(w, 'h22-constructor-prototype', toYaml({ ...value, declarations }));
    },
    expect: {
      kind: 'evaluated',
      like: BASE,
      check: (c) =>
        c.warnings?.some((issue) => issue.message === 'unknown key "constructor"')
          ? undefined
          : 'no warning about the unknown key "constructor"',
    },
  },
  {
    id: 'h23-yaml-js-tags',
    group: 'structure',
    input: 'YAML tags `!!js/function` and `!!js/regexp` (code execution in unsafe loaders)',
    build: (w) =>
      writeBare(
        w,
        'h23-yaml-js-tags',
        `${baseDossierYaml('Tags')}hook: !!js/function 'function () { return 1 }'\n`,
      ),
    expect: { kind: 'invalid', message: /unknown tag/ },
  },
  {
    id: 'h24-not-a-mapping',
    group: 'structure',
    input: 'a YAML list instead of a mapping',
    build: (w) => writeBare(w, 'h24-not-a-mapping', '- candidate\n- submitted_at\n'),
    expect: { kind: 'invalid', message: /must be a mapping/ },
  },
  {
    id: 'h25-self-alias',
    group: 'structure',
    input: 'a self-referencing alias `loop: &l [*l]` (a cycle)',
    build: (w) => writeBare(w, 'h25-self-alias', `${baseDossierYaml('Loop')}loop: &l [*l]\n`),
    expect: { kind: 'invalid', message: /nesting is deeper than 64 levels/ },
  },
  {
    id: 'h26-merge-proto',
    group: 'structure',
    input: 'a YAML merge key `<<` bringing in a `__proto__` mapping',
    build: (w) =>
      writeBare(
        w,
        'h26-merge-proto',
        baseDossierYaml('Merge').replace(
          'candidate:\n',
          'evil: &evil { __proto__: { polluted: true } }\ncandidate:\n  <<: *evil\n',
        ),
      ),
    expect: { kind: 'invalid', message: /key "__proto__" is not allowed/ },
  },
  {
    id: 'h27-json-duplicate-key',
    group: 'structure',
    input: 'a JSON dossier giving `submitted_at` twice, late then on time (JSON.parse keeps the last)',
    build: (w) => {
      const text = JSON.stringify(baseDossier('Twice Json'), null, 2).replace(
        '{\n',
        '{\n  "submitted_at": "2025-12-01T09:00:00Z",\n',
      );
      writeBare(w, 'h27-json-duplicate-key', text, 'json');
    },
    expect: { kind: 'invalid', message: /JSON error: duplicated key "submitted_at"/ },
  },
];
