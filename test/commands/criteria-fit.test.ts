import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, prequal } from '../e2e/cli-helpers.js';
import { modulesLoadedBy } from '../e2e/module-log.js';

const ZOD = /\/node_modules\/zod\//;

function imported(): string {
  const ws = copyFixture('poc2-s29');
  for (const args of [['ingest'], ['criteria', 'import']]) {
    const result = prequal([...args, '--workspace', ws]);
    expect(result.code, result.stderr).toBe(0);
  }
  return ws;
}

describe('stored criteria checked against the tender without loading the schemas', () => {
  it('takes the version this build imported against this tender.yaml as checked', () => {
    const ws = imported();
    expect(modulesLoadedBy(ws, ['score', '--workspace', ws])).not.toMatch(ZOD);
    expect(modulesLoadedBy(ws, ['rank', '--workspace', ws])).not.toMatch(ZOD);
  });

  it('validates again a version imported before the latest one', () => {
    const ws = imported();
    const file = path.join(ws, 'criteria.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('average_at_least: 300000', 'average_at_least: 250000'));
    expect(prequal(['criteria', 'import', '--workspace', ws]).code).toBe(0);
    expect(modulesLoadedBy(ws, ['diff', '--from', '1', '--to', '2', '--workspace', ws])).toMatch(ZOD);
  });
});
