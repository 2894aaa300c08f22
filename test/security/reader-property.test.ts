/**
 * Property, at the level of files on disk: whatever document a candidate writes (YAML, JSON or
 * raw bytes; a bare file or a folder; attachment paths that climb out, are absolute, name a
 * folder, a link to outside or nothing), `listDossierEntries` + `readDossier` return a dossier
 * or errors, never throw, and never report an attachment outside the candidate's folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { listDossierEntries, readDossier, readTender } from '../../src/dossier/index.js';
import { baseDossier, makeSecurityWorkspace } from './harness.js';

const ATTACHMENT_PATHS = [
  'formulaire.pdf',
  'sub/../formulaire.pdf',
  '../secret.pdf',
  '../../../outside/secret.pdf',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'annexes',
  'link-out.pdf',
  'missing.pdf',
  '',
  '.',
];

const documents = fc.dictionary(
  fc.constantFrom('application_form', 'rccm', '__proto__', 'constructor'),
  fc.constantFrom(...ATTACHMENT_PATHS),
);
const json = fc.jsonValue({ maxDepth: 4 });
/** Mostly honest dossiers with one part replaced by anything, plus arbitrary values. */
const dossierValue = fc.oneof(
  fc
    .record({
      field: fc.constantFrom(
        'candidate',
        'submitted_at',
        'references',
        'financials',
        'staff',
        'experts',
        'members',
        'x-extra',
      ),
      value: json,
      documents,
    })
    .map(({ field, value, documents: docs }) => ({
      ...baseDossier('Property SARL'),
      [field]: value,
      documents: docs,
    })),
  json,
);
const content = fc.oneof(
  fc.record({ kind: fc.constant('yaml' as const), value: dossierValue }),
  fc.record({ kind: fc.constant('json' as const), value: dossierValue }),
  fc.record({ kind: fc.constant('bytes' as const), value: fc.uint8Array({ maxLength: 300 }) }),
);

describe('readDossier on generated files', () => {
  it('returns a dossier or errors for any document on disk, never throws', () => {
    const w = makeSecurityWorkspace('property');
    const { tender } = readTender(w.ws);
    fs.rmSync(w.dossiers, { recursive: true });
    fc.assert(
      fc.property(content, fc.boolean(), (file, inFolder) => {
        fs.rmSync(w.dossiers, { recursive: true, force: true });
        const ext = file.kind === 'json' ? 'json' : 'yaml';
        const bytes =
          file.kind === 'bytes'
            ? Buffer.from(file.value)
            : file.kind === 'json'
              ? (JSON.stringify(file.value) ?? 'null')
              : yaml.dump(file.value, { schema: yaml.CORE_SCHEMA });
        const folder = path.join(w.dossiers, 'p');
        fs.mkdirSync(folder, { recursive: true });
        if (inFolder) {
          fs.writeFileSync(path.join(folder, 'formulaire.pdf'), '%PDF');
          fs.mkdirSync(path.join(folder, 'annexes'));
          fs.symlinkSync(path.join(w.outside, 'secret.pdf'), path.join(folder, 'link-out.pdf'));
          fs.writeFileSync(path.join(folder, `dossier.${ext}`), bytes);
        } else {
          fs.writeFileSync(path.join(w.dossiers, `p.${ext}`), bytes);
          fs.rmSync(folder, { recursive: true });
        }
        const [entry, ...others] = listDossierEntries(w.ws);
        expect(others).toEqual([]);
        if (!entry) throw new Error('the candidate was not listed');
        const read = readDossier(w.ws, entry, tender);
        expect(read.dossier === null).toBe(read.errors.length > 0);
        for (const fact of read.attachments) {
          expect(
            path.isAbsolute(fact.path) || fact.path.startsWith('..') || fact.path === 'link-out.pdf',
          ).toBe(false);
        }
      }),
      { numRuns: 150, seed: 20251128 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
