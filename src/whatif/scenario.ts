import type { CriteriaSet, Tender } from '../core/types.js';
import { buildCriteriaSchema } from '../dossier/schema-criteria.js';
import { validateValue } from '../dossier/validate-value.js';
import { EXIT, UserError } from '../errors.js';
import type { Assignment } from './assignments.js';

/** What an evaluation depends on besides the dossiers and the committee's work. */
export interface Scenario {
  criteria: CriteriaSet;
  tender: Tender;
}

type Mapping = Record<string, unknown>;

/** Sets `value` at `path` inside `target`, creating intermediate mappings (a filter may be absent). */
function setAt(target: Mapping, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = target[head];
  const child: Mapping = typeof next === 'object' && next !== null ? (next as Mapping) : {};
  target[head] = child;
  setAt(child, rest, value);
}

/** A copy of the scenario with every assignment applied; the input is never modified. */
export function applyAssignments(base: Scenario, assignments: readonly Assignment[]): Scenario {
  const criteria = structuredClone(base.criteria);
  const tender = structuredClone(base.tender);
  for (const a of assignments) {
    if (a.criterion === null) {
      setAt((a.path[0] === 'shortlist' ? tender : criteria) as unknown as Mapping, a.path, a.value);
      continue;
    }
    const criterion = criteria.criteria.find((c) => c.id === a.criterion);
    if (criterion) setAt(criterion as unknown as Mapping, a.path, a.value);
  }
  return { criteria, tender };
}

/** Problems of the criteria (named `SEL-1.rule.years`) and of the shortlist size. */
function listProblems(scenario: Scenario): string[] {
  const schema = buildCriteriaSchema(Object.keys(scenario.tender.country_groups));
  const { errors } = validateValue(schema, scenario.criteria, 'criteria', 'error');
  const problems = errors.map((issue) => {
    const [root, index, ...rest] = issue.path.split('.');
    const id = root === 'criteria' ? scenario.criteria.criteria[Number(index)]?.id : undefined;
    // Named as in `--set` (`SEL-3.at_least`), not as in the file (`criteria.6.rule.at_least`).
    const inner = rest[0] === 'rule' ? rest.slice(1) : rest;
    const where = id === undefined ? issue.path : [id, ...inner].join('.');
    return `${where || 'criteria'}: ${issue.message}`;
  });
  const { min, max } = scenario.tender.shortlist;
  for (const [name, value] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 1000) {
      problems.push(`shortlist.${name}: expected a whole number from 1 to 1000, got ${value}`);
    }
  }
  if (min > max) problems.push(`shortlist.min (${min}) must not be above shortlist.max (${max})`);
  return problems;
}

/**
 * Applies the assignments and checks the result as `criteria import` would check a file, so a
 * what-if can never evaluate a grid the committee could not have published. Problems the stored
 * grid already had are not blamed on the assignments.
 * @throws UserError (exit 2) listing every new problem.
 */
export function buildScenario(base: Scenario, assignments: readonly Assignment[]): Scenario {
  const scenario = applyAssignments(base, assignments);
  const before = new Set(listProblems(base));
  const problems = listProblems(scenario).filter((p) => !before.has(p));
  if (problems.length > 0) {
    const asked = assignments.map((a) => a.text).join(' ');
    throw new UserError(
      `these changes (${asked}) cannot be applied:\n  ${problems.join('\n  ')}`,
      EXIT.usage,
    );
  }
  return scenario;
}
