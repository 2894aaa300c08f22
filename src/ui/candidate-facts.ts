import chalk from 'chalk';
import type { Dossier, EntityData, Lang } from '../core/types.js';
import { terminalSafe } from './terminal-text.js';

const WORDS = {
  fr: {
    members: 'membres',
    references: 'références',
    experts: 'experts',
    ongoing: 'en cours',
    ends: 'fin prévue',
    ended: 'achevé le',
    years: 'ans',
    none: 'aucune',
  },
  en: {
    members: 'members',
    references: 'references',
    experts: 'experts',
    ongoing: 'ongoing',
    ends: 'ends',
    ended: 'ended',
    years: 'years',
    none: 'none',
  },
} as const;

/**
 * What an evaluator needs on screen to judge a candidate: name, country, members, every
 * reference (title, client, countries, end, tags) and expert. Every candidate-written text
 * goes through terminalSafe, so a dossier cannot drive the terminal. A reference ending after
 * `deadline` (the submission deadline, `YYYY-MM-DD…`) is shown as ongoing, as the rules count it.
 */
export function renderCandidateFacts(id: string, dossier: Dossier, lang: Lang, deadline: string): string {
  const w = WORDS[lang];
  const safe = (text: string) => terminalSafe(text);
  const lines = [chalk.bold(`${id} — ${safe(dossier.candidate.name)} (${safe(dossier.candidate.country)})`)];
  if (dossier.members.length > 0) {
    const members = dossier.members.map((m) => `${safe(m.name)} (${safe(m.country)}, ${m.role})`);
    lines.push(`  ${w.members}: ${members.join('; ')}`);
  }
  // Members' references are marked with the member's name; the lead's are not.
  const entities: { name: string | null; data: EntityData }[] = [
    { name: null, data: { ...dossier, country: dossier.candidate.country } },
    ...dossier.members.map((m) => ({ name: m.name, data: m })),
  ];
  const day = deadline.slice(0, 10);
  lines.push(`  ${w.references}:`);
  let references = 0;
  for (const { name, data } of entities) {
    for (const ref of data.references) {
      references += 1;
      const end = !ref.end
        ? w.ongoing
        : ref.end > day
          ? `${w.ongoing}, ${w.ends} ${ref.end}`
          : `${w.ended} ${ref.end}`;
      const parts = [
        safe(ref.title),
        ref.client ? safe(ref.client) : null,
        ref.countries.map(safe).join(', '),
        end,
        ref.tags.length > 0 ? `[${ref.tags.map(safe).join(', ')}]` : null,
        name === null ? null : `(${safe(name)})`,
      ];
      lines.push(`    ${references}. ${parts.filter((p) => p !== null && p !== '').join(' — ')}`);
    }
  }
  if (references === 0) lines.push(`    ${w.none}`);
  lines.push(`  ${w.experts}:`);
  const experts = entities.flatMap(({ data }) => data.experts);
  for (const expert of experts) {
    const role = expert.role ? `, ${safe(expert.role)}` : '';
    const domains = expert.domains.length > 0 ? ` — ${expert.domains.map(safe).join(', ')}` : '';
    lines.push(`    ${safe(expert.name)}${role}, ${expert.years} ${w.years}${domains}`);
  }
  if (experts.length === 0) lines.push(`    ${w.none}`);
  return `${lines.join('\n')}\n`;
}
