import { readFileSync } from 'node:fs';

/** The tool version from package.json (dist/ and src/ both sit one level below it). */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * The tool version plus a hash of the built code and templates (written by `npm run build`), or
 * `dev` when running from sources. Everything cached on the tool's behalf is keyed on it, so an
 * upgrade never replays results an older build computed. Read on demand: `--help` never pays for it.
 */
export function toolBuild(): string {
  try {
    return `${TOOL_VERSION}+${readFileSync(new URL('./build-id.txt', import.meta.url), 'utf8').trim()}`;
  } catch {
    return `${TOOL_VERSION}+dev`;
  }
}
