/**
 * Where an export goes: `<workspace>/out`, or `--out` (relative to the folder the command was
 * typed in). prequal reads `dossiers/`, `scores/` and `templates/` of the workspace, so an export
 * written inside one of them would come back as input: a folder `dossiers/out/` became an
 * invalid candidate "out" at the next ingest, and `--out templates` replaced the secretary's
 * report template with a rendered report. Such a folder is refused before any work is done.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { isInside } from '../dossier/list-dossier-entries.js';
import { EXIT, UserError } from '../errors.js';

/** The workspace folders prequal reads from. */
const INPUT_FOLDERS = ['dossiers', 'scores', 'templates'] as const;

/** The absolute output folder of an export; a usage error when it lies in an input folder. */
export function resolveOutDir(ctx: Pick<Context, 'workspace' | 'cwd'>, out: string | undefined): string {
  if (!out) return path.join(ctx.workspace, 'out');
  const outDir = path.resolve(ctx.cwd, out);
  // Compared through links, so a link to dossiers/ (or a workspace reached through one) is seen.
  const real = resolveExisting(outDir);
  for (const name of INPUT_FOLDERS) {
    if (!isInside(real, resolveExisting(path.join(ctx.workspace, name)))) continue;
    throw new UserError(
      `--out ${out} is inside the workspace's ${name}/ folder, which prequal reads: ` +
        'exports there would be read back as input; choose a folder outside dossiers/, scores/ and templates/',
      EXIT.usage,
    );
  }
  return outDir;
}

/** `target` with its longest existing ancestor resolved through links (the rest may not exist yet). */
function resolveExisting(target: string): string {
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...missing);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return target;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
}
