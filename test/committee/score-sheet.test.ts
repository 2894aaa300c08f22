import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeScoreSheet } from '../../src/committee/score-sheet-export.js';
import { importScoreSheet } from '../../src/committee/score-sheet-import.js';
import { listScoringItems } from '../../src/committee/scoring-work.js';
import { requireCriteriaVersion } from '../../src/pipeline/import-criteria.js';
import type { Session } from '../../src/pipeline/session.js';
import { addMember, listScores, recordScores } from '../../src/store/index.js';
import { AT, copyWorkspace, fixtureScores, openReadySession } from './helpers.js';

const HELENE = 'Hélène Marchand';

async function exportSheet(session: Session, evaluator = HELENE): Promise<string> {
  const version = requireCriteriaVersion(session);
  const file = path.join(session.ctx.workspace, 'out', 'sheets', 'sheet.xlsx');
  await writeScoreSheet(file, {
    evaluator,
    tender: session.tender,
    criteriaVersion: version.version,
    items: listScoringItems(session, evaluator, version.criteria),
    lang: 'fr',
    at: AT,
  });
  return file;
}

async function readSheet(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Scores');
  if (!sheet) throw new Error('no Scores sheet');
  return sheet;
}

/** Fills points and comment as an evaluator would; `points` returns what to type for a candidate. */
async function fillSheet(file: string, points: (candidate: string) => string | number | null): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Scores');
  if (!sheet) throw new Error('no Scores sheet');
  for (let r = 5; r <= sheet.rowCount; r++) {
    const candidate = String(sheet.getCell(`A${r}`).value);
    sheet.getCell(`H${r}`).value = points(candidate);
    sheet.getCell(`I${r}`).value = `avis sur ${candidate}`;
  }
  await workbook.xlsx.writeFile(file);
}

const scoresOf = (session: Session) => listScores(session.store).filter((s) => s.evaluator === HELENE);

describe('sheet export', () => {
  it('writes one locked row per candidate and manual criterion, with validation and pre-filled scores', async () => {
    const ws = copyWorkspace();
    const dossier = path.join(ws, 'dossiers', 'c02-cabinet-ndiaye-associes', 'dossier.yaml');
    const yaml = fs
      .readFileSync(dossier, 'utf8')
      .replace('name: Cabinet Ndiaye & Associés', 'name: "=HYPERLINK(\\"http://x\\")"');
    fs.writeFileSync(dossier, yaml);
    const session = await openReadySession(ws);
    recordScores(
      session.store,
      [
        {
          evaluator: HELENE,
          candidate: 'c03-consortium-ucad',
          criterion: 'EXP-4',
          points: 17,
          comment: 'déjà noté',
          source: 'test',
          recordedAt: AT,
        },
      ],
      { by: HELENE, at: AT },
    );
    const sheet = await readSheet(await exportSheet(session));

    expect(sheet.getCell('B1').value).toBe(HELENE);
    expect(sheet.getCell('B2').value).toBe('POC2-S29');
    expect(sheet.getCell('B3').value).toBe(1);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'Candidat (id)',
      'Nom du candidat',
      'Pays',
      'Critère',
      'Intitulé',
      'Maximum',
      'Consignes',
      'Points',
      'Commentaire',
    ]);
    // 17 valid dossiers × 1 manual criterion, by candidate id.
    expect(sheet.rowCount).toBe(4 + 17);
    expect(sheet.getCell('A5').value).toBe('c01-institut-droits-securite');
    expect(sheet.getCell('D5').value).toBe('EXP-4');
    expect(sheet.getCell('F5').value).toBe(20);
    expect(String(sheet.getCell('G5').value)).toMatch(/^Apprécier/);
    // Candidate text stays a plain string, never a formula.
    expect(sheet.getCell('B6').value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('B6').type).toBe(ExcelJS.ValueType.String);
    // The evaluator's existing score is pre-filled.
    expect(sheet.getCell('H7').value).toBe(17);
    expect(sheet.getCell('I7').value).toBe('déjà noté');
    expect(sheet.getCell('H5').value).toBeNull();
    // Facts locked, points and comment unlocked, the sheet protected.
    expect(sheet.getCell('A5').protection?.locked).not.toBe(false);
    expect(sheet.getCell('H5').protection?.locked).toBe(false);
    expect(sheet.getCell('I5').protection?.locked).toBe(false);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(sheet.getCell('H5').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 20],
    });
    expect(sheet.getColumn(9).width).toBeGreaterThanOrEqual(60);
    expect(sheet.getCell('I5').alignment?.wrapText).toBe(true);
  });

  it('offers a list of allowed values when the criterion has a scale', async () => {
    const ws = copyWorkspace();
    const criteria = path.join(ws, 'criteria.yaml');
    fs.writeFileSync(
      criteria,
      fs
        .readFileSync(criteria, 'utf8')
        .replace('type: manual', 'type: manual\n      scale: [0, 5, 10, 15, 20]'),
    );
    const session = await openReadySession(ws);
    const sheet = await readSheet(await exportSheet(session));
    expect(sheet.getCell('H5').dataValidation).toMatchObject({ type: 'list', formulae: ['"0,5,10,15,20"'] });
  });
});

