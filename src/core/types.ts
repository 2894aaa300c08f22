/**
 * The domain model shared by every layer. Configuration and dossier shapes mirror
 * the files of SPEC §2–§4 (snake_case, as written by the committee and the candidates);
 * types that exist only in code are camelCase.
 *
 * Dates are kept as the strings that were validated: instants as RFC 3339 with an
 * offset (`2025-11-28T16:00:00Z`), calendar dates as `YYYY-MM-DD`.
 */

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A text in both working languages of the committee. */
export interface Bilingual {
  fr: string;
  en: string;
}

// ---------------------------------------------------------------- tender.yaml

export type CommitteeRole = 'chair' | 'secretary' | 'evaluator';

export interface CommitteeEntry {
  name: string;
  role: CommitteeRole;
  /** Calendar date the declaration of impartiality was signed, if it was. */
  declaration_signed?: string;
}

export interface SanctionsConfig {
  /** CSV path relative to the workspace: name, aliases (`;`-separated), version. */
  file: string;
}

export interface Tender {
  reference: string;
  title: Bilingual;
  contracting_authority: string;
  /** ISO 4217 code; every threshold is in this currency. */
  currency: string;
  /** Units of each currency for 1 unit of `currency`. */
  exchange_rates: Record<string, number>;
  submission: { opens: string; closes: string };
  shortlist: { min: number; max: number };
  /** First is the default report language. */
  languages: Lang[];
  country_groups: Record<string, string[]>;
  committee: CommitteeEntry[];
  sanctions?: SanctionsConfig;
}

// ---------------------------------------------------------------- criteria.yaml

export type ApplyTo = 'pooled' | 'each_member';

export interface ReferenceFilter {
  tags_any?: string[];
  tags_all?: string[];
  /** ISO codes or group names (EU, ACP, or the tender's country_groups). */
  countries_any?: string[];
  within_years?: number;
  include_ongoing?: boolean;
  /** Effective value, in tender currency. */
  min_value?: number;
}

export interface ExpertFilter {
  min_years?: number;
  domains_any?: string[];
}

export type Rule =
  | { type: 'deadline' }
  | { type: 'documents'; required: string[] }
  | { type: 'nationality'; allowed: string[] }
  | { type: 'declarations'; required: string[] }
  | {
      type: 'turnover';
      years: number;
      average_at_least?: number;
      from?: number;
      to?: number;
      applies_to?: ApplyTo;
    }
  | { type: 'current_ratio'; at_least: number }
  | {
      type: 'staff';
      field: 'total' | 'relevant';
      at_least?: number;
      from?: number;
      to?: number;
      applies_to?: ApplyTo;
    }
  | {
      type: 'references';
      filter: ReferenceFilter;
      at_least?: number;
      points_each?: number;
      applies_to?: ApplyTo;
    }
  | {
      type: 'experts';
      filter: ExpertFilter;
      at_least?: number;
      points_each?: number;
      applies_to?: ApplyTo;
    }
  | {
      type: 'manual';
      guidance: Bilingual;
      scale?: number[];
      aggregate?: 'mean' | 'median';
      /** Spread above which scores are flagged for consensus, as a fraction of `max` (default 0.3). */
      consensus_spread?: number;
    };

export type RuleType = Rule['type'];

export interface Criterion {
  id: string;
  label: Bilingual;
  kind: 'gate' | 'score';
  /** Required for score criteria. */
  max?: number;
  rule: Rule;
}

export interface TieBreaker {
  criterion: string;
  /** A metric of that criterion's result (`count`, `total_value`, `average`, …) or `points`. */
  metric: string;
}

export interface CriteriaSet {
  name: string;
  criteria: Criterion[];
  shortlist_threshold?: number;
  tie_breakers: TieBreaker[];
}

// ---------------------------------------------------------------- dossiers

export type YearAmounts = Record<string, number>;

export interface Financials {
  currency: string;
  turnover?: YearAmounts;
  current_assets?: YearAmounts;
  current_liabilities?: YearAmounts;
}

export interface Reference {
  title: string;
  client?: string;
  countries: string[];
  start?: string;
  /** Absent or after the deadline: the reference is ongoing. */
  end?: string;
  value: number;
  currency: string;
  /** The candidate's share, in (0, 1]; defaults to 1. */
  share: number;
  tags: string[];
}

export interface Expert {
  name: string;
  role?: string;
  years: number;
  domains: string[];
}

