import { datedAfter } from '../core/dates.js';
import { didYouMean } from '../core/person-names.js';
import type { CriteriaSet, InputIssue, ManualScore } from '../core/types.js';

/** A manual score as written by an evaluator (CSV row, sheet row, prompt or flags), before checks. */
export interface ScoreRow {
  evaluator: string;
  candidate: string;
  criterion: string;
  points: string;
  comment: string;
  /** Where the row came from, for messages: file, line and, for sheets, the cell of each field. */
  file: string;
  line?: number;
  cells?: Partial<Record<'evaluator' | 'candidate' | 'criterion' | 'points' | 'comment', string>>;
}

export interface CommitteeView {
  /** Registered members: name → role and when their declaration is dated (null before any). */
  members: Map<string, { role: string; declaredAt: string | null }>;
  /** Ids of the dossiers present (not withdrawn), valid or not. */
  candidates: Set<string>;
}

/**
 * Checks every row against the committee, the candidates and the criteria, and reports every
 * problem at once. The caller records the rows only when no issue is returned (all or nothing).
 * With no registered committee, any evaluator name is accepted (SPEC: voters are then everyone who scored).
 */
/** What one score is of: an evaluator's points for one candidate on one criterion. */
export const scoreKey = (row: Pick<ScoreRow, 'evaluator' | 'candidate' | 'criterion'>): string =>
  `${row.evaluator}\u0000${row.candidate}\u0000${row.criterion}`;

export function checkScoreRows(
  rows: ScoreRow[],
  criteria: CriteriaSet,
  view: CommitteeView,
  recordedAt: string,
): { scores: ManualScore[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const scores: ManualScore[] = [];
  const seen = new Map<string, number | undefined>();
  for (const row of rows) {
    const problem = (field: keyof NonNullable<ScoreRow['cells']>, message: string) =>
      issues.push({ file: row.file, line: row.line, path: row.cells?.[field] ?? field, message });
    const before = issues.length;
    const member = view.members.get(row.evaluator);
    if (view.members.size > 0) {
      if (!member)
        problem(
          'evaluator',
          `unknown evaluator ${JSON.stringify(row.evaluator)} (not registered in the committee)${didYouMean(row.evaluator, view.members.keys())}`,
        );
      else if (member.role !== 'evaluator')
        problem('evaluator', `${JSON.stringify(row.evaluator)} is the ${member.role} and does not vote`);
      else if (member.declaredAt === null)
        problem(
          'evaluator',
          `${JSON.stringify(row.evaluator)} has not recorded a declaration of impartiality and confidentiality`,
        );
      else if (datedAfter(member.declaredAt, recordedAt))
        problem(
          'evaluator',
          `${JSON.stringify(row.evaluator)} declared impartiality and confidentiality on ${member.declaredAt}, after this score (${recordedAt}): the declaration must come first`,
        );
    } else if (!row.evaluator.trim()) problem('evaluator', 'evaluator is empty');
    if (!view.candidates.has(row.candidate))
      problem('candidate', `unknown candidate ${JSON.stringify(row.candidate)}`);
    const criterion = criteria.criteria.find((c) => c.id === row.criterion);
    if (!criterion) problem('criterion', `unknown criterion ${JSON.stringify(row.criterion)}`);
    else if (criterion.rule.type !== 'manual')
      problem('criterion', `criterion ${row.criterion} is not scored by evaluators`);
    const points = parsePoints(row.points);
    if (points === null) problem('points', `points ${JSON.stringify(row.points)} is not a number`);
    else if (criterion?.rule.type === 'manual') {
      const max = criterion.max ?? 0;
      if (points < 0 || points > max)
        problem('points', `points ${points} out of range [0, ${max}] for ${criterion.id}`);
      else if (criterion.rule.scale && !criterion.rule.scale.includes(points))
        problem(
          'points',
          `points ${points} is not on the scale ${criterion.rule.scale.join(', ')} of ${criterion.id}`,
        );
    }
    if (!row.comment.trim()) problem('comment', 'a comment is required with every score');
    const key = scoreKey(row);
    if (seen.has(key)) problem('criterion', `duplicate score (also at line ${seen.get(key) ?? '?'})`);
    seen.set(key, row.line);
    if (issues.length === before && points !== null) {
      scores.push({
        evaluator: row.evaluator,
        candidate: row.candidate,
        criterion: row.criterion,
        points,
        comment: row.comment,
        source: row.line === undefined ? row.file : `${row.file}:${row.line}`,
        recordedAt,
      });
    }
  }
  return { scores, issues };
}

/**
 * Points as evaluators write them: a plain decimal number, with a point or a French decimal comma
 * (`14.5`, `14,5`); a sign is read so a negative is reported as out of range. Anything else (`0x10`,
 * `1e1`, empty, `Infinity`), which `Number()` would accept, is null.
 */
export function parsePoints(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

/** `14,5` (a French decimal comma, as typed in a prompt or a sheet) → `14.5`; anything else unchanged. */
export function normalizePoints(text: string): string {
  return text.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
}
