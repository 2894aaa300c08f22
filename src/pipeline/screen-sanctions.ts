import fs from 'node:fs';
import path from 'node:path';
import { parseSanctionsCsv, type SanctionsList } from '../core/sanctions.js';
import { InputError } from '../errors.js';
import type { Session } from './session.js';

/** The sanctions list tender.yaml names, or null; a broken or missing list stops the command. */
export function loadSanctionsList(session: Session): SanctionsList | null {
  const config = session.tender.sanctions;
  if (!config) return null;
  const absolute = path.resolve(session.ctx.workspace, config.file);
  const file = path.relative(session.ctx.workspace, absolute).split(path.sep).join('/');
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the sanctions list named in tender.yaml`, [
      {
        file: 'tender.yaml',
        path: 'sanctions.file',
        message: `${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      },
    ]);
  }
  const { list, issues } = parseSanctionsCsv(text, file);
  if (issues.length > 0) throw new InputError(`${file} has ${issues.length} problem(s)`, issues);
  return list;
}
