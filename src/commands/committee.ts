import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import type { Context } from '../context.js';
import { didYouMean, otherSpelling } from '../core/person-names.js';
import type { CommitteeRole } from '../core/types.js';
import { EXIT, UserError } from '../errors.js';
import { reportLanguage, withReadingSession, withSession } from '../pipeline/session.js';
import { addMember, listMembers, recordDeclaration } from '../store/index.js';
import { askConfirm } from '../ui/prompts.js';
import { terminalSafe } from '../ui/terminal-text.js';

const DECLARATIONS = fileURLToPath(new URL('../../templates/declarations/', import.meta.url));

/** `prequal committee add NAME --role ROLE`. */
export async function committeeAddCommand(
  ctx: Context,
  options: { role: CommitteeRole },
  name: string,
): Promise<void> {
  if (!name.trim()) throw new UserError('a member needs a name', EXIT.usage);
  await withSession(ctx, (session) => {
    // Every command registers tender.yaml's committee again, roles included: a role given here to
    // one of its members would be reported done and undone by the next command.
    const listed = session.tender.committee.find((member) => member.name === name);
    if (listed && listed.role !== options.role)
      throw new UserError(
        `${name} is on the committee of tender.yaml as ${listed.role}: change the role there, not here`,
      );
    // A second spelling of a member's name would register a second voter (core/person-names.ts).
    const names = listMembers(session.store).map((member) => member.name);
    const spelling = names.includes(name) ? undefined : otherSpelling(name, names);
    if (spelling !== undefined)
      throw new UserError(
        `"${name}" is the committee member "${spelling}" spelt differently: use that name exactly (names may not differ only in case, accents, spacing or punctuation)`,
      );
    const changed = addMember(
      session.store,
      { name, role: options.role, source: 'cli' },
      { by: ctx.user, at: session.at },
    );
    ctx.out(
      changed
        ? `registered ${name} as ${options.role}\n`
        : `${name} is already registered as ${options.role}\n`,
    );
  });
}

/** `prequal committee list`. */
export async function committeeListCommand(ctx: Context, options: { json?: boolean }): Promise<void> {
  await withReadingSession(ctx, (session) => {
    const members = listMembers(session.store);
    if (options.json) {
      ctx.out(
        `${JSON.stringify(
          members.map(({ declarationText: _t, ...m }) => m),
          null,
          2,
        )}\n`,
      );
      return;
    }
    if (members.length === 0) ctx.out('no committee member registered\n');
    for (const m of members) {
      const votes = m.role === 'evaluator' ? 'votes' : 'does not vote';
      ctx.out(
        `${terminalSafe(m.name)}\t${m.role} (${votes})\t${m.declaredAt ? `declared ${m.declaredAt}` : 'declaration missing'}\n`,
      );
    }
  });
}

/**
 * `prequal committee declare NAME`: shows the declaration of impartiality and confidentiality in the
 * tender's language and records it once confirmed (a prompt on a terminal, --yes otherwise).
 */
export async function committeeDeclareCommand(
  ctx: Context,
  options: { yes?: boolean },
  name: string,
): Promise<void> {
  await withSession(ctx, async (session) => {
    const members = listMembers(session.store);
    const member = members.find((m) => m.name === name);
    if (!member)
      throw new UserError(
        `"${name}" is not a committee member${didYouMean(
          name,
          members.map((m) => m.name),
        )}: add them with \`prequal committee add\``,
      );
    if (member.declaredAt) {
      ctx.out(`${name} already declared on ${member.declaredAt}\n`);
      return;
    }
    const lang = reportLanguage(session);
    const template = fs.readFileSync(`${DECLARATIONS}declaration.${lang}.md`, 'utf8');
    const text = Mustache.render(
      template,
      { name, reference: session.tender.reference, title: session.tender.title[lang] },
      {},
      { escape: (v: string) => v },
    );
    ctx.err(`${text}\n`);
    let confirmed = options.yes === true;
    if (!confirmed) {
      if (!ctx.interactive)
        throw new UserError('confirm the declaration with --yes when not on a terminal', EXIT.usage);
      confirmed = await askConfirm(`${name}, do you make this declaration?`, false);
    }
    if (!confirmed) throw new UserError('declaration not confirmed: nothing recorded');
    recordDeclaration(session.store, name, session.at, text, { by: ctx.user, at: session.at });
    ctx.out(`declaration of ${name} recorded at ${session.at}\n`);
  });
}
