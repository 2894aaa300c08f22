import { createHash } from 'node:crypto';
import { member, type RecordKind, rowPerEntry } from './audit-record-kinds.js';
import { type CriteriaRow, criteriaDigest } from './criteria-versions.js';

/**
 * importCriteria: subject `criteria version N`, after `{ version, name, hash, criteriaHash }`.
 * Besides the columns the entry names, the text must still hash to the entry's `hash` and the
 * criteria (what evaluation reads) to its `criteriaHash`: a version altered by hand with its hash
 * recomputed still fails, its hash then differing from the entry's. Entries written before
 * `criteriaHash` existed vouch for the text only; re-reading the text to check the criteria
 * instead would flag every version stored by an earlier build whose schema read it otherwise.
 */
export const CRITERIA_VERSIONS: RecordKind<CriteriaRow> = {
  table: 'criteria_versions',
  orderBy: 'version',
  actions: ['criteria.import'],
  noun: 'criteria version',
  key: (row) => String(row.version),
  label: (row) => row.name,
  fromRow: (row) => ({
    version: row.version,
    name: row.name,
    hash: row.hash,
    'sha256 of the text': hashOfText(row),
    'sha256 of the criteria': digestOfColumn(row.criteria),
    'imported at': row.imported_at,
  }),
  vouch: rowPerEntry((entry) => {
    const criteriaHash = member(entry.after, 'criteriaHash');
    return {
      version: member(entry.after, 'version'),
      name: member(entry.after, 'name'),
      hash: member(entry.after, 'hash'),
      'sha256 of the text': member(entry.after, 'hash'),
      ...(criteriaHash === undefined ? {} : { 'sha256 of the criteria': criteriaHash }),
      'imported at': entry.at,
    };
  }),
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The hash of the file the text was read from. The store keeps the text without the byte-order
 * mark the reader drops, while `hash` is the file's: with a BOM the file's hash is that of BOM + text.
 */
function hashOfText(row: CriteriaRow): string {
  const withMark = sha256(`\uFEFF${row.text}`);
  return withMark === row.hash ? withMark : sha256(row.text);
}

/** criteriaDigest of the column as parsed, or of its text when an edit left it unreadable (it then differs). */
function digestOfColumn(text: string): string {
  try {
    return criteriaDigest(JSON.parse(text));
  } catch {
    return sha256(text);
  }
}
