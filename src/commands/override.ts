import { parsePoints } from '../committee/score-rows.js';
import type { Context } from '../context.js';
import type { Criterion } from '../core/types.js';
import { EXIT, UserError } from '../errors.js';
import { requireCriteriaVersion } from '../pipeline/import-criteria.js';
import { resolveCandidateId } from '../pipeline/resolve-candidate.js';
import { withSession } from '../pipeline/session.js';
import { getDossier, listActiveDossierHeads, listMembers, recordOverride } from '../store/index.js';

/** The screening gate tender.yaml adds when it names a sanctions list; it has no rule of its own here. */
const SANCTIONS_GATE: Pick<Criterion, 'id' | 'kind' | 'max'> = { id: 'sanctions', kind: 'gate' };

export interface OverrideOptions {
  candidate: string;
  criterion: string;
  pass?: boolean;
  fail?: boolean;
  points?: string;
  reason: string;
}

/**
 * `prequal override`: the secretary replaces an automatic result, with a mandatory justification.
 * The acting person (`--as`) must be the registered secretary.
 */
export async function overrideCommand(ctx: Context, options: OverrideOptions): Promise<void> {
  const verdicts = [options.pass, options.fail, options.points !== undefined].filter(Boolean).length;
  if (verdicts !== 1) throw new UserError('give exactly one of --pass, --fail or --points', EXIT.usage);
  if (!options.reason.trim()) throw new UserError('--reason must not be empty', EXIT.usage);
  await withSession(ctx, (session) => {
    const secretary = listMembers(session.store).find((m) => m.name === ctx.user);
    if (secretary?.role !== 'secretary') {
      throw new UserError(`only the committee secretary may override; "${ctx.user}" is not (use --as NAME)`);
    }
    const criterion =
      options.criterion === SANCTIONS_GATE.id
        ? SANCTIONS_GATE
        : requireCriteriaVersion(session).criteria.criteria.find((c) => c.id === options.criterion);
    if (!criterion) throw new UserError(`unknown criterion "${options.criterion}"`);
    const candidate = resolveCandidateId(
      options.candidate,
      listActiveDossierHeads(session.store).map((d) => d.id),
    );
    const dossier = getDossier(session.store, candidate);
    if (!dossier) throw new UserError(`unknown candidate "${options.candidate}"`);
    // An invalid dossier has no result to override: recorded, the override changed nothing and
    // still appeared in the report among the committee's decisions.
    if (dossier.status === 'invalid')
      throw new UserError(
        `${candidate} is invalid (its dossier could not be read): it has no result of ${criterion.id} to override`,
      );
    let points: number | undefined;
    if (criterion.kind === 'gate' && options.points !== undefined)
      throw new UserError(`${criterion.id} is a gate: use --pass or --fail`, EXIT.usage);
    if (criterion.kind === 'score') {
      if (options.points === undefined)
        throw new UserError(`${criterion.id} is scored: use --points`, EXIT.usage);
      points = parsePoints(options.points) ?? Number.NaN;
      if (Number.isNaN(points) || points < 0 || points > (criterion.max ?? 0)) {
        throw new UserError(`--points must be a number in [0, ${criterion.max ?? 0}]`, EXIT.usage);
      }
    }
    recordOverride(session.store, {
      candidate,
      criterion: criterion.id,
      ...(criterion.kind === 'gate' ? { passed: options.pass === true } : { points }),
      reason: options.reason,
      by: ctx.user,
      at: session.at,
    });
    ctx.out(`override recorded: ${candidate} ${criterion.id} — ${options.reason}\n`);
  });
}
