import type { Lang, Shortlist } from '../core/types.js';

/**
 * The state of the shortlist in one or two sentences — filled seats, fewer qualified than the
 * minimum, a tie at the cut awaiting the committee, pending candidates — for the outputs that
 * have no section of their own for it (the workbook's Run sheet, the OCDS description).
 */
export function summarizeShortlist(shortlist: Shortlist, lang: Lang): string[] {
  const fr = lang === 'fr';
  const lines = [
    fr
      ? `${shortlist.filled} candidat(s) retenu(s) pour une liste restreinte de ${shortlist.min} à ${shortlist.max}`
      : `${shortlist.filled} candidate(s) shortlisted for a shortlist of ${shortlist.min} to ${shortlist.max}`,
  ];
  const pendingCount = shortlist.candidates.filter((c) => c.status === 'pending').length;
  if (shortlist.below_min && pendingCount > 0) {
    // While scores are pending the count can still rise: "so far", not a verdict.
    lines.push(
      fr
        ? `à ce stade, moins de ${shortlist.min} candidats sont qualifiés ; les candidatures en attente peuvent encore changer ce constat`
        : `so far fewer than ${shortlist.min} candidates qualify; the pending ones may still change that`,
    );
  } else if (shortlist.below_min) {
    lines.push(
      fr
        ? `moins de ${shortlist.min} candidats qualifiés : la liste restreinte est en deçà du minimum`
        : `fewer than ${shortlist.min} candidates qualify: the shortlist is below its minimum`,
    );
  }
  for (const tie of shortlist.ties.filter((t) => t.at_cut && !t.decision)) {
    const ids = tie.candidates.join(', ');
    lines.push(
      fr
        ? `ex æquo au rang ${tie.rank}, à la limite de la liste (${ids}) : décision du comité requise`
        : `tie at rank ${tie.rank} across the cut (${ids}): the committee must decide`,
    );
  }
  const pending = shortlist.candidates.filter((c) => c.status === 'pending').map((c) => c.id);
  if (pending.length > 0) {
    lines.push(fr ? `en attente : ${pending.join(', ')}` : `pending: ${pending.join(', ')}`);
  }
  return lines;
}
