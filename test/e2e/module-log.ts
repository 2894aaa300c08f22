import fs from 'node:fs';
import { expect } from 'vitest';
import { prequal } from './cli-helpers.js';

/**
 * Runs the built CLI with a loader hook that logs every module it resolves, and returns the log
 * (one URL per line). How the tests show that a command did not load the schemas or the
 * evaluation: what it does not load, it cannot spend time loading.
 */
export function modulesLoadedBy(ws: string, args: string[], expectedCode = 0): string {
  const log = `${ws}-modules.log`;
  const hook = `${ws}-hook.mjs`;
  const resolveHook = `import fs from 'node:fs';
      export async function resolve(specifier, context, next) {
        const resolved = await next(specifier, context);
        fs.appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');
        return resolved;
      }`;
  fs.writeFileSync(
    hook,
    `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(resolveHook)}));\n`,
  );
  try {
    const result = prequal(args, { env: { NODE_OPTIONS: `--import ${hook}` } });
    expect(result.code, result.stderr).toBe(expectedCode);
    return fs.readFileSync(log, 'utf8');
  } finally {
    fs.rmSync(log, { force: true });
    fs.rmSync(hook, { force: true });
  }
}
