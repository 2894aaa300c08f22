/** Hostile cases about numbers and dates: each must be refused with the field named, never used. */
import { baseDossierYaml, type DossierValue } from './harness.js';
import { type HostileCase, mutated, writeBare } from './hostile-case.js';

/** A bare dossier whose value was changed by `mutate`; it must be invalid at `field` with `message`. */
function valueCase(
  id: string,
  input: string,
  mutate: (value: DossierValue) => void,
  field: string,
  message: RegExp,
): HostileCase {
  return {
    id,
    group: 'numbers and dates',
    input,
    build: (w) => writeBare(w, id, mutated(`Values ${id}`, mutate)),
    expect: { kind: 'invalid', message: fieldMessage(field, message) },
  };
}

/** Matches `path: message` as the JSON `errors` are summarised by the test (see outcomeOf). */
const fieldMessage = (field: string, message: RegExp): RegExp =>
  new RegExp(`${field.replace(/\./g, '\\.')}: .*${message.source}`);

const firstReference = (value: DossierValue): Record<string, unknown> => value.references[0] ?? {};

export const VALUE_CASES: HostileCase[] = [
  valueCase(
    'h50-negative-amount',
    'negative turnover (`2024: -450000`)',
    (v) => {
      (v.financials.turnover as Record<string, number>)[2024] = -450000;
    },
    'financials.turnover.2024',
    /must be 0 or more/,
  ),
  valueCase(
    'h51-nan',
    'reference value `.nan`',
    (v) => {
      firstReference(v).value = Number.NaN;
    },
    'references.0.value',
    /expected a finite number, got NaN/,
  ),
  valueCase(
    'h52-infinity',
    'reference value `.inf`',
    (v) => {
      firstReference(v).value = Number.POSITIVE_INFINITY;
    },
    'references.0.value',
    /expected a finite number, got an infinite number/,
  ),
  valueCase(
    'h53-1e308',
    'reference value `1e308` (finite, but sums would overflow)',
    (v) => {
      firstReference(v).value = 1e308;
    },
    'references.0.value',
    /must be 1000000000000000 or less/,
  ),
  valueCase(
    'h54-string-for-number',
    'staff count written as text (`relevant: "six"`)',
    (v) => {
      v.staff.relevant = 'six';
    },
    'staff.relevant',
    /expected a number/,
  ),
  valueCase(
    'h55-impossible-date',
    'reference end date `2025-02-30`',
    (v) => {
      firstReference(v).end = '2025-02-30';
    },
    'references.0.end',
    /not a real calendar date/,
  ),
  valueCase(
    'h56-year-zero',
    'reference start date `0000-01-01`',
    (v) => {
      firstReference(v).start = '0000-01-01';
    },
    'references.0.start',
    /not a real calendar date/,
  ),
  valueCase(
    'h57-impossible-instant',
    'submission time `2025-02-30T10:00:00Z`',
    (v) => {
      v.submitted_at = '2025-02-30T10:00:00Z';
    },
    'submitted_at',
    /not a real date and time/,
  ),
  valueCase(
    'h58-share-above-one',
    'reference share `1.5` (a candidate claiming 150% of a contract)',
    (v) => {
      firstReference(v).share = 1.5;
    },
    'references.0.share',
    /must be 1 or less/,
  ),
  valueCase(
    'h59-share-zero',
    'reference share `0`',
    (v) => {
      firstReference(v).share = 0;
    },
    'references.0.share',
    /must be more than 0/,
  ),
  valueCase(
    'h60-not-a-year',
    'turnover keyed by `99999` instead of a year',
    (v) => {
      v.financials.turnover = { 99999: 1_000_000 };
    },
    'financials.turnover.99999',
    /is not a year/,
  ),
  valueCase(
    'h61-negative-years',
    'expert with `years: -3`',
    (v) => {
      (v.experts[0] ?? {}).years = -3;
    },
    'experts.0.years',
    /must be 0 or more/,
  ),
  valueCase(
    'h62-no-offset',
    'submission time without a UTC offset (`2025-11-27T10:15:00`)',
    (v) => {
      v.submitted_at = '2025-11-27T10:15:00';
    },
    'submitted_at',
    /no UTC offset/,
  ),
  {
    id: 'h63-huge-integer',
    group: 'numbers and dates',
    input: 'a 30-digit integer as a reference value',
    build: (w) =>
      writeBare(
        w,
        'h63-huge-integer',
        baseDossierYaml('Huge Integer').replace('value: 200000', 'value: 123456789012345678901234567890'),
      ),
    expect: {
      kind: 'invalid',
      message: fieldMessage('references.0.value', /must be 1000000000000000 or less/),
    },
  },
  valueCase(
    'h64-negative-staff',
    'negative staff count (`total: -12`)',
    (v) => {
      v.staff.total = -12;
    },
    'staff.total',
    /must be 0 or more/,
  ),
];
