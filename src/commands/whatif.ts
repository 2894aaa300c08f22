import type { Context } from '../context.js';
import { assertTenderUnchanged, requireEvaluableCriteria } from '../pipeline/check-stored-inputs.js';
import { loadCommitteeRecord, toInvalidCandidate } from '../pipeline/committee-view.js';
import { loadSanctionsList } from '../pipeline/screen-sanctions.js';
import { type Session, withReadingSession } from '../pipeline/session.js';
import { listActiveDossiers } from '../store/index.js';
import { parseAssignments } from '../whatif/assignments.js';
import { compareShortlists } from '../whatif/compare-shortlists.js';
import { renderShortlistDiff } from '../whatif/render-diff.js';
import { buildScenario, type Scenario } from '../whatif/scenario.js';
import { type SimulationInput, simulateShortlist } from '../whatif/simulate.js';

export interface WhatifOptions {
  set: string[];
  json?: boolean;
}

/**
 * Reads once, without writing, everything a simulated shortlist needs from the store: the active
 * dossiers and the committee's scores, overrides and tie decisions. Refuses when tender.yaml
 * changed since the dossiers were ingested.
 */
export function loadSimulationInput(session: Session): SimulationInput {
  assertTenderUnchanged(session);
  const input: SimulationInput = {
    dossiers: [],
    invalid: [],
    ...loadCommitteeRecord(session),
    sanctions: loadSanctionsList(session),
  };
  for (const d of listActiveDossiers(session.store)) {
    if (d.status === 'valid' && d.dossier !== null) {
      input.dossiers.push({
        id: d.id,
        hash: d.hash,
        dossier: d.dossier,
        attachments: d.attachments,
        warnings: d.warnings,
      });
    } else {
      input.invalid.push(toInvalidCandidate(d));
    }
  }
  return input;
}

/**
 * `prequal whatif --set KEY=VALUE…`: the shortlist the latest criteria would give with the
 * changed parameters, compared with the current one. Stores nothing: not even the evaluation
 * cache is written, so both shortlists are computed here rather than by `scoreCandidates`.
 */
export async function whatifCommand(ctx: Context, options: WhatifOptions): Promise<void> {
  await withReadingSession(ctx, async (session) => {
    const version = await requireEvaluableCriteria(session);
    const assignments = parseAssignments(options.set ?? [], version.criteria);
    const current: Scenario = { criteria: version.criteria, tender: session.tender };
    const changed = buildScenario(current, assignments);
    const input = loadSimulationInput(session);
    const diff = compareShortlists(
      { shortlist: simulateShortlist(input, current), scenario: current },
      { shortlist: simulateShortlist(input, changed), scenario: changed },
    );
    if (options.json) {
      const set = assignments.map((a) => ({ parameter: a.key, value: a.value }));
      ctx.out(
        `${JSON.stringify({ criteria_version: version.version, set, stored: false, ...diff }, null, 2)}\n`,
      );
      return;
    }
    const asked = assignments.map((a) => `${a.key}=${a.value}`).join(', ');
    ctx.out(
      renderShortlistDiff(diff, `what if ${asked} (criteria version ${version.version}; nothing is stored)`),
    );
  });
}
