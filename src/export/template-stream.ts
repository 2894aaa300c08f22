/**
 * Mustache rendering in pieces: the same output as `Mustache.render`, handed out a few tens of
 * kilobytes at a time, so a report listing 100,000 candidates is written to disk as it is made
 * instead of being built as one string (and its rope, and its bytes) first. Its long lists may be
 * LazyRows, whose rows are only made when the template reaches them.
 */
import Mustache from 'mustache';
import { TextPieces } from './text-pieces.js';

/**
 * A list for a template section whose rows are built one at a time when the section is rendered.
 * Its length is known up front, so `{{#list.length}}` headers and `{{^list}}` work as on arrays.
 */
export class LazyRows<T> implements Iterable<T> {
  constructor(
    readonly length: number,
    private readonly rows: () => Iterable<T>,
  ) {}

  [Symbol.iterator](): Iterator<T> {
    return this.rows()[Symbol.iterator]();
  }
}

/** LazyRows of `build(item)` for each of `items`. */
export function lazyRows<I, T>(items: readonly I[], build: (item: I) => T): LazyRows<T> {
  return new LazyRows(items.length, function* () {
    for (const item of items) yield build(item);
  });
}

/** A parsed template, checked before anything is written (a broken one fails here). */
export interface ParsedTemplate {
  readonly text: string;
  readonly tokens: Mustache.TemplateSpans;
}

export function parseTemplate(text: string): ParsedTemplate {
  return { text, tokens: Mustache.parse(text) };
}

type Token = Mustache.TemplateSpans[number];
type Escape = (value: unknown) => string;

/** Leaf tokens (text, values, partials, comments) go to Mustache's own writer, so escaping and lookups are its own. */
const writer = new Mustache.Writer();

function renderLeaf(
  template: ParsedTemplate,
  token: Token,
  context: Mustache.Context,
  escapeValue: Escape,
): string {
  // @types/mustache declares tokens as string[][]; they are the tuples Mustache.parse returns.
  return writer.renderTokens([token] as unknown as string[][], context, {}, template.text, {
    escape: escapeValue,
  });
}

/** The output of `Mustache.render(template.text, view, {}, { escape })`, in pieces. */
export function* renderTemplatePieces(
  template: ParsedTemplate,
  view: object,
  escapeValue: Escape,
): Generator<string, void, undefined> {
  const output = new TextPieces();
  yield* renderTokens(template, template.tokens, new Mustache.Context(view), escapeValue, output);
  if (output.text) yield output.rest();
}

function isList(value: unknown): value is readonly unknown[] | LazyRows<unknown> {
  return Array.isArray(value) || value instanceof LazyRows;
}

/**
 * Sections are walked here (Mustache's renderSection and renderInverted, with LazyRows taken as
 * lists); pieces are handed out between the elements of a list, the only place a long output grows.
 */
function* renderTokens(
  template: ParsedTemplate,
  tokens: readonly Token[],
  context: Mustache.Context,
  escapeValue: Escape,
  output: TextPieces,
): Generator<string, void, undefined> {
  for (const token of tokens) {
    const [symbol, name] = token;
    const children = token[4] as unknown as Token[] | undefined;
    if (symbol === '#' && children) {
      const value: unknown = context.lookup(name);
      if (!value) continue;
      if (isList(value)) {
        for (const item of value) {
          yield* renderTokens(template, children, context.push(item), escapeValue, output);
          const piece = output.take();
          if (piece !== null) yield piece;
        }
      } else if (typeof value === 'object' || typeof value === 'string' || typeof value === 'number') {
        yield* renderTokens(template, children, context.push(value), escapeValue, output);
      } else if (typeof value === 'function') {
        // A lambda section, as Mustache's renderSection calls it: once, with the section's text.
        const text = template.text.slice(token[3], token[5] as number);
        const subRender = (inner: string) => writer.render(inner, context, {}, { escape: escapeValue });
        const result: unknown = value.call(context.view, text, subRender);
        if (result != null) output.text += String(result);
      } else {
        yield* renderTokens(template, children, context, escapeValue, output);
      }
    } else if (symbol === '^' && children) {
      const value: unknown = context.lookup(name);
      if (!value || (isList(value) && value.length === 0))
        yield* renderTokens(template, children, context, escapeValue, output);
    } else {
      output.text += renderLeaf(template, token, context, escapeValue);
    }
  }
}