describe('sheet import', () => {
  it('records a filled sheet, each score traced to its file and row', async () => {
    const session = await openReadySession(copyWorkspace());
    const file = await exportSheet(session);
    const expected = fixtureScores('helene-marchand.csv');
    await fillSheet(file, (candidate) => Number(expected.get(candidate)?.[0]));
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result).toEqual({ file: 'out/sheets/sheet.xlsx', recorded: 17, unchanged: 0, issues: [] });
    const scores = scoresOf(session);
    expect(scores).toHaveLength(17);
    expect(scores.find((s) => s.candidate === 'c07-rights-policing-partners')).toMatchObject({
      points: 15,
      source: 'out/sheets/sheet.xlsx:11',
    });
    // Importing the same sheet again changes nothing.
    const again = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(again).toMatchObject({ recorded: 0, unchanged: 17 });
  });

  it('accepts a decimal comma typed as text', async () => {
    const session = await openReadySession(copyWorkspace());
    const file = await exportSheet(session);
    await fillSheet(file, () => '14,5');
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result.issues).toEqual([]);
    expect(scoresOf(session).every((s) => s.points === 14.5)).toBe(true);
  });

  it('refuses an out-of-range value naming the sheet and cell, and records nothing', async () => {
    const session = await openReadySession(copyWorkspace());
    const file = await exportSheet(session);
    await fillSheet(file, (candidate) => (candidate === 'c03-consortium-ucad' ? 25 : 12));
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result.recorded).toBe(0);
    expect(result.issues).toEqual([
      {
        file: 'out/sheets/sheet.xlsx',
        line: 7,
        path: 'Scores!H7',
        message: 'points 25 out of range [0, 20] for EXP-4',
      },
    ]);
    expect(scoresOf(session)).toEqual([]);
  });

  it('refuses missing values, every one named, and records nothing', async () => {
    const session = await openReadySession(copyWorkspace());
    const file = await exportSheet(session);
    await fillSheet(file, (candidate) => (candidate === 'c05-sahel-gouvernance-droits' ? null : 12));
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result.recorded).toBe(0);
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'Scores!H9: missing value: no points for c05-sahel-gouvernance-droits EXP-4',
    ]);
    expect(scoresOf(session)).toEqual([]);
  });

  it('refuses an untouched sheet: every points cell is missing', async () => {
    const session = await openReadySession(copyWorkspace());
    const file = await exportSheet(session);
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result.recorded).toBe(0);
    expect(result.issues).toHaveLength(17);
    expect(
      result.issues.every((i) => /^Scores!H\d+$/.test(i.path) && i.message.startsWith('missing value')),
    ).toBe(true);
  });

  it('requires a comment with every score, naming the comment cell', async () => {
    const session = await openReadySession(copyWorkspace());
    const file = await exportSheet(session);
    await fillSheet(file, () => 10);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Scores')!.getCell('I12').value = '   ';
    await workbook.xlsx.writeFile(file);
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result.issues.map((i) => i.path)).toEqual(['Scores!I12']);
    expect(scoresOf(session)).toEqual([]);
  });

  it('refuses the scores of an evaluator without a declaration, naming the evaluator cell', async () => {
    const session = await openReadySession(copyWorkspace());
    addMember(session.store, { name: 'Nouvel Évaluateur', role: 'evaluator' }, { by: 'test', at: AT });
    const file = await exportSheet(session, 'Nouvel Évaluateur');
    await fillSheet(file, () => 10);
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result.recorded).toBe(0);
    expect(result.issues).toHaveLength(17);
    expect(result.issues[0]).toMatchObject({
      path: 'Scores!B1',
      message: '"Nouvel Évaluateur" has not recorded a declaration of impartiality and confidentiality',
    });
    expect(listScores(session.store)).toEqual([]);
  });

  it('refuses a sheet made before the manual criterion changed', async () => {
    const ws = copyWorkspace();
    const session = await openReadySession(ws);
    const file = await exportSheet(session);
    await fillSheet(file, () => 10);
    const criteria = path.join(ws, 'criteria.yaml');
    fs.writeFileSync(
      criteria,
      fs
        .readFileSync(criteria, 'utf8')
        .replace('max: 20\n    rule:\n      type: manual', 'max: 15\n    rule:\n      type: manual'),
    );
    const { importCriteriaFile } = await import('../../src/pipeline/import-criteria.js');
    expect((await importCriteriaFile(session)).version.version).toBe(2);
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result.recorded).toBe(0);
    expect(result.issues[0]).toMatchObject({
      path: 'Scores!F5',
      message: 'EXP-4 changed since this sheet was made (criteria version 1): export a new sheet',
    });
  });

  it('refuses a file that is not a score sheet', async () => {
    const session = await openReadySession(copyWorkspace());
    const file = path.join(session.ctx.workspace, 'not-a-sheet.xlsx');
    fs.writeFileSync(file, 'plain text');
    const result = await importScoreSheet(session, file, requireCriteriaVersion(session).criteria);
    expect(result.recorded).toBe(0);
    expect(result.issues[0]?.message).toMatch(/^cannot read the score sheet/);
  });
});
