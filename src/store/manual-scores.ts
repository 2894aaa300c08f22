import { datedAfter } from '../core/dates.js';
import { didYouMean } from '../core/person-names.js';
import type { ManualScore } from '../core/types.js';
import { UserError } from '../errors.js';
import { appendAudit } from './audit-log.js';
import type { ActMeta } from './committee.js';
import { statement } from './prepared.js';
import type { Store } from './store-handle.js';
import { withWriteTransaction } from './write-transaction.js';

/** A row of `manual_scores`. */
export interface ScoreRow {
  id: number;
  evaluator: string;
  candidate: string;
  criterion: string;
  points: number;
  comment: string;
  source: string;
  recorded_at: string;
  /** 1 once a later score of the same evaluator, candidate and criterion replaced it. */
  superseded: number;
}

/**
 * Records evaluators' scores, all or nothing: one refused score leaves none of the batch stored.
 *
 * The latest score of an (evaluator, candidate, criterion) wins; the earlier one stays in the
 * table, marked superseded, and the audit log keeps both values. A score equal to the current one
 * (same points and comment) is not recorded again, so re-reading the same `scores/*.csv` on every
 * run adds nothing; with `rereadFile`, neither is one equal to the last score read from that file
 * (a revision typed since stands until the file's row itself changes). When a committee is
 * registered, an evaluator must be in it with the `evaluator` role (chair and secretary do not
 * vote) and have declared impartiality first, on or before the score (SPEC §5); with no committee
 * at all, any named evaluator is accepted (voters are then everyone who scored). Ranges against
 * the criterion's `max` are the caller's check: the store does not know which criteria version
 * applies.
 */
export function recordScores(
  store: Store,
  scores: readonly ManualScore[],
  meta: ActMeta,
  options: RecordScoreOptions = {},
): { recorded: number; unchanged: number } {
  return withWriteTransaction(store.db, () => {
    let recorded = 0;
    for (const score of scores) {
      assertMayScore(store, score);
      if (options.rereadFile !== undefined && sameAsLastReadFrom(store, score, options.rereadFile)) continue;
      const current = statement(
        store.db,
        `SELECT * FROM manual_scores
         WHERE evaluator = ? AND candidate = ? AND criterion = ? AND superseded = 0`,
      ).get(score.evaluator, score.candidate, score.criterion) as ScoreRow | undefined;
      if (current && current.points === score.points && current.comment === score.comment) continue;
      if (current)
        statement(store.db, 'UPDATE manual_scores SET superseded = 1 WHERE id = ?').run(current.id);
      statement(
        store.db,
        `INSERT INTO manual_scores (evaluator, candidate, criterion, points, comment, source, recorded_at)
         VALUES (@evaluator, @candidate, @criterion, @points, @comment, @source, @recordedAt)`,
      ).run(score);
      appendAudit(store.db, {
        at: meta.at,
        who: meta.by,
        action: 'score.record',
        subject: `${score.candidate} ${score.criterion} ${score.evaluator}`,
        before: current ? { points: current.points, comment: current.comment, source: current.source } : null,
        after: {
          points: score.points,
          comment: score.comment,
          source: score.source,
          // The entry's `at` is the score's time, as every command records it; a score the caller
          // dates otherwise says so, so that `audit verify` can hold `recorded_at` to the entry.
          ...(score.recordedAt === meta.at ? {} : { recordedAt: score.recordedAt }),
        },
        why: score.comment,
      });
      recorded++;
    }
    return { recorded, unchanged: scores.length - recorded };
  });
}

export interface RecordScoreOptions {
  /**
   * The scores are a file read again on every run (`scores/*.csv`): a score equal to the last one
   * recorded from that file is left alone even when a later one (typed with `prequal score`, an
   * imported sheet) superseded it since. Comparing with the current score instead put the file's
   * old points back at the next run, silently undoing the committee's revision.
   */
  rereadFile?: string;
}

/** True when the last score `file` gave for this evaluator, candidate and criterion is `score`'s. */
function sameAsLastReadFrom(store: Store, score: ManualScore, file: string): boolean {
  const prefix = `${file}:`;
  const last = statement(
    store.db,
    `SELECT points, comment FROM manual_scores
     WHERE evaluator = ? AND candidate = ? AND criterion = ? AND (source = ? OR substr(source, 1, ?) = ?)
     ORDER BY id DESC LIMIT 1`,
  ).get(score.evaluator, score.candidate, score.criterion, file, prefix.length, prefix) as
    | Pick<ScoreRow, 'points' | 'comment'>
    | undefined;
  return last !== undefined && last.points === score.points && last.comment === score.comment;
}

function assertMayScore(store: Store, score: ManualScore): void {
  const where = `${score.source}: `;
  if (!Number.isFinite(score.points) || score.points < 0) {
    throw new UserError(`${where}points must be a number of at least 0, not ${score.points}.`);
  }
  if (score.evaluator.trim() === '') throw new UserError(`${where}the evaluator's name is empty.`);
  // With no committee registered, SPEC §5 counts everyone who scored: there is no one to declare
  // to, so any named evaluator is accepted (the same rule as checkScoreRows).
  if (!committeeRegistered(store)) return;
  const member = statement(store.db, 'SELECT role, declared_at FROM committee_members WHERE name = ?').get(
    score.evaluator,
  ) as { role: string; declared_at: string | null } | undefined;
  if (!member) {
    const members = statement(store.db, 'SELECT name FROM committee_members').all() as { name: string }[];
    const names = members.map((row) => row.name);
    throw new UserError(
      `${where}${score.evaluator} is not a registered committee member${didYouMean(score.evaluator, names)}.`,
    );
  }
  if (member.role !== 'evaluator') {
    throw new UserError(`${where}${score.evaluator} is ${member.role} of the committee and does not score.`);
  }
  if (member.declared_at === null) {
    throw new UserError(
      `${where}${score.evaluator} has not recorded a declaration of impartiality and confidentiality yet.`,
    );
  }
  if (datedAfter(member.declared_at, score.recordedAt)) {
    throw new UserError(
      `${where}${score.evaluator}'s declaration (${member.declared_at}) is dated after this score (${score.recordedAt}).`,
    );
  }
}

function committeeRegistered(store: Store): boolean {
  return statement(store.db, 'SELECT 1 FROM committee_members LIMIT 1').get() !== undefined;
}

/** The current score of every (evaluator, candidate, criterion), by candidate, criterion, evaluator. */
export function listScores(store: Store): ManualScore[] {
  const rows = statement(
    store.db,
    'SELECT * FROM manual_scores WHERE superseded = 0 ORDER BY candidate, criterion, evaluator',
  ).all() as ScoreRow[];
  return rows.map((row) => ({
    evaluator: row.evaluator,
    candidate: row.candidate,
    criterion: row.criterion,
    points: row.points,
    comment: row.comment,
    source: row.source,
    recordedAt: row.recorded_at,
  }));
}
