import { readFileSync } from 'node:fs';

/** The tool version from package.json (dist/ and src/ both sit one level below it). */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
