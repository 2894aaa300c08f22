import { colon, formatQuantity } from '../core/text.js';
import type { Lang, Status } from '../core/types.js';
import { labelsFor } from '../export/labels.js';
import type { Attempt, ClosestAnswer, Outcome } from './closest.js';
import type { Blocker } from './threshold-options.js';

const NOT_APPLICABLE: Record<string, Record<Lang, string>> = {
  shortlisted: {
    fr: 'déjà présélectionné : aucun changement nécessaire',
    en: 'already shortlisted: nothing to change',
  },
  tied: {
    fr: "à égalité au seuil de la liste : c'est la décision du comité (prequal decide), pas un seuil, qui tranche",
    en: "tied at the cut: the committee's decision (prequal decide), not a threshold, settles it",
  },
  pending: {
    fr: 'notes manuelles en attente : la question se pose une fois les notes saisies',
    en: 'manual scores pending: ask again once every score is in',
  },
  invalid: {
    fr: 'dossier illisible : aucun seuil ne s’applique',
    en: 'unreadable dossier: no threshold applies',
  },
};

const statusWord = (status: Status, lang: Lang) => labelsFor(lang).status[status].toLowerCase();

const percent = (relative: number | null, lang: Lang) =>
  relative === null ? '' : ` (${formatQuantity(Math.round(relative * 10000) / 100, lang)} %)`;

function describeChange(a: Attempt, to: number, lang: Lang): string {
  const verb = to < a.from ? (lang === 'fr' ? 'abaisser' : 'lower') : lang === 'fr' ? 'relever' : 'raise';
  const join = lang === 'fr' ? ['de', 'à'] : ['from', 'to'];
  return `${verb} ${a.parameter} ${join[0]} ${formatQuantity(a.from, lang)} ${join[1]} ${formatQuantity(to, lang)}${percent(a.relative, lang)}`;
}

function describeOutcome(o: Outcome, cut: number, lang: Lang): string {
  const rank = o.rank === null ? '' : lang === 'fr' ? `, rang ${o.rank}` : `, rank ${o.rank}`;
  const still = o.reasons.length > 0 ? ` (${o.reasons.join(', ')})` : '';
  const cutNote =
    o.status === 'reserve' || o.status === 'tied'
      ? lang === 'fr'
        ? ` (liste limitée à ${cut})`
        : ` (cut at ${cut})`
      : '';
  return `${statusWord(o.status, lang)}${rank}${still}${cutNote}`;
}

function describeAttempt(a: Attempt, cut: number, lang: Lang): string {
  if (a.to === null || a.outcome === null) {
    return lang === 'fr'
      ? `${a.parameter} (${formatQuantity(a.from, lang)}) : aucune valeur essayée ne suffit`
      : `${a.parameter} (${formatQuantity(a.from, lang)}): no value tried is enough`;
  }
  const result = describeOutcome(a.outcome, cut, lang);
  return `${describeChange(a, a.to, lang)} → ${a.works ? '' : lang === 'fr' ? 'insuffisant : ' : 'not enough: '}${result}`;
}

function describeBlocker(b: Blocker, lang: Lang): string {
  if (b.reason === 'override') {
    return lang === 'fr'
      ? `${b.criterion} est écarté par une décision du secrétaire : aucun seuil n'y change rien`
      : `${b.criterion} was failed by the secretary's override: no threshold change applies`;
  }
  if (b.reason === 'not_computable') {
    return lang === 'fr'
      ? `${b.criterion} (${b.rule}) : une donnée manque, aucun seuil ne peut le satisfaire`
      : `${b.criterion} (${b.rule}): a figure is missing, no threshold change can fix it`;
  }
  return lang === 'fr'
    ? `aucun changement de seuil ne peut satisfaire ${b.criterion} (${b.rule})`
    : `no threshold change can fix ${b.criterion} (${b.rule})`;
}

/** The answer of `explain --closest`, in the report language. */
export function renderClosestAnswer(answer: ClosestAnswer, name: string, lang: Lang): string {
  const lines = [`${answer.candidate} — ${name}${colon(lang)}${statusWord(answer.status, lang)}`];
  if (!answer.applicable) {
    lines.push(NOT_APPLICABLE[answer.status]?.[lang] ?? answer.status);
    return `${lines.join('\n')}\n`;
  }
  if (answer.best?.to != null) {
    const head =
      lang === 'fr' ? 'plus petit changement qui le présélectionne' : 'smallest change that shortlists it';
    lines.push(`${head}${colon(lang)}${describeChange(answer.best, answer.best.to, lang)}`);
  } else {
    lines.push(
      lang === 'fr'
        ? 'aucun changement d’un seul seuil publié ne le présélectionnerait'
        : 'no single change of one published threshold would shortlist it',
    );
  }
  for (const blocker of answer.blockers) lines.push(`  ${describeBlocker(blocker, lang)}`);
  if (answer.attempts.length > 0) lines.push(lang === 'fr' ? 'seuils examinés :' : 'thresholds examined:');
  for (const attempt of answer.attempts) lines.push(`  ${describeAttempt(attempt, answer.cut, lang)}`);
  return `${lines.join('\n')}\n`;
}
