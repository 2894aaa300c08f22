import { padCell, terminalSafe } from '../ui/terminal-text.js';
import type { CandidateChange, CandidateState, ShortlistDiff, VerdictValue } from './compare-shortlists.js';

const formatNumber = (value: number | null) => (value === null ? '—' : Number(value.toFixed(2)).toString());
const formatPoints = (value: number | null) => (value === null ? '—' : value.toFixed(2));

export function formatVerdict(value: VerdictValue): string {
  if (value === null) return 'absent';
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** `a → b`, or just `a` when nothing changed. */
function arrow(before: string, after: string): string {
  return before === after ? before : `${before} → ${after}`;
}

function column(change: CandidateChange, pick: (s: CandidateState) => string): string {
  const show = (s: CandidateState | null) => (s === null ? 'absent' : pick(s));
  return arrow(show(change.before), show(change.after));
}

function describeHeader(diff: ShortlistDiff): string[] {
  const lines: string[] = [];
  for (const s of diff.settings)
    lines.push(`setting ${s.parameter}: ${formatNumber(s.before)} → ${formatNumber(s.after)}`);
  const { added, removed, changed } = diff.criteria;
  if (changed.length > 0) lines.push(`criteria changed: ${changed.join(', ')}`);
  if (added.length > 0) lines.push(`criteria added: ${added.join(', ')}`);
  if (removed.length > 0) lines.push(`criteria removed: ${removed.join(', ')}`);
  lines.push(`shortlisted: ${arrow(String(diff.filled.before), String(diff.filled.after))}`);
  return lines;
}

/**
 * The table `diff` and `whatif` print: one line per candidate whose status, rank or total
 * changed, with the causes underneath.
 */
export function renderShortlistDiff(diff: ShortlistDiff, heading: string): string {
  const lines = [heading, ...describeHeader(diff), ''];
  if (diff.changes.length === 0) {
    lines.push("no candidate's status, rank or total changes");
    return `${lines.join('\n')}\n`;
  }
  const rows = diff.changes.map((change) => ({
    change,
    cells: [
      change.id,
      column(change, (s) => s.status),
      column(change, (s) => (s.rank === null ? '–' : String(s.rank))),
      column(change, (s) => formatPoints(s.total)),
    ],
  }));
  const titles = ['candidate', 'status', 'rank', 'total'];
  const widths = titles.map((title, i) =>
    Math.max(title.length, ...rows.map((r) => r.cells[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => padCell(cell, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  lines.push(line(titles));
  for (const { change, cells } of rows) {
    lines.push(line(cells), `    ${terminalSafe(change.name)}`);
    const causes = change.causes.map(
      (c) => `${c.criterion} ${formatVerdict(c.before)} → ${formatVerdict(c.after)}`,
    );
    lines.push(
      `    ${causes.length > 0 ? `because: ${causes.join('; ')}` : 'moved by the other candidates'}`,
    );
  }
  lines.push('', `${diff.changes.length} candidate${diff.changes.length === 1 ? '' : 's'} changed`);
  return `${lines.join('\n')}\n`;
}
