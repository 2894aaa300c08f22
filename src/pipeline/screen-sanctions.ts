import fs from 'node:fs';
import path from 'node:path';
import { entitiesOf } from '../core/entities.js';
import { judgeSanctions, parseSanctionsCsv, type SanctionsList, screenEntities } from '../core/sanctions.js';
import { bi } from '../core/text.js';
import type { CandidateEvaluation, Dossier } from '../core/types.js';
import { InputError } from '../errors.js';
import type { Session } from './session.js';

/** The sanctions list tender.yaml names, or null; a broken or missing list stops the command. */
export function loadSanctionsList(session: Session): SanctionsList | null {
  const config = session.tender.sanctions;
  if (!config) return null;
  const absolute = path.resolve(session.ctx.workspace, config.file);
  const file = path.relative(session.ctx.workspace, absolute).split(path.sep).join('/');
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the sanctions list named in tender.yaml`, [
      {
        file: 'tender.yaml',
        path: 'sanctions.file',
        message: `${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      },
    ]);
  }
  const { list, issues } = parseSanctionsCsv(text, file);
  if (issues.length > 0) throw new InputError(`${file} has ${issues.length} problem(s)`, issues);
  return list;
}

/**
 * Adds the `sanctions` gate to an evaluation: an exact match rejects; a near match leaves the
 * candidate pending for review until the secretary overrides the gate (SPEC §5).
 */
export function applySanctions(
  ev: CandidateEvaluation,
  dossier: Dossier,
  list: SanctionsList,
): CandidateEvaluation {
  const entities = entitiesOf(dossier).map((e) => ({ entity: e.index, name: e.name }));
  const verdict = judgeSanctions(screenEntities(entities, list), list, entities.length);
  if (verdict.flags?.includes('review') && verdict.passed) {
    verdict.pending = true;
    verdict.explanation = [
      ...verdict.explanation,
      bi(
        'en attente : le secrétariat doit confirmer ou écarter la correspondance (prequal override --criterion sanctions)',
        'pending: the secretary must confirm or dismiss the match (prequal override --criterion sanctions)',
      ),
    ];
  }
  return { ...ev, criteria: { ...ev.criteria, sanctions: verdict } };
}
