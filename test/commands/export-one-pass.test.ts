import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript without types.
import { generateWorkspace } from '../../scripts/bench/generate.js';
import { exportReport, produceExports, recordExports } from '../../src/commands/export.js';
import type { EvaluationReport } from '../../src/core/types.js';
import { evaluateWorkspace } from '../../src/pipeline/evaluate-workspace.js';
import { importCriteriaFile } from '../../src/pipeline/import-criteria.js';
import { ingestDossiers } from '../../src/pipeline/ingest-dossiers.js';
import type { Session } from '../../src/pipeline/session.js';
import { getMeta, listAudit } from '../../src/store/index.js';
import { fixtureSessions, ROOT } from '../pipeline/helpers.js';

const fixtures = fixtureSessions();
afterEach(fixtures.cleanup);

/** The S29 fixture, ingested with its criteria imported. */
async function preparedSession(): Promise<Session> {
  const workspace = fixtures.copy();
  const session = await fixtures.open(workspace);
  await ingestDossiers(session);
  await importCriteriaFile(session);
  return session;
}

/** The workspace's report as an export gets it, counting the reads of each candidate's full results. */
async function countingReport(session: Session): Promise<{ report: EvaluationReport; reads: string[] }> {
  const { report } = await evaluateWorkspace(session);
  const reads: string[] = [];
  const { resultsOf } = report;
  report.resultsOf = (candidate) => {
    reads.push(candidate.id);
    return resultsOf(candidate);
  };
  return { report, reads };
}

describe('exportReport', () => {
  it('reads each candidate once for the workbook, the JSON and the OCDS release together', async () => {
    const session = await preparedSession();
    const { report, reads } = await countingReport(session);
    const files = await exportReport(session, report, { format: ['xlsx', 'json', 'ocds', 'md'] });
    expect(files.filter((f) => f.written).map((f) => path.basename(f.file))).toEqual([
      'prequal-POC2-S29.xlsx',
      'shortlist.json',
      'ocds-POC2-S29.json',
      'report.fr.md',
    ]);
    const candidates = report.shortlist.candidates.length;
    expect(candidates).toBeGreaterThan(10);
    expect(reads.length).toBe(candidates);
    expect(new Set(reads).size).toBe(candidates);
  });

  it('rewrites only the formats whose files went missing, still in one pass', async () => {
    const session = await preparedSession();
    const out = path.join(session.ctx.workspace, 'out');
    await exportReport(session, (await countingReport(session)).report, { format: ['xlsx', 'json', 'ocds'] });
    fs.rmSync(path.join(out, 'shortlist.json'));
    fs.rmSync(path.join(out, 'ocds-POC2-S29.json'));
    // A new report, as the next command builds it (the audit now holds the first export).
    const { report, reads } = await countingReport(session);
    const files = await exportReport(session, report, { format: ['xlsx', 'json', 'ocds'] });
    expect(files.map((f) => [path.basename(f.file), f.written])).toEqual([
      ['prequal-POC2-S29.xlsx', false],
      ['shortlist.json', true],
      ['ocds-POC2-S29.json', true],
    ]);
    expect(reads.length).toBe(report.shortlist.candidates.length);
    expect(new Set(reads).size).toBe(reads.length);
    expect(fs.existsSync(path.join(out, 'shortlist.json'))).toBe(true);
  });
});

describe('exportReport when one format fails', () => {
  it('reports, records and audits the formats already put in place, then fails', async () => {
    const session = await preparedSession();
    const workspace = session.ctx.workspace;
    await exportReport(session, (await countingReport(session)).report, {});
    // New content, then an export whose report template is broken: the pass formats are written first.
    const file = path.join(workspace, 'dossiers', 'c02-cabinet-ndiaye-associes', 'dossier.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text.replace('staff: { total: 28, relevant: 7 }', 'staff: { total: 28, relevant: 3 }'),
    );
    await ingestDossiers(session);
    const templates = path.join(workspace, 'templates');
    fs.cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    fs.appendFileSync(path.join(templates, 'report.fr.md'), '{{#each nope}\n');
    const before = fs.readFileSync(path.join(workspace, 'out', 'shortlist.json'), 'utf8');
    await expect(exportReport(session, (await countingReport(session)).report, {})).rejects.toThrow(
      /report\.fr\.md/,
    );
    expect(fs.readFileSync(path.join(workspace, 'out', 'shortlist.json'), 'utf8')).not.toBe(before);
    const last = listAudit(session.store).at(-1);
    expect(last?.action).toBe('export.write');
    expect(last?.after).toContain('shortlist.json');
    expect(last?.after).not.toContain('report.fr.md');
  });
});

