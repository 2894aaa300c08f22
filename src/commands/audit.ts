import type { Context } from '../context.js';
import { EXIT, ExitError } from '../errors.js';
import { withReadingSession, withSession } from '../pipeline/session.js';
import {
  committeeDrift,
  findStoreDamage,
  listAudit,
  type TenderMemberChange,
  verifyAudit,
} from '../store/index.js';
import { terminalSafe } from '../ui/terminal-text.js';

/** `prequal audit`: the append-only trail, oldest first. */
export async function auditListCommand(ctx: Context, options: { json?: boolean }): Promise<void> {
  await withReadingSession(ctx, (session) => {
    const entries = listAudit(session.store);
    if (options.json) {
      ctx.out(`${JSON.stringify(entries, null, 2)}\n`);
      return;
    }
    for (const e of entries) {
      ctx.out(
        `${e.seq}\t${e.at}\t${terminalSafe(e.who)}\t${e.action}\t${terminalSafe(e.subject)}\t${terminalSafe(e.why)}\n`,
      );
    }
  });
}

/**
 * `prequal audit verify`: checks the store file, recomputes the hash chain and checks the
 * committee's records against it; exit 1 naming the damage, the first altered or missing entry,
 * or the first record that does not match its entry. It writes nothing, in the store or beside
 * it (an `inspect` session): where tender.yaml's committee is not the store's, it says so in a
 * note instead of registering it as other commands do.
 */
export async function auditVerifyCommand(ctx: Context): Promise<void> {
  const { verdict, drift } = await withSession(
    ctx,
    (session) => {
      const damage = findStoreDamage(session.store);
      if (damage !== null) {
        throw new ExitError(
          EXIT.failure,
          `store damaged: SQLite's check of ${session.store.file} reports "${damage}"; restore it from a backup`,
        );
      }
      return {
        verdict: verifyAudit(session.store),
        drift: committeeDrift(session.store, session.tender.committee),
      };
    },
    { access: 'inspect' },
  );
  if (drift.length > 0) ctx.err(describeDrift(drift));
  if (verdict.ok) {
    const gaps = verdict.unchecked ? `; not checked: ${verdict.unchecked.join('; ')}` : '';
    ctx.out(
      `audit trail intact: ${verdict.count} entries, hash chain verified, ` +
        `criteria versions, committee members, overrides, tie decisions, manual scores, dossiers and runs match their entries${gaps}\n`,
    );
    return;
  }
  const where = verdict.seq === null ? '' : ` at entry ${verdict.seq}`;
  throw new ExitError(EXIT.failure, `audit trail broken${where}: ${verdict.reason}`);
}

/** The note on a committee that tender.yaml names otherwise than the store holds it. */
function describeDrift(drift: readonly TenderMemberChange[]): string {
  const facts = drift.map(({ entry, stored, register, declare }) => {
    const name = terminalSafe(entry.name);
    const signed = declare && `declaration signed ${terminalSafe(declare)}`;
    if (!stored) return `${name} (${[entry.role, signed].filter(Boolean).join(', ')}) is not registered`;
    const said = [
      register && `${name} is ${entry.role} in tender.yaml, ${stored.role} in the store`,
      signed && `${name}'s ${signed} is not recorded`,
    ];
    return said.filter(Boolean).join('; ');
  });
  return (
    `note: tender.yaml's committee is not the store's: ${facts.join('; ')}. ` +
    "audit verify changes nothing; the next command that writes registers tender.yaml's committee, with audit entries\n"
  );
}
