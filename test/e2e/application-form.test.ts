import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/core/types.js';
import { writeDossierToForm } from '../../src/forms/write-form.js';
import { copyFixture, prequal } from './cli-helpers.js';

const NOW = ['--now', '2025-12-05T09:00:00Z'];
const ID = 'c01-institut-droits-securite';

interface Doc {
  candidates: {
    id: string;
    status: string;
    total: number | null;
    errors?: { message: string; path: string }[];
  }[];
}

describe('a candidate folder holding application-form.xlsx instead of dossier.yaml', () => {
  it('is evaluated exactly as the same dossier written in YAML', async () => {
    const ws = copyFixture('poc2-s29');
    const before = JSON.parse(prequal(['run', '--workspace', ws, '--json', ...NOW]).stdout) as Doc;
    const folder = path.join(ws, 'dossiers', ID);
    // The dossier as the reader validated it: write it to the form, drop the YAML.
    const shown = JSON.parse(prequal(['explain', ID, '--workspace', ws, '--json', ...NOW]).stdout);
    expect(shown.id).toBe(ID);
    const source = yaml.load(fs.readFileSync(path.join(folder, 'dossier.yaml'), 'utf8'), {
      schema: yaml.CORE_SCHEMA,
    }) as Dossier;
    await writeDossierToForm(normalise(source), path.join(folder, 'application-form.xlsx'), 'fr');
    fs.rmSync(path.join(folder, 'dossier.yaml'));
    const after = JSON.parse(prequal(['run', '--workspace', ws, '--json', ...NOW]).stdout) as Doc;
    const pick = (doc: Doc) => doc.candidates.find((c) => c.id === ID);
    expect(pick(after)?.status).toBe(pick(before)?.status);
    expect(pick(after)?.total).toBe(pick(before)?.total);
  });

  it('is invalid, with the sheet and cell named, when a cell cannot be read', async () => {
    const ws = copyFixture('poc2-s29');
    const folder = path.join(ws, 'dossiers', ID);
    const form = path.join(folder, 'application-form.xlsx');
    const source = yaml.load(fs.readFileSync(path.join(folder, 'dossier.yaml'), 'utf8'), {
      schema: yaml.CORE_SCHEMA,
    }) as Dossier;
    await writeDossierToForm(normalise(source), form, 'fr');
    fs.rmSync(path.join(folder, 'dossier.yaml'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(form);
    const sheet = workbook.getWorksheet('References');
    if (!sheet) throw new Error('the form has no References sheet');
    const valueColumn = (sheet.getRow(2).values as string[]).indexOf('Montant');
    sheet.getRow(3).getCell(valueColumn).value = 'beaucoup';
    await workbook.xlsx.writeFile(form);
    const result = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(result.code).toBe(0);
    const candidate = (JSON.parse(result.stdout) as Doc).candidates.find((c) => c.id === ID);
    expect(candidate?.status).toBe('invalid');
    expect(candidate?.errors?.map((e) => e.path)).toContainEqual(
      expect.stringMatching(/^References![A-Z]+3$/),
    );
  });

  it('is invalid when the file is not a workbook', () => {
    const ws = copyFixture('poc2-s29');
    const folder = path.join(ws, 'dossiers', ID);
    fs.writeFileSync(path.join(folder, 'application-form.xlsx'), 'not a workbook');
    fs.rmSync(path.join(folder, 'dossier.yaml'));
    const result = prequal(['run', '--workspace', ws, '--json', ...NOW]);
    expect(result.code).toBe(0);
    const candidate = (JSON.parse(result.stdout) as Doc).candidates.find((c) => c.id === ID);
    expect(candidate?.status).toBe('invalid');
    expect(candidate?.errors?.[0]?.message).toContain('not a readable .xlsx workbook');
  });
});

/** Fills the defaults the reader applies, so the form round trip compares like with like. */
function normalise(d: Dossier): Dossier {
  const entity = <T extends object>(e: T) => ({
    declarations: {},
    references: [],
    experts: [],
    ...e,
  });
  return {
    ...entity(d),
    members: (d.members ?? []).map((m) => entity({ ...m, role: m.role ?? 'member' })),
    documents: d.documents ?? {},
  } as Dossier;
}
