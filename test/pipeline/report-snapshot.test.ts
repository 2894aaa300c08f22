import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateWorkspace } from '../../src/pipeline/evaluate-workspace.js';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { refreshEvaluations } from '../../src/pipeline/refresh-evaluations.js';
import { fixtureSessions, replaceInFile } from './helpers.js';

const fixtures = fixtureSessions();
afterEach(fixtures.cleanup);

const open = fixtures.open;

const ID = 'c02-cabinet-ndiaye-associes';

/** The S29 fixture ingested and ranked, with the report and candidate ID in it. */
async function ranked() {
  const workspace = fixtures.copy();
  const session = await open(workspace);
  await ingestDossiers(session);
  await importCriteriaFile(session);
  const { report } = await evaluateWorkspace(session);
  const candidate = report.shortlist.candidates.find((c) => c.id === ID);
  if (!candidate) throw new Error(`${ID} is not in the fixture's report`);
  return { workspace, report, candidate };
}

describe('a report being exported while another process ingests', () => {
  it('reads each candidate as it was ranked, not the newer content stored meanwhile', async () => {
    const { workspace, report, candidate } = await ranked();

    // Another process: an edited dossier ingested and scored between the ranking and the export.
    const file = path.join(workspace, 'dossiers', ID, 'dossier.yaml');
    replaceInFile(file, 'staff: { total: 28, relevant: 7 }', 'staff: { total: 28, relevant: 3 }');
    const other = await open(workspace);
    await ingestDossiers(other);
    const newer = (await evaluateWorkspace(other)).report;
    const newerCandidate = newer.shortlist.candidates.find((c) => c.id === ID);
    if (!newerCandidate) throw new Error(`${ID} is gone from the newer report`);
    expect(newer.resultsOf(newerCandidate)).not.toEqual(report.resultsOf(candidate));
    expect(newer.dossierOf(ID)?.staff?.relevant).toBe(3);

    // The first report still explains the content it ranked.
    const results = report.resultsOf(candidate);
    for (const [id, result] of Object.entries(results)) {
      expect(result.passed, id).toBe(candidate.criteria[id]?.passed);
      expect(result.points, id).toBe(candidate.criteria[id]?.points);
    }
    expect(report.dossierOf(ID)?.staff?.relevant).toBe(7);
  });
});

describe('the sanctions gate of a report exported while another process ingests', () => {
  async function screened() {
    const ranking = await ranked();
    expect(ranking.candidate.criteria.sanctions?.passed).toBe(true);
    return ranking;
  }

  it('is kept for a candidate withdrawn meanwhile', async () => {
    const { workspace, report, candidate } = await screened();
    fs.rmSync(path.join(workspace, 'dossiers', ID), { recursive: true });
    await ingestDossiers(await open(workspace));
    expect(report.resultsOf(candidate).sanctions?.passed).toBe(true);
  });

  it('screens the content ranked, not a newer one naming a listed entity', async () => {
    const { workspace, report, candidate } = await screened();
    const file = path.join(workspace, 'dossiers', ID, 'dossier.yaml');
    replaceInFile(file, 'name: Cabinet Ndiaye & Associés', 'name: Northern Star Trading FZE');
    await ingestDossiers(await open(workspace));
    expect(report.resultsOf(candidate).sanctions?.passed).toBe(true);
  });
});

describe('a dossier the engine throws on', () => {
  it('is exported with its content, as an unreadable one is not', async () => {
    const workspace = fixtures.copy();
    const session = await open(workspace);
    await ingestDossiers(session);
    const version = (await importCriteriaFile(session)).version;
    // Behind the tender check's back: the engine now throws on every amount in XOF.
    delete (session.tender.exchange_rates as Record<string, number>).XOF;
    await refreshEvaluations(session, version);
    const { report } = await evaluateWorkspace(session);
    const candidate = report.shortlist.candidates.find((c) => c.id === 'c03-consortium-ucad');
    expect(candidate?.status).toBe('invalid');
    expect(report.dossierOf('c03-consortium-ucad')?.members.length).toBeGreaterThan(0);
  });
});
