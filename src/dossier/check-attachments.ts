import fs from 'node:fs';
import path from 'node:path';
import { compareIds } from '../core/order.js';
import type { AttachmentFact } from '../core/types.js';
import { isInside } from './list-dossier-entries.js';

/** What the file system says about a dossier's `documents`. */
export interface AttachmentCheck {
  /** One fact per document kind, in code-unit order of kinds (escaping ones excluded). */
  facts: AttachmentFact[];
  /** Kinds whose path leaves the candidate's folder: they make the dossier invalid. */
  escaping: string[];
}

/** Absolute paths (POSIX or Windows) and `..` that climbs out are refused before any lookup. */
function climbsOut(relative: string): boolean {
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative) || relative.startsWith('\\')) return true;
  const normal = path.posix.normalize(relative.replace(/\\/g, '/'));
  return normal === '..' || normal.startsWith('../');
}

/**
 * Checks each attachment without opening it: `ok` (non-empty regular file), `missing`,
 * `empty`, or `not_a_file` (directory, device, FIFO). Symbolic links are followed, and must
 * stay inside the candidate's folder. A bare dossier file has no folder: all are missing.
 */
export function checkAttachments(folder: string | null, documents: Record<string, string>): AttachmentCheck {
  const facts: AttachmentFact[] = [];
  const escaping: string[] = [];
  const kinds = Object.keys(documents).sort(compareIds);
  for (const kind of kinds) {
    const relative = documents[kind] ?? '';
    if (climbsOut(relative)) {
      escaping.push(kind);
      continue;
    }
    const fact: AttachmentFact = { kind, path: relative, status: 'missing', size: 0 };
    if (folder !== null) {
      const found = directFile(folder, relative) ?? inspectAttachment(path.join(folder, relative), folder);
      if (found === 'escapes') {
        escaping.push(kind);
        continue;
      }
      Object.assign(fact, found);
    }
    facts.push(fact);
  }
  return { facts, escaping };
}

/**
 * The common case without resolving any link: a plain file right in the (real) candidate folder
 * is inside it by construction, so one lstat says all a realpath + stat would. Anything else
 * (a link, a subfolder on the way, nothing there) goes the long way.
 */
function directFile(folder: string, relative: string): Pick<AttachmentFact, 'status' | 'size'> | null {
  if (relative === '' || relative.includes('/') || relative === '.' || relative === '..') return null;
  const full = `${folder}/${relative}`;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(full);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  return { status: stat.size === 0 ? 'empty' : 'ok', size: stat.size };
}

function inspectAttachment(
  full: string,
  folder: string,
): Pick<AttachmentFact, 'status' | 'size'> | 'escapes' {
  let real: string;
  try {
    real = fs.realpathSync.native(full);
  } catch {
    // Absent, a broken link, or an unusable name: the document is not there.
    return { status: 'missing', size: 0 };
  }
  if (!isInside(real, folder)) return 'escapes';
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { status: 'not_a_file', size: 0 };
  return { status: stat.size === 0 ? 'empty' : 'ok', size: stat.size };
}
