import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z'];

interface Doc {
  candidates: {
    id: string;
    status: string;
    reasons: { criterion: string }[];
    criteria: Record<
      string,
      {
        passed: boolean | null;
        flags?: string[];
        override?: { automatic?: { pending?: boolean } };
        explanation: string[];
      }
    >;
  }[];
}

describe('sanctions screening on fixtures/poc2-s29', () => {
  it('rejects an exact match with criterion sanctions and flags a near match for review, recording the list version', () => {
    const ws = copyFixture('poc2-s29');
    const result = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Doc;
    const sentinel = doc.candidates.find((c) => c.id === 'c13-sentinel-conseil');
    expect(sentinel?.reasons.map((r) => r.criterion)).toEqual(expect.arrayContaining(['ELI-1', 'sanctions']));
    const fleuve = doc.candidates.find((c) => c.id === 'c18-fleuve-conseil');
    expect(fleuve?.criteria.sanctions?.flags).toContain('review');
    expect(fs.readFileSync(path.join(ws, 'out', 'report.fr.md'), 'utf8')).toContain('EU-FSF 2025-11-20');
  });

  it('keeps a qualified candidate pending on a near match until the secretary overrides the gate', () => {
    const ws = copyFixture('poc2-s29');
    fs.appendFileSync(
      path.join(ws, 'sanctions', 'eu-consolidated-extract.csv'),
      'Institut Droit et Securite,,EU-FSF 2025-11-20\n',
    );
    const pending = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(pending.code).toBe(3);
    expect(pending.stderr).toContain('a sanctions near match awaits the secretary’s review');
    expect(pending.stderr).not.toContain('manual scores are pending');
    const doc = JSON.parse(pending.stdout) as Doc;
    expect(doc.candidates.find((c) => c.id === 'c01-institut-droits-securite')?.status).toBe('pending');
    const notSecretary = prequal([
      'override',
      '--workspace',
      ws,
      '--as',
      'Awa Ndiaye',
      '--candidate',
      'c01-institut-droits-securite',
      '--criterion',
      'sanctions',
      '--pass',
      '--reason',
      'x',
      ...NOW,
    ]);
    expect(notSecretary.code).toBe(1);
    expect(notSecretary.stderr).toContain('only the committee secretary may override');
    const override = prequal([
      'override',
      '--workspace',
      ws,
      '--as',
      'Olivier Lemaire',
      '--candidate',
      'c01-institut-droits-securite',
      '--criterion',
      'sanctions',
      '--pass',
      '--reason',
      'Different entity: RCCM SN-DKR-2011-B-1234 checked',
      ...NOW,
    ]);
    expect(override.code).toBe(0);
    const final = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(final.code).toBe(0);
    const after = JSON.parse(final.stdout) as Doc;
    const c01 = after.candidates.find((c) => c.id === 'c01-institut-droits-securite');
    expect(c01?.status).toBe('shortlisted');
    // What was overridden was a verdict awaiting review, not a pass.
    expect(c01?.criteria.sanctions?.override?.automatic?.pending).toBe(true);
    const report = fs.readFileSync(path.join(ws, 'out', 'report.fr.md'), 'utf8');
    expect(report).toMatch(/\| sanctions — Listes de sanctions \| En attente → Conforme \|/);
    // The near match is still explained; the line asking the secretary to decide is gone.
    const lines = c01?.criteria.sanctions?.explanation ?? [];
    expect(lines.join('\n')).toContain('à examiner par le comité');
    expect(lines.join('\n')).not.toContain('doit confirmer ou écarter');
  });
});
