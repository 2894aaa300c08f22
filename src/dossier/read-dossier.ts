import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentFact, InputIssue, ReadDossier, Tender } from '../core/types.js';
import { checkAttachments } from './check-attachments.js';
import type { DossierEntry } from './list-dossier-entries.js';
import { locateIssues } from './locate-issues.js';
import { DEFAULT_LIMITS } from './parse-document.js';
import { parseDossierSource, usableName } from './parse-dossier-text.js';
import { sortIssues } from './validate-value.js';

export interface ReadDossierOptions {
  /** Largest dossier file accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  /**
   * The document to validate instead of the file's own text, for a file that is not YAML or JSON
   * (an Excel application form read beforehand). The hash still covers the file's bytes.
   */
  document?: unknown;
}

const ESCAPE_MESSAGE = "attachment path escapes the candidate's folder";

/**
 * Reads one candidate: parses and validates its dossier file, then checks its attachments.
 * Never throws for a bad dossier: it comes back with `dossier: null` and every reason.
 * The hash covers the dossier bytes and each attachment's kind, path, status and bytes, so
 * an unchanged candidate can be skipped; for an entry invalid before reading it also
 * covers the reasons, so the stored verdict is refreshed once the reason goes away.
 */
export function readDossier(
  workspace: string,
  entry: DossierEntry,
  tender: Tender,
  options: ReadDossierOptions = {},
): ReadDossier {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const file = entry.sourcePath;
  const base = {
    id: entry.id,
    sourcePath: entry.sourcePath,
    attachments: [] as AttachmentFact[],
    warnings: [],
  };
  const hash = createHash('sha256');
  const invalid = (messages: string[]): ReadDossier => {
    for (const message of messages) hash.update(`\0problem\0${message}`);
    const errors = messages.map((message) => ({ file, path: '', message }));
    return { ...base, hash: hash.digest('hex'), dossier: null, errors };
  };
  if (entry.file === null) return invalid(entry.problems);
  try {
    const absolute = path.join(workspace, entry.file);
    const size = fs.statSync(absolute).size;
    if (size > maxBytes)
      return invalid([...entry.problems, `file is ${size} bytes, above the limit of ${maxBytes} bytes`]);
    const bytes = fs.readFileSync(absolute);
    hash.update(bytes);
    if (entry.problems.length > 0) return invalid(entry.problems);
    const parsed =
      options.document === undefined
        ? parseDossierSource(bytes, file, tender, { maxBytes })
        : withoutPositions(parseDossierSource(JSON.stringify(options.document), file, tender, { maxBytes }));
    if (!parsed.dossier) {
      return {
        ...base,
        hash: hash.digest('hex'),
        dossier: null,
        errors: parsed.errors,
        warnings: parsed.warnings,
        ...(parsed.candidateName === undefined ? {} : { candidateName: parsed.candidateName }),
      };
    }
    const folder =
      entry.folder === null
        ? null
        : (entry.realFolder ?? fs.realpathSync.native(path.join(workspace, entry.folder)));
    const { facts, escaping } = checkAttachments(folder, parsed.dossier.documents);
    hashAttachments(hash, folder, facts);
    if (escaping.length > 0) {
      const issues: InputIssue[] = escaping.map((kind) => ({
        file,
        path: `documents.${kind}`,
        message: ESCAPE_MESSAGE,
      }));
      const errors = sortIssues(locateIssues(parsed.text ?? '', issues));
      const candidateName = usableName(parsed.dossier.candidate.name);
      return {
        ...base,
        hash: hash.digest('hex'),
        dossier: null,
        errors,
        warnings: parsed.warnings,
        ...(candidateName === undefined ? {} : { candidateName }),
      };
    }
    const warnings = parsed.warnings;
    return {
      ...base,
      hash: hash.digest('hex'),
      dossier: parsed.dossier,
      attachments: facts,
      errors: [],
      warnings,
    };
  } catch (error) {
    // The file changed under us (removed, made unreadable) since it was listed.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    return invalid([...entry.problems, `cannot read the dossier (${code})`]);
  }
}

function hashAttachments(hash: Hash, folder: string | null, facts: AttachmentFact[]): void {
  for (const fact of facts) {
    hash.update(`\0attachment\0${fact.kind}\0${fact.path}\0${fact.status}\0${fact.size}\0`);
    if (fact.status === 'ok' && folder !== null) hashFile(hash, path.join(folder, fact.path));
  }
}

/** One chunk buffer for every attachment: reads are synchronous, so sharing it is safe. */
const chunk = Buffer.allocUnsafe(256 * 1024);

/** Streams a file into the hash by chunks, so a large attachment never sits in memory. */
function hashFile(hash: Hash, file: string): void {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, 'r');
  } catch (error) {
    // Present but unreadable (permissions): its status says ok, the committee will see the rest.
    hash.update(`\0unreadable\0${(error as NodeJS.ErrnoException).code ?? ''}`);
    return;
  }
  try {
    for (let read = fs.readSync(descriptor, chunk); read > 0; read = fs.readSync(descriptor, chunk)) {
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Lines and columns of a document converted to JSON point nowhere useful in the original file. */
function withoutPositions<T extends { errors: InputIssue[]; warnings: InputIssue[] }>(parsed: T): T {
  const strip = (issues: InputIssue[]) => issues.map(({ line: _l, column: _c, ...issue }) => issue);
  return { ...parsed, errors: strip(parsed.errors), warnings: strip(parsed.warnings) };
}
