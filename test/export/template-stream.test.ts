import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { defaultTemplatesDir, loadTemplate, renderReport } from '../../src/export/markdown.js';
import { buildReportView } from '../../src/export/report-view.js';
import { LazyRows, lazyRows, parseTemplate, renderTemplatePieces } from '../../src/export/template-stream.js';
import { escapeMarkdown } from '../../src/export/text-safety.js';
import { buildSampleReport } from './sample-report.js';

const bracket = (value: unknown) => `<${String(value)}>`;
const pieces = (template: string, view: object) => [
  ...renderTemplatePieces(parseTemplate(template), view, bracket),
];

/** The view with every LazyRows made an array, as Mustache.render needs it. */
function withArrays(value: unknown): unknown {
  if (value instanceof LazyRows) return [...value].map(withArrays);
  if (Array.isArray(value)) return value.map(withArrays);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withArrays(entry)]));
  return value;
}

const VIEW = {
  title: 'A & B',
  empty: [],
  none: new LazyRows(0, () => []),
  rows: lazyRows([1, 2, 3], (n) => ({ n, tags: ['x', 'y'].slice(0, n) })),
  plain: [{ n: 'a' }, { n: 'b' }],
  nested: { inner: { value: 7 }, flag: true },
  word: 'w',
  zero: 0,
  no: false,
  lambda: () => (text: string) => `[${text}]`,
};

const TEMPLATES = [
  'plain text only',
  '{{title}} {{{title}}} {{&title}}',
  '{{#rows}}{{n}}:{{#tags}}{{.}},{{/tags}};{{/rows}}',
  '{{#rows.length}}header {{rows.length}}\n{{/rows.length}}{{#rows}}\n| {{n}} | {{title}} |\n{{/rows}}\n',
  '{{^none}}none is empty{{/none}}{{^rows}}never{{/rows}}{{#none}}never{{/none}}{{#none.length}}never{{/none.length}}',
  '{{^empty}}empty{{/empty}}{{#plain}}{{n}}{{/plain}}{{^plain}}x{{/plain}}',
  '{{#nested}}{{inner.value}}{{#flag}}on{{/flag}}{{/nested}}{{nested.inner.value}}',
  '{{#word}}{{.}}!{{/word}}{{#zero}}no{{/zero}}{{^zero}}zero{{/zero}}{{#no}}no{{/no}}{{^no}}false{{/no}}',
  '{{#lambda}}inside {{title}}{{/lambda}}',
  '{{! a comment }}before\n{{=<% %>=}}\n<%title%> {{title}}\n<%={{ }}=%>\n{{> missing}}after',
  '  {{#rows}}\n  - {{n}}\n  {{/rows}}\n{{#rows}}{{#nested}}{{n}}/{{inner.value}} {{/nested}}{{/rows}}',
];

describe('rendering a template in pieces', () => {
  it('gives exactly what Mustache.render gives, LazyRows taken as lists', () => {
    const arrays = withArrays(VIEW) as object;
    for (const template of TEMPLATES) {
      expect(pieces(template, VIEW).join(''), template).toBe(
        Mustache.render(template, arrays, {}, { escape: bracket }),
      );
    }
  });

  it('calls a lambda section as often as Mustache.render does, with the section text', () => {
    const counted = () => {
      const calls: string[] = [];
      return {
        calls,
        view: {
          title: 'T',
          wrap: () => {
            calls.push('lookup');
            return (text: string, render: (inner: string) => string) => {
              calls.push(text);
              return `[${render(text)}]`;
            };
          },
        },
      };
    };
    const template = '{{#wrap}}in {{title}}{{/wrap}}';
    const ours = counted();
    const theirs = counted();
    expect(pieces(template, ours.view).join('')).toBe(
      Mustache.render(template, theirs.view, {}, { escape: bracket }),
    );
    expect(ours.calls).toEqual(theirs.calls);
    expect(ours.calls).toEqual(['lookup', 'in {{title}}']);
  });

  it('gives the shipped reports exactly as Mustache.render does', async () => {
    const report = buildSampleReport();
    for (const lang of ['fr', 'en'] as const) {
      const template = await loadTemplate(defaultTemplatesDir(), 'report', lang);
      const whole = Mustache.render(
        template,
        withArrays(buildReportView(report, lang)) as object,
        {},
        {
          escape: (value: unknown) => escapeMarkdown(String(value)),
        },
      );
      expect(renderReport(report, lang, template)).toBe(whole);
      expect(whole).toContain('c05-gamma');
    }
  });

  it('hands out pieces of about 64 KiB and makes rows only as they are reached', () => {
    let made = 0;
    const rows = lazyRows(
      Array.from({ length: 20_000 }, (_, index) => index),
      (n) => {
        made += 1;
        return { n };
      },
    );
    const iterator = renderTemplatePieces(
      parseTemplate('{{#rows}}row {{n}} of the list\n{{/rows}}end'),
      { rows },
      String,
    );
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect((first.value as string).length).toBeGreaterThanOrEqual(1 << 16);
    expect((first.value as string).length).toBeLessThan((1 << 16) + 100);
    expect(made).toBeLessThan(20_000);
    const rest = [...iterator];
    expect(made).toBe(20_000);
    expect(rest.length).toBeGreaterThan(2);
    const text = [first.value, ...rest].join('');
    expect(text.startsWith('row 0 of the list\nrow 1 ')).toBe(true);
    expect(text.endsWith('row 19999 of the list\nend')).toBe(true);
  });

  it('rejects a broken template when it is parsed, before any piece', () => {
    expect(() => parseTemplate('{{#rows}}unclosed')).toThrow(/Unclosed section "rows"/);
  });
});
