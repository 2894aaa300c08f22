/**
 * OCDS 1.1 export (SPEC §6): one release describing the prequalification of a restricted
 * procedure, in a release package.
 *
 * Modelling choices (checked against the schemas in `schemas/ocds/`):
 * - `tag: ["tender"]`: a shortlist is the qualification stage of the tender; nothing is awarded
 *   yet, so neither `award` nor `awardUpdate` applies (the 1.1 releaseTag codelist is closed).
 * - Each application is a `bids.details[]` entry (bid extension) with
 *   `submissionType: "expressionOfInterest"` and the extension's `rank` / `hasRank`.
 *   Status: shortlisted, reserve, tied and pending → `valid`; rejected and invalid → `disqualified`.
 *   The tool's own status is kept in the additional field `prequalificationStatus`.
 * - `bids.statistics[]` uses the extension's statistic codes: `requests` (applications received),
 *   `bidders`, `validBids`, `qualifiedBidders` (shortlisted, reserve, tied) and `disqualifiedBidders`.
 * - Criteria go to `tender.selectionCriteria.criteria[]` (selection criteria extension), typed
 *   `economic` (turnover, current ratio), `technical` (staff, references, experts, manual) or
 *   `other` (admissibility and eligibility gates).
 * - Parties: the contracting authority as `buyer`; every candidate's lead and consortium member
 *   as `tenderer`, with `details.consortiumRole`, `details.candidate` and `details.country`
 *   (ISO code: OCDS 1.1 addresses only have a country name).
 */
import type { Criterion, Dossier, EvaluationReport, Lang, RankedCandidate, Status } from '../core/types.js';
import { summarizeShortlist } from './shortlist-summary.js';

export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_selectionCriteria_extension/master/extension.json',
];

export interface OcdsOptions {
  /** Name of the publishing organisation (package `publisher.name`). */
  publisher: string;
  /** Package URI, when the package is published at a known address. */
  uri?: string;
  /** `tender.submissionMethod` codes; tender.yaml has no such fact, so electronic files are assumed. */
  submissionMethod?: string[];
}

type Json = Record<string, unknown>;

const VALID: ReadonlySet<Status> = new Set(['shortlisted', 'reserve', 'tied', 'pending']);
const QUALIFIED: ReadonlySet<Status> = new Set(['shortlisted', 'reserve', 'tied']);

const STATUS_WORDS: Record<Status, Record<Lang, string>> = {
  shortlisted: { fr: 'retenu sur la liste restreinte', en: 'shortlisted' },
  reserve: { fr: 'qualifié, en réserve', en: 'qualified, in reserve' },
  tied: {
    fr: 'ex æquo au seuil, décision du comité attendue',
    en: 'tied at the cut, awaiting the committee',
  },
  pending: { fr: 'notes manuelles en attente', en: 'manual scores pending' },
  rejected: { fr: 'rejeté', en: 'rejected' },
  invalid: { fr: 'dossier illisible', en: 'dossier could not be read' },
};

/** Lowercase ASCII identifier fragment, stable across runs. */
function slugOf(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'x';
}

/** The minimum a gate asks for, in words; score criteria have none. */
function minimumOf(criterion: Criterion, report: EvaluationReport, lang: Lang): string | undefined {
  if (criterion.kind !== 'gate') return undefined;
  const fr = lang === 'fr';
  const rule = criterion.rule;
  const cur = report.tender.currency;
  switch (rule.type) {
    case 'deadline': {
      const { opens, closes } = report.tender.submission;
      return fr ? `reçu entre ${opens} et ${closes}` : `received between ${opens} and ${closes}`;
    }
    case 'documents':
      return rule.required.join(', ');
    case 'nationality':
      return (fr ? 'nationalité : ' : 'nationality: ') + rule.allowed.join(', ');
    case 'declarations':
      return rule.required.join(', ');
    case 'turnover':
      return rule.average_at_least === undefined
        ? undefined
        : fr
          ? `chiffre d'affaires moyen sur ${rule.years} ans ≥ ${rule.average_at_least} ${cur}`
          : `average turnover over ${rule.years} years ≥ ${rule.average_at_least} ${cur}`;
    case 'current_ratio':
      return fr ? `ratio de liquidité ≥ ${rule.at_least}` : `current ratio ≥ ${rule.at_least}`;
    case 'staff':
    case 'references':
    case 'experts':
      return rule.at_least === undefined ? undefined : `≥ ${rule.at_least}`;
    case 'manual':
      return undefined;
  }
}

function criterionType(criterion: Criterion): string {
  switch (criterion.rule.type) {
    case 'turnover':
    case 'current_ratio':
      return 'economic';
    case 'staff':
    case 'references':
    case 'experts':
    case 'manual':
      return 'technical';
    default:
      return 'other';
  }
}

/** Party references of one application: the lead first, then each consortium member. */
function tenderersOf(candidate: RankedCandidate, dossier: Dossier | null): { party: Json; ref: Json }[] {
  const lead = { id: `tenderer-${candidate.id}`, name: candidate.name };
  const out = [
    {
      ref: lead,
      party: {
        ...lead,
        roles: ['tenderer'],
        details: { consortiumRole: 'lead', candidate: candidate.id, country: candidate.country },
      },
    },
  ];
  dossier?.members.forEach((member, i) => {
    const ref = { id: `tenderer-${candidate.id}-${i + 1}`, name: member.name };
    const details = { consortiumRole: member.role, candidate: candidate.id, country: member.country };
    out.push({ ref, party: { ...ref, roles: ['tenderer'], details } });
  });
  return out;
}

