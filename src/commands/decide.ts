import type { Context } from '../context.js';
import { didYouMean } from '../core/person-names.js';
import { EXIT, UserError } from '../errors.js';
import { evaluateWorkspace } from '../pipeline/evaluate-workspace.js';
import { resolveCandidateId } from '../pipeline/resolve-candidate.js';
import { withSession } from '../pipeline/session.js';
import { type CommitteeMember, listMembers, recordDecision } from '../store/index.js';

/**
 * `prequal decide --choose ID[,ID] --reason TEXT`: resolves the tie at the cut. The committee's
 * decision is recorded by its chair or secretary (`--as`), once the choice itself is valid.
 */
export async function decideCommand(
  ctx: Context,
  options: { choose: string[]; reason: string },
): Promise<void> {
  if (!options.reason.trim()) throw new UserError('--reason must not be empty', EXIT.usage);
  const repeated = options.choose.filter((id, index) => options.choose.indexOf(id) !== index);
  // A repeated id would fill two seats with one candidate.
  if (repeated.length > 0)
    throw new UserError(`--choose names ${[...new Set(repeated)].join(', ')} more than once`, EXIT.usage);
  await withSession(ctx, async (session) => {
    const { shortlist } = (await evaluateWorkspace(session)).report;
    const tie = shortlist.ties.find((t) => t.at_cut && !t.decision);
    if (!tie) throw new UserError('there is no undecided tie at the cut');
    // `c03` stands for `c03-sahel-justice-conseil` when no other candidate at all starts so, as
    // everywhere else: resolved among the tied only, `c0` chose c07 for a committee that may have
    // meant c05, which is not tied.
    const known = shortlist.candidates.map((candidate) => candidate.id);
    const chosen = options.choose.map((id) => resolveCandidateId(id, known));
    // `c10` and `c10-teranga…` are one candidate: repeats are checked after resolving prefixes.
    const twice = chosen.filter((id, index) => chosen.indexOf(id) !== index);
    if (twice.length > 0) {
      throw new UserError(`--choose names ${[...new Set(twice)].join(', ')} more than once`, EXIT.usage);
    }
    const outsiders = chosen.filter((id) => !tie.candidates.includes(id));
    if (outsiders.length > 0) {
      throw new UserError(
        `${outsiders.join(', ')} not among the tied candidates (${tie.candidates.join(', ')})`,
        EXIT.usage,
      );
    }
    const seats = shortlist.max - shortlist.candidates.filter((c) => c.status === 'shortlisted').length;
    if (chosen.length !== seats) {
      throw new UserError(
        `choose exactly ${seats} of ${tie.candidates.join(', ')}: ${seats === 1 ? '1 place remains' : `${seats} places remain`} on the shortlist`,
        EXIT.usage,
      );
    }
    assertMayDecide(listMembers(session.store), ctx.user);
    recordDecision(session.store, {
      chosen,
      tied: tie.candidates,
      reason: options.reason,
      by: ctx.user,
      at: session.at,
    });
    ctx.out(
      `decision recorded: ${chosen.join(', ')} shortlisted; ${tie.candidates.filter((id) => !chosen.includes(id)).join(', ')} to the reserve\n`,
    );
  });
}

/**
 * Refuses a decision recorded by anyone but the registered chair or secretary: the committee
 * decides, and its decision is the one thing that moves a candidate between the shortlist and
 * the reserve. With no committee registered (SPEC: everyone who scored votes), nobody is refused.
 */
function assertMayDecide(members: readonly CommitteeMember[], user: string): void {
  if (members.length === 0) return;
  const member = members.find((m) => m.name === user);
  if (member?.role === 'chair' || member?.role === 'secretary') return;
  const deciders = members.filter((m) => m.role === 'chair' || m.role === 'secretary');
  const is = member
    ? 'an evaluator'
    : `not a member${didYouMean(
        user,
        members.map((m) => m.name),
      )}`;
  // With neither registered, say how to register one rather than leave the tie undecidable.
  const use =
    deciders.length === 0
      ? ': the committee has none; register one with `prequal committee add NAME --role chair` (or secretary)'
      : `: use --as ${deciders.map((m) => `"${m.name}" (${m.role})`).join(' or ')}`;
  throw new UserError(
    `only the committee's chair or secretary may record its decision; "${user}" is ${is}${use}`,
  );
}
