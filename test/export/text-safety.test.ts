import { describe, expect, it } from 'vitest';
import { escapeMarkdown, safeCellText, stripControl } from '../../src/export/text-safety.js';

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['*bold* _em_ `code` ~strike~', '\\*bold\\* \\_em\\_ \\`code\\` \\~strike\\~'],
    ['[link](http://x)', '\\[link\\](http\\://x)'],
    // GFM autolinks: the dot of www., the colon before //, the @ of an address, escaped.
    [
      'Pay at www.evil.example or https://evil.example/login?x=1, mail admin@evil.example',
      'Pay at www\\.evil.example or https\\://evil.example/login?x=1, mail admin\\@evil.example',
    ],
    ['WWW.X.org mailto:a@b.example', 'WWW\\.X.org mailto:a\\@b.example'],
    ['10:30, a:b, awww.x', '10:30, a:b, awww.x'],
    // GFM links www. after `_`, `*`, `~` or `(` too; `_` is a word character, so \b missed it.
    ['_www.evil.example/login', '\\_www\\.evil.example/login'],
    ['(www.evil.example) *www.x.org*', '(www\\.evil.example) \\*www\\.x.org\\*'],
    ['<b>x</b> & y', '&lt;b&gt;x&lt;/b&gt; & y'],
    ['&lt; stays text &#60;', '&amp;lt; stays text &amp;\\#60;'],
    ['line1\nline2\r\nline3', 'line1<br>line2<br>line3'],
    ['back\\slash', 'back\\\\slash'],
    ['# title', '\\# title'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['===', '\\==='],
    ['red \u001b[31mtext\u001b[0m', 'red text'],
    ['bell\u0007 nul\u0000 del\u007f', 'bell nul del'],
    ['tab\there', 'tab here'],
    ['70.50', '70.50'],
    ['Institut Droits (SN)', 'Institut Droits (SN)'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('keeps a table row to its cells whatever the text', () => {
    const cell = escapeMarkdown('a|b\n|c|\\|d');
    const row = `| ${cell} | x |`;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(4);
    expect(row).not.toContain('\n');
  });
});

describe('stripControl', () => {
  it('removes escape sequences, controls and bidi overrides but keeps newlines and tabs', () => {
    expect(stripControl('a\u001b[31mb\u001b]0;title\u0007c\r\nd\te\u202eg\u0085h')).toBe('abc\nd\tegh');
  });
});

describe('safeCellText', () => {
  it('keeps formula-looking text as it is and removes XML-invalid characters', () => {
    expect(safeCellText('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(safeCellText('a\u0000b\u000bc\u001b[1md\ufffe\ud800e\nf')).toBe('abcde\nf');
  });

  it('keeps valid surrogate pairs and cuts text to the Excel limit', () => {
    expect(safeCellText('emoji 😀')).toBe('emoji 😀');
    const long = safeCellText('x'.repeat(40_000));
    expect(long).toHaveLength(32_767);
    expect(long.endsWith('…')).toBe(true);
    // The cut never separates a surrogate pair (a lone half is a character XML forbids).
    const emoji = safeCellText(`${'x'.repeat(32_765)}😀😀`);
    expect(emoji).toBe(`${'x'.repeat(32_765)}…`);
    expect(safeCellText(`${'x'.repeat(32_764)}😀😀`)).toBe(`${'x'.repeat(32_764)}😀…`);
  });
});