describe('recordExports', () => {
  it('records and reports the files even when the run snapshot cannot be keyed, then fails', async () => {
    const session = await preparedSession();
    const errors: string[] = [];
    session.ctx.err = (text) => errors.push(text);
    const produced = await produceExports(session, (await evaluateWorkspace(session)).report, {
      format: ['json'],
    });
    expect(() =>
      recordExports(session, produced, () => {
        throw new Error('database is locked');
      }),
    ).toThrow('database is locked');
    expect(errors.join('')).toContain('written: ');
    const state = JSON.parse(getMeta(session.store, 'export.state:fr:out') ?? '{}');
    expect(Object.keys(state.files.json)).toEqual(['shortlist.json']);
    expect(state).not.toHaveProperty('snapshotKey');
    expect(listAudit(session.store).at(-1)?.action).toBe('export.write');
  });
});

describe('exportReport after the ranked summaries are released', () => {
  it('writes the same bytes, and reads no released summary back in the pass', async () => {
    // The benchmark's workspace: no manual criteria, so most candidates' summaries can go.
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'prequal-release-'));
    generateWorkspace(workspace, { n: 60 });
    const session = await fixtures.open(workspace);
    await ingestDossiers(session);
    await importCriteriaFile(session);
    // Both made before either export: an export's audit entry shows in the next report.
    const whole = (await evaluateWorkspace(session)).report;
    const { report } = await evaluateWorkspace(session);
    const kept = await exportReport(session, whole, { out: 'kept' });
    report.releaseSummaries?.(report.shortlist.candidates);
    const candidates = report.shortlist.candidates;
    const released = candidates.filter((candidate) => report.isSummaryReleased?.(candidate));
    expect(released.length).toBeGreaterThan(candidates.length / 2);
    expect(released.length).toBeLessThan(candidates.length);
    // Ranked candidates keep theirs: the tie explanations read their tie-breaker values.
    expect(released.every((candidate) => candidate.rank === null && candidate.status === 'rejected')).toBe(
      true,
    );
    // Without a summary of their own: they share one prototype, whose getter reads the store.
    const prototypes = new Set(released.map((candidate) => Object.getPrototypeOf(candidate)));
    expect(prototypes.size).toBe(1);
    expect(released.some((candidate) => Object.hasOwn(candidate, 'criteria'))).toBe(false);
    const getter = Object.getOwnPropertyDescriptor([...prototypes][0], 'criteria')?.get;
    expect(getter).toBeTypeOf('function');
    let readBack = 0;
    for (const candidate of released) {
      Object.defineProperty(candidate, 'criteria', {
        get: () => {
          readBack += 1;
          return getter?.call(candidate);
        },
      });
    }
    const files = await exportReport(session, report, { out: 'released' });
    expect(readBack).toBe(0);
    expect(files.map((f) => path.relative(path.join(workspace, 'released'), f.file))).toEqual(
      kept.map((f) => path.relative(path.join(workspace, 'kept'), f.file)),
    );
    for (const file of kept) {
      const twin = path.join(workspace, 'released', path.relative(path.join(workspace, 'kept'), file.file));
      expect(fs.readFileSync(twin).equals(fs.readFileSync(file.file)), twin).toBe(true);
    }
    // Asked for, a released summary is the full results, read from the store.
    const first = released[0];
    if (!first) throw new Error('nothing released');
    const { criteria } = first;
    expect(Object.keys(criteria).length).toBeGreaterThan(0);
    expect(readBack).toBe(1);
  });
});
