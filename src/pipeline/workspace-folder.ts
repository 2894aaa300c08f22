import fs from 'node:fs';
import { EXIT, UserError } from '../errors.js';

/**
 * Refuses a workspace that is not a folder. A mistyped `--workspace` is a usage error (exit 2),
 * told as such, rather than the missing tender.yaml (exit 1) that a real folder lacking it gets.
 * Any other failure to look (a folder it may not enter…) is left to the reads that follow,
 * which name the file they could not read.
 */
export function assertWorkspaceFolder(workspace: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(workspace);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new UserError(`--workspace ${workspace}: no such folder`, EXIT.usage);
    return;
  }
  if (!stat.isDirectory()) throw new UserError(`--workspace ${workspace}: not a folder`, EXIT.usage);
}
