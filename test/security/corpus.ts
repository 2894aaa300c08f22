/** Every hostile case, in the order of docs/SECURITY.md. */
import { CONTROL_CASES, ENCODING_CASES, STRUCTURE_CASES } from './cases-input.js';
import { PATH_CASES } from './cases-paths.js';
import { INVALID_NAME_CASES, TEXT_CASES } from './cases-text.js';
import { VALUE_CASES } from './cases-values.js';
import type { SecurityWorkspace } from './harness.js';
import type { HostileCase } from './hostile-case.js';

export const ALL_CASES: HostileCase[] = [
  ...CONTROL_CASES,
  ...ENCODING_CASES,
  ...STRUCTURE_CASES,
  ...PATH_CASES,
  ...VALUE_CASES,
  ...TEXT_CASES,
  ...INVALID_NAME_CASES,
];

/** Writes every case (or those `select` keeps) into the workspace. */
export function buildCorpus(
  w: SecurityWorkspace,
  select: (c: HostileCase) => boolean = () => true,
): HostileCase[] {
  const cases = ALL_CASES.filter(select);
  for (const c of cases) c.build(w);
  return cases;
}
