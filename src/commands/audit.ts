import type { Context } from '../context.js';
import { EXIT, ExitError } from '../errors.js';
import { withReadingSession } from '../pipeline/session.js';
import { findStoreDamage, listAudit, verifyAudit } from '../store/index.js';
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
 * or the first record that does not match its entry.
 */
export async function auditVerifyCommand(ctx: Context): Promise<void> {
  const verdict = await withReadingSession(ctx, (session) => {
    const damage = findStoreDamage(session.store);
    if (damage !== null) {
      throw new ExitError(
        EXIT.failure,
        `store damaged: SQLite's check of ${session.store.file} reports "${damage}"; restore it from a backup`,
      );
    }
    return verifyAudit(session.store);
  });
  if (verdict.ok) {
    ctx.out(
      `audit trail intact: ${verdict.count} entries, hash chain verified, ` +
        'criteria versions, committee members, overrides, tie decisions and manual scores match their entries\n',
    );
    return;
  }
  const where = verdict.seq === null ? '' : ` at entry ${verdict.seq}`;
  throw new ExitError(EXIT.failure, `audit trail broken${where}: ${verdict.reason}`);
}