/** What every entity of a dossier (the lead and each member) may carry. */
export interface EntityData {
  country: string;
  declarations: Record<string, boolean>;
  financials?: Financials;
  staff?: { total?: number; relevant?: number };
  references: Reference[];
  experts: Expert[];
}

export interface MemberData extends EntityData {
  name: string;
  role: 'member' | 'capacity_provider';
}

export interface Dossier {
  candidate: { name: string; country: string; legal_form?: string };
  submitted_at: string;
  members: MemberData[];
  declarations: Record<string, boolean>;
  financials?: Financials;
  staff?: { total?: number; relevant?: number };
  references: Reference[];
  experts: Expert[];
  /** Document kind → path relative to the candidate's folder. */
  documents: Record<string, string>;
}

/**
 * What the reader found on disk for each `documents` entry, so the core can judge
 * the `documents` rule without touching the file system.
 */
export interface AttachmentFact {
  kind: string;
  path: string;
  status: 'ok' | 'missing' | 'empty' | 'not_a_file';
  size: number;
}

/** The lead and every member, flattened for the rules. */
export interface Entity extends EntityData {
  /** 0 for the lead, i + 1 for members[i]. */
  index: number;
  name: string;
  role: 'lead' | 'member' | 'capacity_provider';
}

// ---------------------------------------------------------------- input problems

/** One problem found in an input file, precise enough to fix it. */
export interface InputIssue {
  /** Path relative to the workspace. */
  file: string;
  line?: number;
  column?: number;
  /** Field path, dotted (`references.2.end`); empty for the whole file. */
  path: string;
  message: string;
}

/** A dossier as read from the workspace: valid with its data, or invalid with every reason. */
export interface ReadDossier {
  /** Folder name, or file name without extension for a bare dossier file. */
  id: string;
  /** Dossier file, relative to the workspace. */
  sourcePath: string;
  /** sha256 over the dossier file and its attachments (hex). */
  hash: string;
  dossier: Dossier | null;
  attachments: AttachmentFact[];
  errors: InputIssue[];
  warnings: InputIssue[];
  /**
   * Only when `dossier` is null: the candidate's name if the file still gives one
   * (`candidate.name`, a non-blank text), so an invalid dossier is addressed by name.
   */
  candidateName?: string;
}

// ---------------------------------------------------------------- committee inputs

export interface ManualScore {
  evaluator: string;
  candidate: string;
  criterion: string;
  points: number;
  comment: string;
  /** Where it came from: `scores/jean.csv:4`, `sheet jean.xlsx!D5`, `prompt`, `flags`. */
  source: string;
  recordedAt: string;
}

export interface Override {
  candidate: string;
  criterion: string;
  passed?: boolean;
  points?: number;
  reason: string;
  by: string;
  at: string;
}

export interface TieDecision {
  /** Candidates the committee chose among those tied at the cut. */
  chosen: string[];
  /** Every candidate that was tied when the decision was taken. */
  tied: string[];
  reason: string;
  by: string;
  at: string;
}

// ---------------------------------------------------------------- results

export type MetricValue = number | string | string[] | null;

/** One item a rule looked at (a reference, an expert, a year, a member) and its verdict. */
export interface ItemVerdict {
  /** Entity index (0 = lead) and name. */
  entity: number;
  entityName: string;
  /** Index of the item within that entity's list (reference i, expert i), or -1. */
  item: number;
  counted: boolean;
  /** Effective value in tender currency, when the item has one. */
  value?: number;
  why: Bilingual;
}

/**
 * The verdict an override replaced. `pending` when it was still awaiting the committee (a
 * sanctions near match to review): its `passed` then says nothing, and was shown as a pass.
 */
export interface AutomaticVerdict {
  passed: boolean | null;
  points: number | null;
  pending?: true;
}

export interface CriterionResult {
  criterion: string;
  kind: 'gate' | 'score';
  /** Gates: the verdict. Scores: null. */
  passed: boolean | null;
  /** Scores: points in [0, max], 2 decimals. Gates, or scores still pending: null. */
  points: number | null;
  metrics: Record<string, MetricValue>;
  /** Human lines: what counted and what did not, and why. */
  explanation: Bilingual[];
  /** Per item detail (references and experts rules). */
  items?: ItemVerdict[];
  /** Manual criteria still waiting for an evaluator. */
  pending?: boolean;
  /** `consensus`: evaluators' spread above the threshold. `review`: needs a committee look. */
  flags?: string[];
  /** Set when the secretary overrode the automatic verdict. */
  override?: Override;
  /** Verdict before the override, kept for the record. */
  automatic?: AutomaticVerdict;
}

