/**
 * The whole hostile corpus in one workspace, next to a known-good control candidate, through
 * the BUILT CLI (`prequal run --json`): every case must end in a clear per-dossier error or a
 * correct evaluation; the control's result must be the one it gets alone; nothing may be
 * written outside the workspace; every export must keep hostile text inert.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_NAME_PAYLOADS, PAYLOADS } from './cases-text.js';
import { ALL_CASES, buildCorpus } from './corpus.js';
import { markdownProblems, scanWorkbook, terminalProblems } from './export-checks.js';
import {
  CLOCK,
  type CliRun,
  CONTROL_ID,
  makeSecurityWorkspace,
  runCli,
  type SecurityWorkspace,
  snapshotTree,
} from './harness.js';
import { candidateOf, type JsonCandidate } from './hostile-case.js';
import { judgeCase, type OutcomeRow, outcomeOf, recordOutcomes } from './outcomes.js';

interface JsonDocument {
  candidates: JsonCandidate[];
}

const rows: OutcomeRow[] = [];
let w: SecurityWorkspace;
let run: CliRun;
let byId: Map<string, JsonCandidate>;
let controlAlone: JsonCandidate | undefined;
let outsideBefore: Record<string, string>;
let dossiersBefore: Record<string, string>;

const parse = (result: CliRun): JsonDocument => JSON.parse(result.stdout) as JsonDocument;

beforeAll(() => {
  const solo = makeSecurityWorkspace('solo');
  controlAlone = parse(
    runCli(['run', '--workspace', solo.ws, '--json', '--format', 'json', ...CLOCK]),
  ).candidates.find((c) => c.id === CONTROL_ID);
  w = makeSecurityWorkspace('corpus');
  buildCorpus(w);
  outsideBefore = snapshotTree(w.outside);
  dossiersBefore = snapshotTree(w.dossiers);
  run = runCli(['run', '--workspace', w.ws, '--json', ...CLOCK], { timeoutMs: 60_000 });
  byId = new Map(run.code === null ? [] : parse(run).candidates.map((c) => [c.id, c]));
});

afterAll(() => recordOutcomes('pipeline', rows));

describe('the hostile corpus through `prequal run --json`', () => {
  it('completes without a crash or a hang, exit 0, valid JSON on stdout', () => {
    expect(run.timedOut, 'prequal run hung and was killed').toBe(false);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(byId.size).toBeGreaterThan(ALL_CASES.length - 2);
  });

  it.each(ALL_CASES.map((c) => [c.id, c] as const))('%s', (_id, hostile) => {
    const problems = judgeCase(hostile, byId);
    rows.push({
      id: hostile.id,
      group: hostile.group,
      input: hostile.input,
      outcome: outcomeOf(byId.get(candidateOf(hostile))),
      ok: problems.length === 0,
    });
    expect(problems).toEqual([]);
  });

  it("leaves the control candidate's result exactly as when it is alone", () => {
    const control = byId.get(CONTROL_ID);
    expect(controlAlone?.status).toBe('shortlisted');
    expect(control).toBeDefined();
    const { rank: _a, ...alone } = controlAlone as JsonCandidate;
    const { rank: _b, ...together } = control as JsonCandidate;
    expect(together).toEqual(alone);
  });

  it('writes nothing outside the workspace and changes nothing in dossiers/', () => {
    expect(snapshotTree(w.outside)).toEqual(outsideBefore);
    expect(snapshotTree(w.dossiers)).toEqual(dossiersBefore);
    const created = fs.readdirSync(path.dirname(w.ws)).sort();
    expect(created).toEqual(['outside', 'ws']);
  });
});

describe('hostile text in every export', () => {
  const out = () => path.join(w.ws, 'out');

  it('workbook: no formula or hyperlink anywhere; payloads kept as exact text', async () => {
    const { problems, texts } = await scanWorkbook(path.join(out(), 'prequal-SEC-TEST.xlsx'));
    expect(problems).toEqual([]);
    const shortlist = texts.get(texts.keys().next().value ?? '') ?? [];
    const everything = [...texts.values()].flat();
    for (const p of PAYLOADS.filter((p) => /^t0[1345-9]/.test(p.id))) {
      // Read back as written, but for one artefact of the format: XML turns CRLF into LF.
      // U+202E is kept in the workbook: the cell shows it as written, it cannot run anything.
      const expected = p.payload.replace(/\r\n/g, '\n');
      expect(shortlist, p.id).toContain(expected);
      // Name, member, reference title and client, tags, expert: several cells each.
      expect(everything.filter((t) => t.includes(expected)).length, p.id).toBeGreaterThan(10);
    }
    // The name of an invalid dossier too, in its row of the Shortlist sheet (and of the Gates sheet).
    for (const p of INVALID_NAME_PAYLOADS.filter((p) => /^t1[345]/.test(p.id))) {
      const expected = p.payload.replace(/\r\n/g, '\n');
      expect(everything.filter((t) => t === expected).length, p.id).toBeGreaterThanOrEqual(2);
    }
    const long = shortlist.filter((t) => t.startsWith('Long Long'));
    expect(long).toHaveLength(2);
    for (const text of long) expect(text.length).toBeLessThanOrEqual(32_767);
    expect(everything.some((t) => t.startsWith('RED link bell'))).toBe(true);
  });

  it('Markdown report: tables keep their columns, no live Markdown, HTML or control characters', () => {
    const report = fs.readFileSync(path.join(out(), 'report.fr.md'), 'utf8');
    expect(markdownProblems(report, 'report.fr.md')).toEqual([]);
    // Ids are shown too: the escape sequence in t11's id is removed, the rest kept.
    for (const p of [...PAYLOADS, ...INVALID_NAME_PAYLOADS])
      expect(report, p.id).toContain(p.candidate ? 't11-red' : p.id);
  });

  it('letters: one per rejected hostile candidate, safe file names, no live markup', () => {
    const folder = path.join(out(), 'letters');
    const names = fs.readdirSync(folder);
    for (const name of names) {
      expect(name).toMatch(/^letter-[A-Za-z0-9._-]+(~[0-9a-f]{8})?\.fr\.md$/);
      expect(markdownProblems(fs.readFileSync(path.join(folder, name), 'utf8'), name)).toEqual([]);
    }
    for (const p of [...PAYLOADS, ...INVALID_NAME_PAYLOADS])
      expect(
        names.some((n) => n.startsWith(`letter-${p.id.slice(0, 4)}`)),
        p.id,
      ).toBe(true);
  });

  it('JSON exports parse, and keep every name exactly as written', () => {
    const shortlist = JSON.parse(fs.readFileSync(path.join(out(), 'shortlist.json'), 'utf8')) as JsonDocument;
    JSON.parse(fs.readFileSync(path.join(out(), 'ocds-SEC-TEST.json'), 'utf8'));
    for (const p of [...PAYLOADS, ...INVALID_NAME_PAYLOADS]) {
      expect(shortlist.candidates.find((c) => c.id === (p.candidate ?? p.id))?.name, p.id).toBe(p.payload);
    }
  });

  it('terminal: `prequal rank` and the run summary print no escape, control or bidi character', () => {
    const rank = runCli(['rank', '--workspace', w.ws, ...CLOCK]);
    expect(rank.code).toBe(0);
    expect(terminalProblems(rank.stdout, 'rank stdout')).toEqual([]);
    expect(terminalProblems(rank.stderr, 'rank stderr')).toEqual([]);
    expect(terminalProblems(run.stderr, 'run stderr')).toEqual([]);
    expect(rank.stdout).toContain('RED link bell');
    // One line per candidate: a multi-line name must not start lines of its own.
    expect(rank.stdout).not.toMatch(/^line two/m);
  });
});
