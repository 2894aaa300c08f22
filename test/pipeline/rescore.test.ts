import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../src/core/evaluate.js';
import { summarizeEvaluation } from '../../src/core/summarize.js';
import type { AttachmentFact, Dossier, InputIssue } from '../../src/core/types.js';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { type RefreshResult, refreshEvaluations } from '../../src/pipeline/refresh-evaluations.js';
import type { Session } from '../../src/pipeline/session.js';
import {
  type CriteriaVersion,
  criterionKey,
  getCachedEvaluation,
  getCachedSummaries,
  listValidDossierTexts,
} from '../../src/store/index.js';
import { fixtureSessions, replaceInFile } from './helpers.js';

const fixtures = fixtureSessions();
afterEach(fixtures.cleanup);

const open = fixtures.open;

/** The S29 fixture ingested and scored once: 17 valid dossiers, 12 criteria. */
async function scoredWorkspace(): Promise<{ workspace: string; session: Session }> {
  const workspace = fixtures.copy();
  const session = await open(workspace);
  await ingestDossiers(session);
  const first = await refreshEvaluations(session, (await importCriteriaFile(session)).version);
  expect(first.computedCriteria).toEqual([{ criteria: 12, dossiers: 17 }]);
  return { workspace, session };
}

/** A re-score after criteria.yaml was edited: imports it and refreshes. */
async function rescore(session: Session): Promise<{ version: CriteriaVersion; result: RefreshResult }> {
  const version = (await importCriteriaFile(session)).version;
  return { version, result: await refreshEvaluations(session, version) };
}

/** Criterion keys of the groups the last refresh added, and how many parts each holds. */
function lastGroup(session: Session): { keys: string[]; parts: number } {
  const row = session.store.db
    .prepare(
      `SELECT g.criterion_keys AS keys, count(*) AS parts FROM criterion_groups g
       JOIN evaluation_parts p ON p.criterion_group = g.id
       WHERE g.id = (SELECT max(id) FROM criterion_groups) GROUP BY g.id`,
    )
    .get() as { keys: string; parts: number };
  return { keys: JSON.parse(row.keys) as string[], parts: row.parts };
}

/**
 * The cache read back equals evaluateDossier from scratch, byte for byte (key order included):
 * full evaluations for the exports, summaries for ranking.
 */
function expectFromScratch(session: Session, version: CriteriaVersion): void {
  const summaries = getCachedSummaries(session.store, version.version, session.contextHash);
  const texts = listValidDossierTexts(session.store);
  expect([...summaries.keys()]).toEqual(texts.map((t) => t.id));
  for (const text of texts) {
    const scratch = evaluateDossier(
      {
        id: text.id,
        hash: text.hash,
        dossier: JSON.parse(text.document) as Dossier,
        attachments: JSON.parse(text.attachments) as AttachmentFact[],
        warnings: JSON.parse(text.warnings) as InputIssue[],
      },
      version.criteria,
      session.tender,
    );
    const cached = getCachedEvaluation(session.store, version.version, session.contextHash, text.id);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(scratch));
    expect(JSON.stringify(summaries.get(text.id))).toBe(JSON.stringify(summarizeEvaluation(scratch)));
  }
}

describe('re-score after a change', () => {
  it('a threshold change evaluates that criterion only, for every dossier', async () => {
    const { workspace, session } = await scoredWorkspace();
    replaceInFile(
      path.join(workspace, 'criteria.yaml'),
      'average_at_least: 300000',
      'average_at_least: 250000',
    );
    const { version, result } = await rescore(session);
    expect(result).toEqual({
      evaluated: 17,
      computed: 17,
      computedCriteria: [{ criteria: 1, dossiers: 17 }],
      invalid: 2,
    });
    const turnover = version.criteria.criteria.find((c) => c.id === 'SEL-1');
    expect(lastGroup(session)).toEqual({ keys: [criterionKey(turnover!, session.contextHash)], parts: 17 });
    expectFromScratch(session, version);
  });

  it('a label change evaluates that criterion again', async () => {
    const { workspace, session } = await scoredWorkspace();
    replaceInFile(
      path.join(workspace, 'criteria.yaml'),
      'en: Mandatory documents supplied',
      'en: Mandatory documents',
    );
    const { version, result } = await rescore(session);
    expect(result.computedCriteria).toEqual([{ criteria: 1, dossiers: 17 }]);
    const documents = version.criteria.criteria.find((c) => c.id === 'ADM-2');
    expect(lastGroup(session).keys).toEqual([criterionKey(documents!, session.contextHash)]);
    expectFromScratch(session, version);
  });

  it('going back to earlier criteria evaluates nothing', async () => {
    const { workspace, session } = await scoredWorkspace();
    const file = path.join(workspace, 'criteria.yaml');
    replaceInFile(file, 'average_at_least: 300000', 'average_at_least: 250000');
    await rescore(session);
    replaceInFile(file, 'average_at_least: 250000', 'average_at_least: 300000');
    const { version, result } = await rescore(session);
    expect(version.version).toBe(3);
    expect(result.computed).toBe(0);
    expect(result.computedCriteria).toEqual([]);
    expectFromScratch(session, version);
  });

  it('an exchange rate change in tender.yaml evaluates everything again', async () => {
    const { workspace, session } = await scoredWorkspace();
    replaceInFile(path.join(workspace, 'tender.yaml'), 'XOF: 655.957', 'XOF: 650');
    const changed = await open(workspace);
    expect(changed.contextHash).not.toBe(session.contextHash);
    const { version, result } = await rescore(changed);
    expect(result.computedCriteria).toEqual([{ criteria: 12, dossiers: 17 }]);
    expectFromScratch(changed, version);
  });

  it('a dossier edit evaluates that dossier only', async () => {
    const { workspace, session } = await scoredWorkspace();
    const dossier = path.join(workspace, 'dossiers', 'c02-cabinet-ndiaye-associes', 'dossier.yaml');
    replaceInFile(dossier, 'staff: { total: 28, relevant: 7 }', 'staff: { total: 28, relevant: 3 }');
    await ingestDossiers(session);
    const { version, result } = await rescore(session);
    expect(result.computedCriteria).toEqual([{ criteria: 12, dossiers: 1 }]);
    expect(lastGroup(session).parts).toBe(17 + 1);
    expect(
      getCachedEvaluation(session.store, version.version, session.contextHash, 'c02-cabinet-ndiaye-associes')
        ?.criteria['SEL-3']?.passed,
    ).toBe(false);
    expectFromScratch(session, version);
  });
});
