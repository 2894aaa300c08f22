/**
 * `prequal audit verify` must not change what it verifies: no write to the store, not even the
 * committee tender.yaml names (which every other command registers) nor a cache, and no file left
 * beside it. A committee that tender.yaml names otherwise than the store holds it is a note.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { copyFixture, fileHashes, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z', '--as', 'Test Runner'];

/** The fixture after one run, its tender.yaml's committee then changed: a chair made secretary, a member added. */
function workspaceWithNewCommittee(): string {
  const ws = copyFixture('poc2-s29');
  expect(prequal(['run', '--workspace', ws, ...NOW]).code).toBe(0);
  const tender = path.join(ws, 'tender.yaml');
  const text = fs.readFileSync(tender, 'utf8');
  const changed = text.replace(
    '- { name: Awa Ndiaye, role: chair }',
    '- { name: Awa Ndiaye, role: secretary }\n  - { name: Jean Dupont, role: evaluator, declaration_signed: 2025-12-03 }',
  );
  expect(changed).not.toBe(text);
  fs.writeFileSync(tender, changed);
  return ws;
}

/** Every file of the workspace with its hash, and the store's mtime. */
function snapshot(ws: string): { files: Record<string, string>; storeMtime: number } {
  return { files: fileHashes(ws), storeMtime: fs.statSync(path.join(ws, 'prequal.db')).mtimeMs };
}

const NOTE =
  "note: tender.yaml's committee is not the store's: Awa Ndiaye is secretary in tender.yaml, chair in the store; " +
  'Jean Dupont (evaluator, declaration signed 2025-12-03) is not registered. audit verify changes nothing; ' +
  "the next command that writes registers tender.yaml's committee, with audit entries\n";

describe('audit verify', () => {
  it("writes nothing, and says where tender.yaml's committee is not the store's instead of registering it", () => {
    const ws = workspaceWithNewCommittee();
    const before = snapshot(ws);
    const verify = prequal(['audit', 'verify', '--workspace', ws, ...NOW]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^audit trail intact: 62 entries, hash chain verified/);
    expect(verify.stderr).toBe(NOTE);
    expect(snapshot(ws)).toEqual(before);
    // A command that writes registers the committee, with its entries; verify then has no note.
    expect(prequal(['ingest', '--workspace', ws, ...NOW]).code).toBe(0);
    const after = prequal(['audit', 'verify', '--workspace', ws, ...NOW]);
    expect(after.stdout).toMatch(/^audit trail intact: 65 entries/);
    expect(after.stderr).toBe('');
  });

  it('writes nothing either when it finds a record forged', () => {
    const ws = workspaceWithNewCommittee();
    const db = new Database(path.join(ws, 'prequal.db'));
    db.prepare("UPDATE dossiers SET status = 'invalid' WHERE id = 'c01-institut-droits-securite'").run();
    db.close();
    const before = snapshot(ws);
    const verify = prequal(['audit', 'verify', '--workspace', ws, ...NOW]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(
      /^note: .*\naudit trail broken at entry \d+: dossiers row "c01-institut-droits-securite" \(invalid\) differs/,
    );
    expect(snapshot(ws)).toEqual(before);
  });
});
