/**
 * Every fixed word the exporters print, in both working languages. A translator or the
 * secretary can correct wording here without reading any export logic.
 */
import type { Lang, Status } from '../core/types.js';

export interface Labels {
  status: Record<Status, string>;
  kind: { gate: string; score: string };
  pass: string;
  fail: string;
  yes: string;
  no: string;
  none: string;
  pending: string;
  /** Labels of reason codes that are not criteria. */
  reasonCriteria: Record<string, string>;
  headers: {
    shortlist: {
      rank: string;
      id: string;
      name: string;
      country: string;
      status: string;
      total: string;
      reasons: string;
    };
    gates: {
      id: string;
      name: string;
      received: string;
      gate: string;
      label: string;
      result: string;
      reason: string;
      override: string;
    };
    experience: {
      id: string;
      member: string;
      number: string;
      title: string;
      client: string;
      countries: string;
      start: string;
      end: string;
      value: string;
      tags: string;
      /** Suffix of the per-criterion column: did the reference count, and why. */
      counted: string;
    };
    evaluators: {
      evaluator: string;
      id: string;
      name: string;
      criterion: string;
      points: string;
      comment: string;
      source: string;
      committeeValue: string;
      spread: string;
      consensus: string;
    };
    audit: {
      seq: string;
      at: string;
      who: string;
      action: string;
      subject: string;
      why: string;
      before: string;
      after: string;
      hash: string;
    };
    run: { key: string; value: string; hash: string };
  };
  run: {
    toolVersion: string;
    runAt: string;
    tender: string;
    criteria: string;
    criteriaVersion: string;
    sanctions: string;
    shortlist: string;
    dossier: string;
  };
  consensusFlag: string;
  overrideBy: (by: string, at: string, reason: string) => string;
}

const FR: Labels = {
  status: {
    shortlisted: 'Retenu',
    reserve: 'Réserve',
    tied: 'Ex æquo (décision attendue)',
    pending: 'En attente',
    rejected: 'Rejeté',
    invalid: 'Dossier invalide',
  },
  kind: { gate: 'éliminatoire', score: 'notation' },
  pass: 'Conforme',
  fail: 'Non conforme',
  yes: 'oui',
  no: 'non',
  none: '—',
  pending: 'en attente',
  reasonCriteria: {
    threshold: 'Seuil de qualification',
    invalid: 'Dossier irrecevable (illisible ou incomplet)',
    sanctions: 'Listes de sanctions',
  },
  headers: {
    shortlist: {
      rank: 'Rang',
      id: 'Identifiant',
      name: 'Candidat',
      country: 'Pays',
      status: 'Statut',
      total: 'Total',
      reasons: 'Motifs',
    },
    gates: {
      id: 'Identifiant',
      name: 'Candidat',
      received: 'Reçu le (UTC)',
      gate: 'Critère',
      label: 'Intitulé',
      result: 'Résultat',
      reason: 'Motif',
      override: 'Décision manuelle',
    },
    experience: {
      id: 'Identifiant',
      member: 'Membre',
      number: 'Réf. n°',
      title: 'Intitulé',
      client: 'Client',
      countries: 'Pays',
      start: 'Début',
      end: 'Fin',
      value: 'Valeur effective',
      tags: 'Thèmes',
      counted: 'prise en compte ?',
    },
    evaluators: {
      evaluator: 'Évaluateur',
      id: 'Identifiant',
      name: 'Candidat',
      criterion: 'Critère',
      points: 'Points',
      comment: 'Commentaire',
      source: 'Source',
      committeeValue: 'Note du comité',
      spread: 'Écart',
      consensus: 'Consensus requis',
    },
    audit: {
      seq: 'N°',
      at: 'Date',
      who: 'Auteur',
      action: 'Action',
      subject: 'Objet',
      why: 'Justification',
      before: 'Avant',
      after: 'Après',
      hash: 'Empreinte',
    },
    run: { key: 'Élément', value: 'Valeur', hash: 'Empreinte (SHA-256)' },
  },
  run: {
    toolVersion: 'Version de prequal',
    runAt: "Date d'exécution",
    tender: 'Procédure',
    criteria: 'Grille de critères',
    criteriaVersion: 'Version de la grille',
    sanctions: 'Liste de sanctions (version)',
    shortlist: 'Liste restreinte',
    dossier: 'Dossier',
  },
  consensusFlag: 'écart au-delà du seuil',
  overrideBy: (by, at, reason) => `${by}, ${at} : ${reason}`,
};

const EN: Labels = {
  status: {
    shortlisted: 'Shortlisted',
    reserve: 'Reserve',
    tied: 'Tied (decision required)',
    pending: 'Pending',
    rejected: 'Rejected',
    invalid: 'Invalid dossier',
  },
  kind: { gate: 'pass/fail', score: 'scored' },
  pass: 'PASS',
  fail: 'FAIL',
  yes: 'yes',
  no: 'no',
  none: '—',
  pending: 'pending',
  reasonCriteria: {
    threshold: 'Qualification threshold',
    invalid: 'Inadmissible dossier (unreadable or incomplete)',
    sanctions: 'Sanctions lists',
  },
  headers: {
    shortlist: {
      rank: 'Rank',
      id: 'Id',
      name: 'Candidate',
      country: 'Country',
      status: 'Status',
      total: 'Total',
      reasons: 'Reasons',
    },
    gates: {
      id: 'Id',
      name: 'Candidate',
      received: 'Received (UTC)',
      gate: 'Criterion',
      label: 'Label',
      result: 'Result',
      reason: 'Reason',
      override: 'Override',
    },
    experience: {
      id: 'Id',
      member: 'Member',
      number: 'Ref. #',
      title: 'Title',
      client: 'Client',
      countries: 'Countries',
      start: 'Start',
      end: 'End',
      value: 'Effective value',
      tags: 'Tags',
      counted: 'counted?',
    },
    evaluators: {
      evaluator: 'Evaluator',
      id: 'Id',
      name: 'Candidate',
      criterion: 'Criterion',
      points: 'Points',
      comment: 'Comment',
      source: 'Source',
      committeeValue: 'Committee value',
      spread: 'Spread',
      consensus: 'Consensus needed',
    },
    audit: {
      seq: '#',
      at: 'At',
      who: 'Who',
      action: 'Action',
      subject: 'Subject',
      why: 'Why',
      before: 'Before',
      after: 'After',
      hash: 'Hash',
    },
    run: { key: 'Item', value: 'Value', hash: 'Hash (SHA-256)' },
  },
  run: {
    toolVersion: 'prequal version',
    runAt: 'Run time',
    tender: 'Procedure',
    criteria: 'Criteria set',
    criteriaVersion: 'Criteria version',
    sanctions: 'Sanctions list version',
    shortlist: 'Shortlist',
    dossier: 'Dossier',
  },
  consensusFlag: 'spread above threshold',
  overrideBy: (by, at, reason) => `${by}, ${at}: ${reason}`,
};

export const LABELS: Record<Lang, Labels> = { fr: FR, en: EN };

/** The wording for one language. */
export function labelsFor(lang: Lang): Labels {
  return LABELS[lang];
}

/**
 * `1 place`, `2 places`: a count with its noun agreed. French keeps 0 and 1 singular
 * (« 0 candidat », « 1 place »), English only 1.
 */
export function formatCount(count: number, lang: Lang, singular: string, plural: string): string {
  const one = lang === 'fr' ? Math.abs(count) < 2 : count === 1;
  return `${count} ${one ? singular : plural}`;
}
