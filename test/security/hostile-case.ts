/**
 * The shape of one hostile case and the small writers cases use. A case writes one candidate
 * (or a pair) into a workspace made by `makeSecurityWorkspace`, and says how it must end: a
 * per-dossier error matching `message`, or an evaluation (optionally with the same verdicts
 * as a reference candidate, and a custom check).
 */
import fs from 'node:fs';
import path from 'node:path';
import { baseDossier, DOCUMENTS, type DossierValue, type SecurityWorkspace, toYaml } from './harness.js';

/** A candidate of SPEC §6's JSON document, as the tests read it. */
export interface JsonCandidate {
  id: string;
  name: string;
  status: string;
  rank: number | null;
  total: number | null;
  criteria: Record<
    string,
    { passed: boolean | null; points: number | null; metrics: Record<string, unknown> }
  >;
  reasons: { criterion: string; message: string }[];
  errors?: { file: string; path: string; message: string; line?: number }[];
  warnings?: { message: string }[];
}

export type CaseGroup =
  | 'control'
  | 'size and encoding'
  | 'structure'
  | 'paths and files'
  | 'numbers and dates'
  | 'text';

export type Expectation =
  | {
      kind: 'invalid';
      message: RegExp;
      /** Returns a problem, or undefined when the candidate is right. */
      check?: (candidate: JsonCandidate) => string | undefined;
    }
  /** Not a candidate at all (ignored by design). */
  | { kind: 'absent' }
  | {
      kind: 'evaluated';
      /** Id of a candidate whose every criterion verdict (passed, points, metrics) must be the same. */
      like?: string;
      status?: string;
      /** Criteria the candidate must fail (exactly these). */
      failed?: string[];
      /** Returns a problem, or undefined when the candidate is right. */
      check?: (candidate: JsonCandidate) => string | undefined;
    };

export interface HostileCase {
  /** Stable id, listed in docs/SECURITY.md; also the candidate id unless `candidate` is set. */
  id: string;
  candidate?: string;
  group: CaseGroup;
  /** What the hostile input is, for the table of docs/SECURITY.md. */
  input: string;
  build: (w: SecurityWorkspace) => void;
  expect: Expectation;
  /** A FIFO: reading it in the test process could block the test runner itself. */
  blocking?: boolean;
}

/** The candidate id a case produces. */
export const candidateOf = (c: HostileCase): string => c.candidate ?? c.id;

/** Writes `dossiers/<id>.<ext>` (a bare dossier file). */
export function writeBare(w: SecurityWorkspace, id: string, content: string | Buffer, ext = 'yaml'): string {
  const file = path.join(w.dossiers, `${id}.${ext}`);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * Writes `dossiers/<id>/dossier.yaml` with the three mandatory attachments, `documents`
 * overriding the default paths. Returns the folder.
 */
export function writeFolder(
  w: SecurityWorkspace,
  id: string,
  value: DossierValue,
  documents: Record<string, string> = {},
): string {
  const folder = path.join(w.dossiers, id);
  fs.mkdirSync(folder, { recursive: true });
  for (const file of Object.values(DOCUMENTS))
    fs.writeFileSync(path.join(folder, file), `%PDF-1.4 ${file}\n`);
  fs.writeFileSync(
    path.join(folder, 'dossier.yaml'),
    toYaml({ ...value, documents: { ...DOCUMENTS, ...documents } }),
  );
  return folder;
}

/** A base dossier changed by `mutate`, as YAML. */
export function mutated(name: string, mutate: (value: DossierValue) => void): string {
  const value = baseDossier(name);
  mutate(value);
  return toYaml(value);
}

/** A seeded generator (mulberry32): the corpus is the same bytes on every run. */
export function seededBytes(seed: number, length: number): Buffer {
  let state = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}
