import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { importCriteriaFile, requireCriteriaVersion } from '../pipeline/import-criteria.js';
import { withReadingSession, withSession } from '../pipeline/session.js';
import { listCriteriaVersions } from '../store/index.js';

/** `prequal criteria import [file]`: a new version only when the content changed. */
export async function criteriaImportCommand(ctx: Context, _options: object, file?: string): Promise<void> {
  await withSession(ctx, async (session) => {
    const { version, created } = await importCriteriaFile(session, file);
    ctx.out(
      created
        ? `imported criteria version ${version.version} (${version.criteria.criteria.length} criteria, sha256 ${version.hash.slice(0, 12)})\n`
        : `criteria unchanged: version ${version.version} (sha256 ${version.hash.slice(0, 12)})\n`,
    );
  });
}

/** `prequal criteria list`: every version, never deleted. */
export async function criteriaListCommand(ctx: Context, options: { json?: boolean }): Promise<void> {
  await withReadingSession(ctx, (session) => {
    const versions = listCriteriaVersions(session.store);
    if (options.json) {
      const rows = versions.map((v) => ({
        version: v.version,
        name: v.name,
        hash: v.hash,
        imported_at: v.importedAt,
      }));
      ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (versions.length === 0) ctx.out('no criteria imported yet: run `prequal criteria import`\n');
    else ctx.out('version\timported at\tsha256\tname\n');
    for (const v of versions) ctx.out(`${v.version}\t${v.importedAt}\t${v.hash.slice(0, 12)}\t${v.name}\n`);
  });
}

/** `prequal criteria show [version]`: the criteria of one version. */
export async function criteriaShowCommand(
  ctx: Context,
  options: { json?: boolean },
  version?: string,
): Promise<void> {
  const number = version === undefined ? undefined : Number(version);
  if (number !== undefined && !Number.isInteger(number))
    throw new UserError(`version must be a whole number, got "${version}"`, 2);
  await withReadingSession(ctx, (session) => {
    const found = requireCriteriaVersion(session, number);
    if (options.json) {
      ctx.out(
        `${JSON.stringify({ version: found.version, hash: found.hash, criteria: found.criteria }, null, 2)}\n`,
      );
      return;
    }
    ctx.out(`criteria version ${found.version} — ${found.name} (sha256 ${found.hash})\n\n${found.text}`);
    if (!found.text.endsWith('\n')) ctx.out('\n');
  });
}
