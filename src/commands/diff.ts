import type { Context } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { evaluateWorkspace } from '../pipeline/evaluate-workspace.js';
import { type Session, withReadingSession } from '../pipeline/session.js';
import { listCriteriaVersions } from '../store/index.js';
import { type ComparedSide, compareShortlists } from '../whatif/compare-shortlists.js';
import { renderShortlistDiff } from '../whatif/render-diff.js';

export interface DiffOptions {
  from: string;
  to: string;
  json?: boolean;
}

function parseVersion(value: string, flag: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value.trim())) {
    throw new UserError(
      `${flag} must be a criteria version number (see prequal criteria list), got "${value}"`,
      EXIT.usage,
    );
  }
  return Number(value);
}

/** Evaluates the stored dossiers under one version (cached per version, like `score`). */
async function evaluateVersion(session: Session, version: number): Promise<ComparedSide> {
  const evaluation = await evaluateWorkspace(session, { version });
  return {
    shortlist: evaluation.result.shortlist,
    scenario: { criteria: evaluation.version.criteria, tender: session.tender },
  };
}

/**
 * `prequal diff --from V1 --to V2`: every candidate whose status, rank or total differs between
 * two criteria versions, with the criteria whose verdict changed for it.
 */
export async function diffCommand(ctx: Context, options: DiffOptions): Promise<void> {
  const from = parseVersion(options.from, '--from');
  const to = parseVersion(options.to, '--to');
  await withReadingSession(ctx, async (session) => {
    const versions = listCriteriaVersions(session.store).map((v) => v.version);
    for (const version of [from, to]) {
      if (versions.includes(version)) continue;
      const known = versions.length === 0 ? 'none yet: run prequal criteria import' : versions.join(', ');
      throw new UserError(`criteria version ${version} does not exist (versions: ${known})`);
    }
    const diff = compareShortlists(await evaluateVersion(session, from), await evaluateVersion(session, to));
    if (options.json) {
      ctx.out(`${JSON.stringify({ from, to, ...diff }, null, 2)}\n`);
      return;
    }
    ctx.out(renderShortlistDiff(diff, `criteria version ${from} → ${to}`));
  });
}