function bidOf(candidate: RankedCandidate, dossier: Dossier | null, tenderers: Json[], lang: Lang): Json {
  const words = [STATUS_WORDS[candidate.status][lang]];
  if (candidate.rank !== null) words.push(`${lang === 'fr' ? 'rang' : 'rank'} ${candidate.rank}`);
  if (candidate.total !== null) words.push(`total ${candidate.total}`);
  const bid: Json = { id: candidate.id, submissionType: 'expressionOfInterest' };
  if (dossier) bid.date = dossier.submitted_at;
  bid.description = words.join(lang === 'fr' ? ' ; ' : '; ');
  bid.status = VALID.has(candidate.status) ? 'valid' : 'disqualified';
  bid.tenderers = tenderers;
  bid.hasRank = candidate.rank !== null;
  if (candidate.rank !== null) bid.rank = candidate.rank;
  bid.prequalificationStatus = candidate.status;
  return bid;
}

function statisticsOf(candidates: RankedCandidate[], at: string): Json[] {
  const count = (keep: (c: RankedCandidate) => boolean): number => candidates.filter(keep).length;
  const measures: [string, number][] = [
    ['requests', candidates.length],
    ['bidders', candidates.length],
    ['validBids', count((c) => VALID.has(c.status))],
    ['qualifiedBidders', count((c) => QUALIFIED.has(c.status))],
    ['disqualifiedBidders', count((c) => !VALID.has(c.status))],
  ];
  return measures.map(([measure, value], i) => ({ id: String(i + 1), measure, date: at, value }));
}

/** What one application adds to the release: its parties (lead first) and its bid. */
export interface OcdsApplication {
  parties: Json[];
  lead: Json;
  bid: Json;
}

/** One candidate's application, from its ranked summary and its dossier (null when unreadable). */
export function ocdsApplication(
  candidate: RankedCandidate,
  dossier: Dossier | null,
  lang: Lang,
): OcdsApplication {
  const tenderers = tenderersOf(candidate, dossier);
  return {
    parties: tenderers.map((t) => t.party),
    lead: tenderers[0]!.ref,
    bid: bidOf(
      candidate,
      dossier,
      tenderers.map((t) => t.ref),
      lang,
    ),
  };
}

/** The language of the release: the tender's first. */
export function ocdsLanguage(report: EvaluationReport): Lang {
  return report.tender.languages[0] ?? 'en';
}

/**
 * Builds the OCDS 1.1 release package of the evaluation (one release). Pure and deterministic.
 * `applications` are the candidates' in the report's order; by default each dossier is read here.
 */
export function buildOcdsReleasePackage(
  report: EvaluationReport,
  options: OcdsOptions,
  applications: readonly OcdsApplication[] = report.shortlist.candidates.map((candidate) =>
    ocdsApplication(candidate, report.dossierOf(candidate.id), ocdsLanguage(report)),
  ),
): Json {
  const { tender, shortlist } = report;
  const lang = ocdsLanguage(report);
  const ocid = `ocds-prequal-${tender.reference}`;
  const buyer = { id: `buyer-${slugOf(tender.contracting_authority)}`, name: tender.contracting_authority };
  const parties: Json[] = [{ ...buyer, roles: ['buyer'] }, ...applications.flatMap((a) => a.parties)];
  const details = applications.map((a) => a.bid);
  const leads = applications.map((a) => a.lead);
  const criteria = report.criteria.criteria.map((criterion) => {
    const entry: Json = {
      id: criterion.id,
      type: criterionType(criterion),
      description: `${criterion.id}: ${criterion.label[lang]}`,
    };
    const minimum = minimumOf(criterion, report, lang);
    if (minimum !== undefined) entry.minimum = minimum;
    return entry;
  });
  const release: Json = {
    ocid,
    id: `${ocid}-shortlist-v${report.criteriaVersion}-${report.runAt.replace(/[^0-9A-Za-z]/g, '')}`,
    date: report.runAt,
    tag: ['tender'],
    initiationType: 'tender',
    language: lang,
    parties,
    buyer,
    tender: {
      id: tender.reference,
      title: tender.title[lang],
      title_fr: tender.title.fr,
      title_en: tender.title.en,
      // Below-minimum shortlists and ties awaiting the committee must be said in every output (SPEC §5).
      description: summarizeShortlist(shortlist, lang).join('. '),
      status: 'active',
      procurementMethod: 'selective',
      procurementMethodDetails: 'Restricted procedure (PRAG) – prequalification / shortlist',
      submissionMethod: options.submissionMethod ?? ['electronicSubmission'],
      tenderPeriod: { startDate: tender.submission.opens, endDate: tender.submission.closes },
      selectionCriteria: { criteria },
      numberOfTenderers: shortlist.candidates.length,
      tenderers: leads,
    },
    bids: { statistics: statisticsOf(shortlist.candidates, report.runAt), details },
  };
  const pkg: Json = {};
  if (options.uri !== undefined) pkg.uri = options.uri;
  Object.assign(pkg, {
    version: '1.1',
    extensions: OCDS_EXTENSIONS,
    publishedDate: report.runAt,
    publisher: { name: options.publisher },
    releases: [release],
  });
  return pkg;
}

/** The package as text: 2-space JSON with a trailing newline; the publisher defaults to the contracting authority. */
export function renderOcds(
  report: EvaluationReport,
  options: Partial<OcdsOptions> = {},
  applications?: readonly OcdsApplication[],
): string {
  const publisher = options.publisher ?? report.tender.contracting_authority;
  return `${JSON.stringify(buildOcdsReleasePackage(report, { ...options, publisher }, applications), null, 2)}\n`;
}
