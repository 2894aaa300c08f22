import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, prequal, ROOT } from './cli-helpers.js';

/**
 * Golden files: the shortlisting report of fixtures/poc2-s29 in French and English, as a committee
 * reads it. A deliberate change to the templates or the wording is accepted by re-running with
 * UPDATE_GOLDEN=1 and reviewing the diff of test/golden/.
 */
const GOLDEN = path.join(ROOT, 'test', 'golden');

describe('the S29 shortlisting report', () => {
  const ws = copyFixture('poc2-s29');
  const run = prequal(['run', '--workspace', ws, '--format', 'json', '--now', '2025-12-05T09:00:00Z']);

  it.each(['fr', 'en'])('matches the reviewed %s report byte for byte', (lang) => {
    expect(run.code).toBe(0);
    const out = path.join(ws, `out-${lang}`);
    const result = prequal([
      'export',
      '--workspace',
      ws,
      '--format',
      'md,letters',
      '--lang',
      lang,
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const report = fs.readFileSync(path.join(out, `report.${lang}.md`), 'utf8');
    const letter = fs.readFileSync(
      path.join(out, 'letters', `letter-c16-kedougou-formation-droits.${lang}.md`),
      'utf8',
    );
    const files: [string, string][] = [
      [`report.poc2-s29.${lang}.md`, report],
      [`letter.c16.${lang}.md`, letter],
    ];
    for (const [name, content] of files) {
      const golden = path.join(GOLDEN, name);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, content);
      expect(content).toBe(fs.readFileSync(golden, 'utf8'));
    }
  });
});
