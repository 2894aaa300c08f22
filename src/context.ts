import path from 'node:path';

/**
 * What every command receives instead of reaching for globals: the workspace, the clock,
 * who is acting and where output goes. Tests build one with a fixed clock.
 */
export interface Context {
  /** Absolute workspace directory. */
  workspace: string;
  /** Directory the user typed the command in: file arguments (--out, --from, init DIR) are relative to it. */
  cwd: string;
  /** The run's clock; read once per command so every record of a run shares one time. */
  now: () => Date;
  /** Who is acting, for the audit trail (`--as`, PREQUAL_USER, or the OS user). */
  user: string;
  /** Standard output: results, tables, JSON. */
  out: (text: string) => void;
  /** Standard error: progress, warnings, summaries meant for people. */
  err: (text: string) => void;
  /** Both stdin and stdout are terminals: prompts and progress bars are allowed. */
  interactive: boolean;
  /** stderr is a terminal: progress may be drawn there. */
  progressAllowed: boolean;
}

export function resolveWorkspace(dir: string | undefined, cwd: string): string {
  return path.resolve(cwd, dir ?? '.');
}
