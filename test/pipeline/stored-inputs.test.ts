import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, UserError } from '../../src/errors.js';
import { evaluateWorkspace } from '../../src/pipeline/evaluate-workspace.js';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import { refreshEvaluations } from '../../src/pipeline/refresh-evaluations.js';
import { scoreCandidates } from '../../src/pipeline/score-candidates.js';
import { closeSession, openSession, type Session } from '../../src/pipeline/session.js';
import { copyFixture, quietContext } from './helpers.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo();
});

/** A session on a fresh copy of the fixture, with its dossiers ingested and its criteria imported. */
async function ingested(workspace = copyFixture()): Promise<Session> {
  const session = await openSession(quietContext(workspace));
  cleanup.push(() => {
    closeSession(session);
    fs.rmSync(workspace, { recursive: true, force: true });
  });
  await ingestDossiers(session);
  await importCriteriaFile(session);
  return session;
}

async function reopen(workspace: string): Promise<Session> {
  const session = await openSession(quietContext(workspace));
  cleanup.push(() => closeSession(session));
  return session;
}

describe('stored data judged against the current tender.yaml', () => {
  it('refuses when tender.yaml changed since the dossiers were ingested', async () => {
    const first = await ingested();
    const workspace = first.ctx.workspace;
    closeSession(first);
    const tenderFile = path.join(workspace, 'tender.yaml');
    fs.writeFileSync(tenderFile, fs.readFileSync(tenderFile, 'utf8').replace(/^ {2}XOF: .*\n/m, ''));
    const session = await reopen(workspace);
    await expect(evaluateWorkspace(session)).rejects.toThrow(UserError);
    await expect(evaluateWorkspace(session)).rejects.toThrow(
      /tender.yaml changed since the dossiers were ingested/,
    );
  });

  it('refuses stored criteria naming a country group the tender no longer defines', async () => {
    const first = await ingested();
    const workspace = first.ctx.workspace;
    const criteriaFile = path.join(workspace, 'criteria.yaml');
    // The stored criteria name ECOWAS; the tender then renames the group, and ingest runs again.
    fs.writeFileSync(
      criteriaFile,
      fs.readFileSync(criteriaFile, 'utf8').replace(/allowed: \[EU, ACP\]/, 'allowed: [EU, ACP, ECOWAS]'),
    );
    await importCriteriaFile(first);
    closeSession(first);
    const tenderFile = path.join(workspace, 'tender.yaml');
    fs.writeFileSync(tenderFile, fs.readFileSync(tenderFile, 'utf8').replace('ECOWAS:', 'CEDEAO:'));
    const session = await reopen(workspace);
    await ingestDossiers(session);
    let caught: unknown;
    try {
      await evaluateWorkspace(session);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).message).toContain('prequal criteria import');
    expect((caught as InputError).issues.map((i) => i.message).join('\n')).toContain('ECOWAS');
  });

  it('reports a dossier the engine throws on as invalid, and evaluates every other one', async () => {
    const session = await ingested();
    const version = (await importCriteriaFile(session)).version;
    // Behind the tender check's back: the engine now throws on every amount in XOF.
    delete (session.tender.exchange_rates as Record<string, number>).XOF;
    await refreshEvaluations(session, version);
    const scored = scoreCandidates(session, version);
    const failed = scored.invalid.filter((d) =>
      d.errors.some((e) => e.message.startsWith('could not be evaluated: ')),
    );
    expect(failed.map((d) => d.id)).toContain('c03-consortium-ucad');
    expect(failed.every((d) => d.status === 'invalid')).toBe(true);
    expect(failed.flatMap((d) => d.errors).some((e) => /\n\s+at /.test(e.message))).toBe(false);
    expect(scored.evaluations.length).toBeGreaterThan(0);
    // Every valid dossier (the fixture has 17) is either evaluated or reported with the reason.
    expect(scored.evaluations.length + failed.length).toBe(17);
    expect(scored.evaluations.map((e) => e.id)).not.toContain('c03-consortium-ucad');
  });
});
