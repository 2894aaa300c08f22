import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers.js';
import { act, committeeWorkspace, NOW, storedScores } from './committee-helpers.js';

const FALL = 'Ibrahima Fall';
const DRIVER = path.join(import.meta.dirname, 'pty-session.py');

interface PtyResult {
  code: number;
  output: string;
  failed_step: number | null;
}

/** Runs `prequal score --evaluator` in a pseudo-terminal, typing `send` once `expect` is on screen. */
function scoreOnTerminal(ws: string, steps: { expect: string; send: string }[]): PtyResult {
  const config = {
    argv: [
      process.execPath,
      path.join(ROOT, 'bin', 'prequal.js'),
      'score',
      '--evaluator',
      FALL,
      '--workspace',
      ws,
      '--now',
      NOW,
      '--as',
      FALL,
    ],
    cwd: ROOT,
    env: { NO_COLOR: '1', TERM: 'xterm' },
    timeout: 40,
    steps,
  };
  const result = spawnSync('python3', [DRIVER, JSON.stringify(config)], {
    encoding: 'utf8',
    timeout: 50_000,
  });
  if (result.status !== 0) throw new Error(`pty driver failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as PtyResult;
}

const prompt = (candidate: string, field: 'points' | 'comment') => `${candidate} EXP-4 ${field}`;

describe('interactive scoring in a terminal (built CLI, pseudo-terminal)', () => {
  it('saves each answer at once, survives Ctrl-C with exit 130, and resumes where the evaluator stopped', () => {
    const ws = committeeWorkspace('poc2-s29');
    expect(act(ws, FALL, ['ingest']).code).toBe(0);
    expect(act(ws, FALL, ['criteria', 'import']).code).toBe(0);

    const first = scoreOnTerminal(ws, [
      { expect: prompt('c01-institut-droits-securite', 'points'), send: '25\r' },
      // Out of range: refused on the spot; the typed value is erased and corrected.
      { expect: 'points 25 out of range [0, 20] for EXP-4', send: '\x7f\x7f16\r' },
      { expect: prompt('c01-institut-droits-securite', 'comment'), send: '\r' },
      { expect: 'a comment is required with every score', send: 'Solide ; volet gendarmerie général\r' },
      { expect: prompt('c02-cabinet-ndiaye-associes', 'points'), send: '14,5\r' },
      { expect: prompt('c02-cabinet-ndiaye-associes', 'comment'), send: 'Connaissance réelle de la DPJ\r' },
      // Interrupted in the middle of the third candidate.
      { expect: prompt('c03-consortium-ucad', 'points'), send: '\x03' },
    ]);
    expect(first.failed_step).toBeNull();
    expect(first.code).toBe(130);
    // The candidate's facts and the guidance were on screen before the question.
    expect(first.output).toContain(
      'Certificat en droits humains pour les officiers de la gendarmerie nationale',
    );
    expect(first.output).toContain('Apprécier, sur la base de la note de présentation du candidat');
    expect(first.output).toContain('2 score(s) recorded for Ibrahima Fall; 15 remaining.');
    expect(first.output).toContain('interrupted; every answer already given is saved');
    expect(storedScores(ws, FALL)).toEqual([
      {
        candidate: 'c01-institut-droits-securite',
        points: 16,
        comment: 'Solide ; volet gendarmerie général',
      },
      { candidate: 'c02-cabinet-ndiaye-associes', points: 14.5, comment: 'Connaissance réelle de la DPJ' },
    ]);

    const second = scoreOnTerminal(ws, [
      { expect: prompt('c03-consortium-ucad', 'points'), send: '16\r' },
      { expect: prompt('c03-consortium-ucad', 'comment'), send: 'Bon ancrage local\r' },
      { expect: prompt('c04-justice-securite-conseil', 'points'), send: '\x03' },
    ]);
    expect(second.failed_step).toBeNull();
    expect(second.code).toBe(130);
    expect(second.output).toContain('15 of 17 score(s) to give');
    // It resumed at the third candidate: the first two were not asked again.
    expect(second.output).not.toContain(prompt('c01-institut-droits-securite', 'points'));
    expect(second.output).not.toContain(prompt('c02-cabinet-ndiaye-associes', 'points'));
    expect(second.output).toContain('1 score(s) recorded for Ibrahima Fall; 14 remaining.');
    expect(storedScores(ws, FALL).map((s) => [s.candidate, s.points])).toEqual([
      ['c01-institut-droits-securite', 16],
      ['c02-cabinet-ndiaye-associes', 14.5],
      ['c03-consortium-ucad', 16],
    ]);
    // Each answer was its own audited act, traced to the prompt.
    const audit = JSON.parse(act(ws, FALL, ['audit', '--json']).stdout) as {
      action: string;
      after: { source?: string };
    }[];
    expect(audit.filter((e) => e.action === 'score.record').map((e) => e.after.source)).toEqual([
      'prompt',
      'prompt',
      'prompt',
    ]);
  });

  it('refuses up front, with the reason, someone who does not vote', () => {
    const ws = committeeWorkspace('poc2-s29');
    expect(act(ws, FALL, ['ingest']).code).toBe(0);
    expect(act(ws, FALL, ['criteria', 'import']).code).toBe(0);
    const config = {
      argv: [
        process.execPath,
        path.join(ROOT, 'bin', 'prequal.js'),
        'score',
        '--evaluator',
        'Awa Ndiaye',
        '--workspace',
        ws,
        '--now',
        NOW,
      ],
      cwd: ROOT,
      env: { NO_COLOR: '1' },
      timeout: 20,
      steps: [],
    };
    const result = spawnSync('python3', [DRIVER, JSON.stringify(config)], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    const run = JSON.parse(result.stdout) as PtyResult;
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      'cannot score: "Awa Ndiaye" is the chair of the committee and does not vote',
    );
  });
});
