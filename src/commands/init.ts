import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { askText } from '../ui/prompts.js';

export interface InitOptions {
  reference?: string;
  titleFr?: string;
  titleEn?: string;
  closes?: string;
  currency?: string;
}

const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/init/', import.meta.url));
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `prequal init [dir]`: scaffolds a workspace from templates/init, never overwriting a file. */
export async function initCommand(ctx: Context, options: InitOptions, dir?: string): Promise<void> {
  const target = dir ? path.resolve(ctx.cwd, dir) : ctx.workspace;
  const answers = await collectAnswers(ctx, options);
  const files = listTemplateFiles(TEMPLATE_DIR);
  const clashes = files.filter((f) => fs.existsSync(path.join(target, f)));
  if (clashes.length > 0) {
    throw new UserError(`refusing to overwrite existing files in ${target}: ${clashes.join(', ')}`);
  }
  const view = {
    ...answers,
    authority: JSON.stringify('Contracting authority'),
    // The window usually opens a few weeks before the deadline: a starting point to edit.
    opens: `${new Date(Date.parse(answers.closes) - 15 * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`,
    submittedAt: answers.closes,
    rates: exchangeRatesFor(answers.currency),
  };
  for (const file of files) {
    const source = path.join(TEMPLATE_DIR, file);
    const destination = path.join(target, file);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    const content = file.endsWith('.yaml')
      ? Mustache.render(fs.readFileSync(source, 'utf8'), view, {}, { escape: (v: string) => v })
      : fs.readFileSync(source);
    fs.writeFileSync(destination, content, { flag: 'wx' });
  }
  fs.mkdirSync(path.join(target, 'scores'), { recursive: true });
  ctx.err(
    `workspace created in ${target}\nnext: edit tender.yaml and criteria.yaml, add dossiers, then run \`prequal run\`\n`,
  );
}

async function collectAnswers(ctx: Context, options: InitOptions) {
  const ask = async (
    value: string | undefined,
    flag: string,
    message: string,
    check?: (v: string) => true | string,
    fallback?: string,
  ) => {
    if (value === undefined && !ctx.interactive && fallback !== undefined) return fallback;
    if (value !== undefined) {
      const verdict = check ? check(value) : true;
      if (verdict !== true) throw new UserError(`${flag}: ${verdict}`, 2);
      return value;
    }
    if (!ctx.interactive) throw new UserError(`${flag} is required when not on a terminal`, 2);
    return askText(message, { validate: check, default: fallback });
  };
  const nonEmpty = (v: string) => (v.trim() ? true : 'must not be empty');
  const reference = await ask(options.reference, '--reference', 'Tender reference (e.g. POC2-S29)', nonEmpty);
  const titleFr = await ask(options.titleFr, '--title-fr', 'Title (French)', nonEmpty);
  const titleEn = await ask(options.titleEn, '--title-en', 'Title (English)', nonEmpty);
  const closes = await ask(
    options.closes,
    '--closes',
    'Submission deadline (RFC 3339, e.g. 2025-11-28T16:00:00Z)',
    (v) =>
      RFC3339.test(v) && !Number.isNaN(Date.parse(v)) ? true : 'must be an RFC 3339 date-time with offset',
  );
  const currency = await ask(
    options.currency,
    '--currency',
    'Currency (ISO 4217)',
    (v) => (/^[A-Z]{3}$/.test(v) ? true : 'must be a 3-letter ISO 4217 code'),
    'EUR',
  );
  // JSON strings are valid YAML scalars: titles with colons or quotes stay intact.
  return {
    reference: JSON.stringify(reference),
    titleFr: JSON.stringify(titleFr),
    titleEn: JSON.stringify(titleEn),
    closes,
    currency,
  };
}

function listTemplateFiles(root: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listTemplateFiles(root, rel) : [rel];
    })
    .sort();
}

/** Reference rates per 1 EUR (XOF is pegged); a starting point the secretary replaces with the notice's rates. */
const EUR_RATES: Record<string, number> = { EUR: 1, XOF: 655.957, USD: 1.0823 };

/**
 * The `exchange_rates` block for the tender currency: the other reference currencies expressed per
 * unit of it, so the example dossier (XOF and EUR figures) is valid whatever the currency chosen.
 */
function exchangeRatesFor(currency: string): string {
  const base = EUR_RATES[currency];
  if (base === undefined) return '  {}                                   # add e.g. XOF: 655.957';
  return Object.entries(EUR_RATES)
    .filter(([code]) => code !== currency)
    .map(([code, rate]) => `  ${code}: ${Number((rate / base).toPrecision(6))}`)
    .join('\n');
}
