/**
 * Keeps docs/SECURITY.md in step with the tests: its table (rendered from a real run by
 * scripts/security-table.js) lists exactly the cases the tests try, and every one held.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/cli-helpers.js';
import { ALL_CASES } from './corpus.js';

/** Cases of the crash, concurrency, export and insider tests (ids written in those files). */
const RUN_CASE_IDS = [
  'k01-ingest-fresh',
  'k02-ingest-update',
  'k03-ingest-update',
  'k04-score',
  'k05-score',
  'k06-score',
  'k07-rerun-identical',
  'c01-two-runs-new-store',
  'c02-two-runs-400',
  'c03-two-runs-after-edits',
  'x01-out-below-a-file',
  'x02-target-not-replaceable',
  'x03-modes-0600',
  'x04-read-only-folder',
  'x05-disk-full',
  'i01-audit-entry-altered',
  'i02-audit-tail-deleted',
  'i03-audit-middle-deleted',
  'i04-score-raised',
  'i05-score-hidden',
  'i06-override-reason-rewritten',
  'i07-override-deleted',
  'i08-declaration-backdated',
  'i09-chair-made-voter',
  'i10-criteria-threshold-lowered',
  'i11-score-backdated',
  'i12-dossier-hash-changed',
  'i13-dossier-made-invalid',
  'i14-dossier-deleted',
  'i15-dossier-inserted',
  'i16-run-inserted',
];

function tableRows(): { id: string; held: string }[] {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'SECURITY.md'), 'utf8');
  const table = doc.split('<!-- security-table:start -->')[1]?.split('<!-- security-table:end -->')[0] ?? '';
  return [...table.matchAll(/^\| `([^`]+)` \|.*\| ([^|]+) \|$/gm)].map((m) => ({
    id: m[1] ?? '',
    held: (m[2] ?? '').trim(),
  }));
}

describe('docs/SECURITY.md', () => {
  it('lists every hostile case the tests try, and no other', () => {
    const expected = [...ALL_CASES.map((c) => c.id), ...RUN_CASE_IDS].sort();
    expect(
      tableRows()
        .map((row) => row.id)
        .sort(),
    ).toEqual(expected);
  });

  it('shows every case as held', () => {
    expect(tableRows().filter((row) => row.held !== 'yes')).toEqual([]);
  });
});
