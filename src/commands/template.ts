import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { LANGS, type Lang } from '../core/types.js';
import { APPLICATION_FORM, readTender, TENDER_FILE } from '../dossier/index.js';
import { EXIT, UserError } from '../errors.js';
import { writeViaTemporaryFile } from '../export/atomic-write.js';
import { writeApplicationForm } from '../forms/write-form.js';
import { assertWorkspaceFolder } from '../pipeline/workspace-folder.js';

export interface TemplateOptions {
  lang?: string;
  out?: string;
}

/** The language asked for; else the tender's first language when run in a workspace; else French. */
function chooseLanguage(ctx: Context, lang: string | undefined): Lang {
  if (lang !== undefined) {
    if (!(LANGS as readonly string[]).includes(lang)) {
      throw new UserError(`--lang must be one of ${LANGS.join(', ')}, got "${lang}"`, EXIT.usage);
    }
    return lang as Lang;
  }
  assertWorkspaceFolder(ctx.workspace);
  if (!fs.existsSync(path.join(ctx.workspace, TENDER_FILE))) return 'fr';
  return readTender(ctx.workspace).tender.languages[0] ?? 'fr';
}

/**
 * `prequal template application-form`: writes the blank xlsx application form candidates may
 * fill instead of dossier.yaml. Never overwrites a file: a filled form may carry that name.
 */
export async function applicationFormCommand(ctx: Context, options: TemplateOptions): Promise<void> {
  const lang = chooseLanguage(ctx, options.lang);
  const file = path.resolve(ctx.cwd, options.out ?? APPLICATION_FORM);
  if (fs.existsSync(file)) {
    throw new UserError(`${file} already exists; remove it or choose another file with --out`);
  }
  const createdAt = ctx.now();
  // Readable by others (0o644): the form is meant to be sent to candidates.
  await writeViaTemporaryFile(
    file,
    (temporary) => writeApplicationForm(temporary, lang, { createdAt }),
    0o644,
  );
  ctx.out(`${path.relative(ctx.cwd, file) || file}\n`);
}