/** Evaluation of one candidate, independent of the others. */
export interface CandidateEvaluation {
  id: string;
  name: string;
  country: string;
  dossierHash: string;
  criteria: Record<string, CriterionResult>;
  warnings: InputIssue[];
}

export type Status = 'shortlisted' | 'reserve' | 'tied' | 'pending' | 'rejected' | 'invalid';

export interface Reason {
  /** A criterion id, or `threshold`, `invalid`, `sanctions`. */
  criterion: string;
  message: Bilingual;
}

export interface RankedCandidate {
  id: string;
  name: string;
  country: string;
  status: Status;
  rank: number | null;
  /** Null for invalid and pending candidates. */
  total: number | null;
  criteria: Record<string, CriterionResult>;
  reasons: Reason[];
  warnings: InputIssue[];
  /** Invalid dossiers: every input error. */
  errors: InputIssue[];
  /** Criteria whose manual scores are flagged for consensus. */
  consensus: string[];
}

export interface Tie {
  rank: number;
  candidates: string[];
  /** True when the tie straddles `shortlist.max`. */
  at_cut: boolean;
  /** At the cut: how many shortlist places remain for the tied candidates (`max - rank + 1`). */
  seats?: number;
  /** The committee's decision, once recorded. */
  decision?: TieDecision;
}

export interface Shortlist {
  min: number;
  max: number;
  filled: number;
  below_min: boolean;
  /** Candidates in SPEC §6 order: ranked, pending, rejected, invalid. */
  candidates: RankedCandidate[];
  ties: Tie[];
  /** True while a tie at the cut awaits a decision or manual scores are pending. */
  awaitingCommittee: boolean;
}

// ---------------------------------------------------------------- run record

export interface AuditEntry {
  seq: number;
  at: string;
  who: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  why: string;
  hash: string;
  prevHash: string;
}

/**
 * An audit entry as the exports show it: its `before` and `after` as the JSON text the log stores
 * (empty when absent), cut to a length the caller chose. An ingest's entry names every dossier
 * written and an export's every file: parsed whole, 100,000 of them weighed ~28 MB of every
 * export's heap, for a workbook cell that shows 32,767 characters.
 */
export interface AuditLine {
  seq: number;
  at: string;
  who: string;
  action: string;
  subject: string;
  why: string;
  before: string;
  after: string;
  hash: string;
}

/** Everything an exporter needs; exporters only format this. */
export interface EvaluationReport {
  toolVersion: string;
  /** Version plus a hash of the built code: keys what may be reused across runs (not shown in exports). */
  toolBuild?: string;
  /** The run's clock (ISO). Only the workbook's Run sheet shows it, so Markdown and JSON stay byte-identical. */
  runAt: string;
  tender: Tender;
  tenderHash: string;
  criteria: CriteriaSet;
  criteriaVersion: number;
  criteriaHash: string;
  shortlist: Shortlist;
  /** Every dossier considered, by id: source path and content hash. */
  dossiers: { id: string; sourcePath: string; hash: string }[];
  /**
   * The final results of one candidate with every explanation line and item verdict, read when an
   * export reaches it: ranked candidates carry only what ranking needs (core/summarize.ts), so a
   * report of 10,000 candidates is never held whole in memory. Invalid candidates have none.
   */
  resultsOf: (candidate: RankedCandidate) => Record<string, CriterionResult>;
  /**
   * Lets go of the ranked summaries of `candidates` (of this report) that only the full results
   * are read for from now on: each such candidate is replaced, in the array, by a copy without
   * its summary whose `criteria` (inherited, so not copied by a spread) is read from the store,
   * through resultsOf, when asked. For exports of a large tender, once ranking and the rank table
   * are done (the summaries are most of a report's memory). Absent on reports not made from a store.
   */
  releaseSummaries?: (candidates: RankedCandidate[]) => void;
  /**
   * True for a candidate whose summary was released: none of its results is pending, overridden
   * or flagged, so a table of those need not read it.
   */
  isSummaryReleased?: (candidate: RankedCandidate) => boolean;
  /** The content of one candidate's dossier, read when an export needs it; null when unreadable. */
  dossierOf: (id: string) => Dossier | null;
  scores: ManualScore[];
  overrides: Override[];
  decisions: TieDecision[];
  audit: AuditLine[];
  committee: { name: string; role: CommitteeRole; declaredAt: string | null }[];
  sanctionsListVersion: string | null;
  /** sha256 (hex) of the sanctions list file's bytes, when one was screened against. */
  sanctionsListHash?: string | null;
}
