import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { Context } from '../../src/context.js';
import { closeSession, openSession, type Session } from '../../src/pipeline/session.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The built worker scripts: worker threads run JavaScript, so these tests use `dist/` like the e2e ones. */
export const BUILT_PARSE_WORKER = pathToFileURL(path.join(ROOT, 'dist', 'pipeline', 'parse-worker.js'));
export const BUILT_EVALUATE_WORKER = pathToFileURL(path.join(ROOT, 'dist', 'pipeline', 'evaluate-worker.js'));

/** A temporary copy of a fixture workspace. */
export function copyFixture(name = 'poc2-s29'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `prequal-pipeline-${name}-`));
  fs.cpSync(path.join(ROOT, 'fixtures', name), dir, { recursive: true });
  return dir;
}

/** Replaces `from` (which must be there) by `to` in a workspace file, as a user's edit. */
export function replaceInFile(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

/** A quiet context with a fixed clock. */
export function quietContext(workspace: string): Context {
  return {
    workspace,
    cwd: workspace,
    now: () => new Date('2025-12-05T10:00:00Z'),
    user: 'Test Runner',
    out: () => undefined,
    err: () => undefined,
    interactive: false,
    progressAllowed: false,
  };
}

/**
 * Fixture copies and sessions a test opens, closed and deleted after it:
 * `const fixtures = fixtureSessions(); afterEach(fixtures.cleanup);`
 */
export function fixtureSessions() {
  const workspaces: string[] = [];
  const sessions: Session[] = [];
  return {
    /** A temporary copy of a fixture workspace (copyFixture), deleted by cleanup. */
    copy(name?: string): string {
      const dir = copyFixture(name);
      workspaces.push(dir);
      return dir;
    },
    /** A session on `workspace` with a quiet context, closed by cleanup. */
    async open(workspace: string): Promise<Session> {
      const session = await openSession(quietContext(workspace));
      sessions.push(session);
      return session;
    },
    cleanup(): void {
      for (const session of sessions.splice(0)) closeSession(session);
      for (const dir of workspaces.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
