/**
 * Regression: the "unchanged since last ingest" shortcut used to stat dossier paths relative to
 * the process's current directory instead of the workspace. Run from another workspace with the
 * same dossier names, an edited dossier was taken for unchanged and its stale result kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseDossierYaml, CLOCK, makeSecurityWorkspace, runCli } from './harness.js';

describe('ingest run from another workspace', () => {
  it('sees an edit of the workspace it was given, not of the current directory', () => {
    const here = makeSecurityWorkspace('cwd-here');
    const there = makeSecurityWorkspace('cwd-there');
    for (const w of [here, there])
      fs.writeFileSync(path.join(w.dossiers, 'b00-base.yaml'), baseDossierYaml('Base'));
    const ingest = () => runCli(['ingest', '--workspace', there.ws, '--json', ...CLOCK], { cwd: here.ws });
    expect(ingest().code).toBe(0);
    // Same size, new content: only a read of the file in `there` can notice it.
    const file = path.join(there.dossiers, 'b00-base.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('relevant: 6', 'relevant: 2'));
    const second = ingest();
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).updated).toEqual(['b00-base']);
  });
});
