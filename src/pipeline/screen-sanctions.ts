import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseSanctionsCsv, type SanctionsList } from '../core/sanctions.js';
import { InputError } from '../errors.js';
import type { Session } from './session.js';

/** The sanctions list tender.yaml names, or null; a broken or missing list stops the command. */
export function loadSanctionsList(session: Session): SanctionsList | null {
  return readSanctionsList(session)?.list ?? null;
}

/**
 * The sanctions list with the sha256 (hex) of the file's bytes: the list's own version string is
 * whatever its publisher wrote, so an export key or a report must not trust it to change with
 * the content. Null when tender.yaml names no list; a broken or missing list stops the command.
 */
export function readSanctionsList(session: Session): { list: SanctionsList; hash: string } | null {
  const config = session.tender.sanctions;
  if (!config) return null;
  const absolute = path.resolve(session.ctx.workspace, config.file);
  const file = path.relative(session.ctx.workspace, absolute).split(path.sep).join('/');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    throw new InputError(`cannot read the sanctions list named in tender.yaml`, [
      {
        file: 'tender.yaml',
        path: 'sanctions.file',
        message: `${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      },
    ]);
  }
  const { list, issues } = parseSanctionsCsv(bytes.toString('utf8'), file);
  if (issues.length > 0) throw new InputError(`${file} has ${issues.length} problem(s)`, issues);
  return { list, hash: createHash('sha256').update(bytes).digest('hex') };
}
