import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { act, committeeWorkspace, fixtureScoreRows, storedScores } from './committee-helpers.js';

interface JsonCandidate {
  id: string;
  status: string;
  rank: number | null;
  criteria: Record<
    string,
    { points: number | null; flags?: string[]; override?: { by: string; reason: string } }
  >;
}

const SECRETARY = 'Olivier Lemaire';
const SOW = 'Mamadou Lamine Sow';
const MARCHAND = 'Hélène Marchand';
const FALL = 'Ibrahima Fall';

const SHORTLIST = [
  'c01-institut-droits-securite',
  'c03-consortium-ucad',
  'c05-sahel-gouvernance-droits',
  'c02-cabinet-ndiaye-associes',
  'c08-euro-sahel-training',
  'c09-themis-afrique',
  'c06-ivoire-consult-droits-humains',
  'c10-teranga-droits-formation',
];

/** Fills the exported sheet as the evaluator would in Excel: points and comment of every row. */
async function fillSheet(
  file: string,
  rows: { candidate: string; points: string; comment: string }[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Scores');
  if (!sheet) throw new Error('no Scores sheet');
  for (let r = 5; r <= sheet.rowCount; r++) {
    const row = rows.find((x) => x.candidate === sheet.getCell(`A${r}`).value);
    if (!row) throw new Error(`no score for row ${r}`);
    sheet.getCell(`H${r}`).value = Number(row.points);
    sheet.getCell(`I${r}`).value = row.comment;
  }
  await workbook.xlsx.writeFile(file);
}

describe('the committee scores fixtures/poc2-s29 (built CLI)', () => {
  it('three evaluators, by flags, by sheet and by CSV; the shortlist follows; the spread is flagged; the audit chain holds until edited', async () => {
    const ws = committeeWorkspace('poc2-s29');
    expect(act(ws, SECRETARY, ['ingest']).code).toBe(0);
    expect(act(ws, SECRETARY, ['criteria', 'import']).code).toBe(0);
    // Nobody has scored EXP-4 yet: the shortlist is not final.
    expect(act(ws, SECRETARY, ['run']).code).toBe(3);

    // 1. Mamadou Lamine Sow, one score at a time by flags.
    const sow = fixtureScoreRows('mamadou-lamine-sow.csv');
    expect(sow).toHaveLength(17);
    for (const row of sow) {
      const args = ['score', '--evaluator', SOW, '--candidate', row.candidate, '--criterion', 'EXP-4'];
      const result = act(ws, SOW, [...args, '--points', row.points, '--comment', row.comment]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const outOfRange = act(ws, SOW, [
      'score',
      '--evaluator',
      SOW,
      '--candidate',
      'c01-institut-droits-securite',
      '--criterion',
      'EXP-4',
      '--points',
      '21',
      '--comment',
      'trop',
    ]);
    expect(outOfRange.code).toBe(1);
    expect(outOfRange.stderr).toContain('points 21 out of range [0, 20] for EXP-4');
    expect(storedScores(ws, SOW).find((s) => s.candidate === 'c01-institut-droits-securite')?.points).toBe(
      17,
    );

    // 2. Hélène Marchand, offline: export her sheet, fill it in Excel, import it (path relative to cwd).
    const exported = act(ws, SECRETARY, ['sheet', 'export', '--evaluator', MARCHAND, '--lang', 'en']);
    expect(exported.code).toBe(0);
    const sheet = path.join(ws, 'out', 'sheets', 'score-sheet-helene-marchand.xlsx');
    expect(fs.existsSync(sheet)).toBe(true);
    await fillSheet(sheet, fixtureScoreRows('helene-marchand.csv'));
    const imported = act(
      ws,
      SECRETARY,
      ['sheet', 'import', 'out/sheets/score-sheet-helene-marchand.xlsx'],
      ws,
    );
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('out/sheets/score-sheet-helene-marchand.xlsx: 17 score(s) recorded');

    // 3. Ibrahima Fall, in bulk from a CSV file.
    fs.copyFileSync(
      path.join(import.meta.dirname, '..', '..', 'fixtures', 'poc2-s29', 'scores', 'ibrahima-fall.csv'),
      path.join(ws, 'fall.csv'),
    );
    const csv = act(ws, SECRETARY, ['score', '--from', 'fall.csv'], ws);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('fall.csv: 17 score(s) recorded');
    for (const evaluator of [SOW, MARCHAND, FALL]) expect(storedScores(ws, evaluator)).toHaveLength(17);

    // The shortlist follows, final (exit 0), with c07's spread (11 / 15 / 19) flagged for consensus.
    const run = act(ws, SECRETARY, ['run', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { candidates: JsonCandidate[] };
    const shortlisted = doc.candidates.filter((c) => c.status === 'shortlisted').map((c) => c.id);
    expect(shortlisted).toEqual(SHORTLIST);
    const c07 = doc.candidates.find((c) => c.id === 'c07-rights-policing-partners');
    expect(c07?.status).toBe('reserve');
    expect(c07?.criteria['EXP-4']).toMatchObject({ points: 15, flags: ['consensus'] });
    const flagged = doc.candidates
      .filter((c) => c.criteria['EXP-4']?.flags?.includes('consensus'))
      .map((c) => c.id);
    expect(flagged).toEqual(['c07-rights-policing-partners']);
    expect(act(ws, SECRETARY, ['rank']).stdout).toContain('consensus needed on EXP-4');
    expect(act(ws, SECRETARY, ['explain', 'c07-rights-policing-partners']).stdout).toContain('[consensus]');

    // Every act is in the chained audit trail, which verifies…
    const audit = JSON.parse(act(ws, SECRETARY, ['audit', '--json']).stdout) as {
      seq: number;
      action: string;
      who: string;
    }[];
    const scoreEntries = audit.filter((e) => e.action === 'score.record');
    expect(scoreEntries).toHaveLength(51);
    expect(audit.some((e) => e.action === 'sheet.export')).toBe(true);
    const verified = act(ws, SECRETARY, ['audit', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('hash chain verified');

    // …until one row is edited behind prequal's back (the append-only trigger dropped first).
    const edited = scoreEntries[5]?.seq ?? 0;
    const db = new Database(path.join(ws, 'prequal.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET why = 'score revu à la hausse' WHERE seq = ?").run(edited);
    db.close();
    const broken = act(ws, SECRETARY, ['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`audit trail broken at entry ${edited}`);
  });

  it("refuses to change the role of a member of tender.yaml's committee, which would be undone", () => {
    const ws = committeeWorkspace('poc2-s29');
    const changed = act(ws, SECRETARY, ['committee', 'add', MARCHAND, '--role', 'chair']);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain(
      `${MARCHAND} is on the committee of tender.yaml as evaluator: change the role there, not here`,
    );
    const list = act(ws, SECRETARY, ['committee', 'list']);
    expect(list.stdout).toContain(`${MARCHAND}\tevaluator (votes)`);
    // The same role is no change, and a member tender.yaml does not name may still be added.
    expect(act(ws, SECRETARY, ['committee', 'add', MARCHAND, '--role', 'evaluator']).code).toBe(0);
    expect(act(ws, SECRETARY, ['committee', 'add', 'Fatou Sarr', '--role', 'evaluator']).code).toBe(0);
  });

  it("refuses another spelling of a member's name, which would be a second voter", () => {
    const ws = committeeWorkspace('poc2-s29');
    const variant = act(ws, SECRETARY, ['committee', 'add', 'Helene Marchand', '--role', 'evaluator']);
    expect(variant.code).toBe(1);
    expect(variant.stderr).toContain(
      `"Helene Marchand" is the committee member "${MARCHAND}" spelt differently: use that name exactly`,
    );
    const declare = act(ws, SECRETARY, ['committee', 'declare', 'helene marchand', '--yes']);
    expect(declare.code).toBe(1);
    expect(declare.stderr).toContain(`(did you mean "${MARCHAND}"?)`);
    const list = act(ws, SECRETARY, ['committee', 'list']);
    expect(list.stdout).not.toContain('Helene');
  });

  it('refuses an undeclared evaluator until the declaration, and lets only the secretary override', () => {
    const ws = committeeWorkspace('poc2-s29');
    expect(act(ws, SECRETARY, ['ingest']).code).toBe(0);
    expect(act(ws, SECRETARY, ['criteria', 'import']).code).toBe(0);
    expect(act(ws, SECRETARY, ['committee', 'add', 'Fatou Sarr', '--role', 'evaluator']).code).toBe(0);
    const score = [
      'score',
      '--evaluator',
      'Fatou Sarr',
      '--candidate',
      'c01-institut-droits-securite',
      '--criterion',
      'EXP-4',
      '--points',
      '12',
      '--comment',
      'correct',
    ];
    const refused = act(ws, 'Fatou Sarr', score);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '"Fatou Sarr" has not recorded a declaration of impartiality and confidentiality',
    );
    expect(act(ws, 'Fatou Sarr', ['sheet', 'export', '--evaluator', 'Awa Ndiaye']).stderr).toContain(
      '"Awa Ndiaye" is the chair of the committee and does not vote',
    );

    // Without a terminal the declaration needs --yes.
    expect(act(ws, 'Fatou Sarr', ['committee', 'declare', 'Fatou Sarr']).code).toBe(2);
    const declared = act(ws, 'Fatou Sarr', ['committee', 'declare', 'Fatou Sarr', '--yes']);
    expect(declared.code).toBe(0);
    expect(declared.stderr).toContain('Je soussigné(e), Fatou Sarr');
    const members = JSON.parse(act(ws, SECRETARY, ['committee', 'list', '--json']).stdout) as {
      name: string;
      declaredAt: string | null;
    }[];
    expect(members.find((m) => m.name === 'Fatou Sarr')?.declaredAt).toBe('2025-12-05T10:00:00.000Z');
    expect(act(ws, 'Fatou Sarr', score).code).toBe(0);

    const override = [
      'override',
      '--candidate',
      'c12-bureau-kane-et-fils',
      '--criterion',
      'ADM-2',
      '--pass',
      '--reason',
      'pièces reçues sous un autre nom',
    ];
    const byChair = act(ws, 'Awa Ndiaye', override);
    expect(byChair.code).toBe(1);
    expect(byChair.stderr).toContain('only the committee secretary may override');
    expect(act(ws, SECRETARY, override).code).toBe(0);
    const explained = JSON.parse(
      act(ws, SECRETARY, ['explain', 'c12-bureau-kane-et-fils', '--json']).stdout,
    ) as JsonCandidate;
    expect(explained.criteria['ADM-2']?.override).toMatchObject({
      by: SECRETARY,
      reason: 'pièces reçues sous un autre nom',
    });
    // An invalid dossier has no result to override: refused, rather than listed among the decisions.
    const invalid = act(ws, SECRETARY, [
      ...override.slice(0, 2),
      'c15-nord-sud-expertise',
      ...override.slice(3),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain(
      'c15-nord-sud-expertise is invalid (its dossier could not be read): it has no result of ADM-2 to override',
    );
  });
});

describe('a tie at the cut (built CLI)', () => {
  it('stays not final (exit 3) until the committee decides; the chosen are shortlisted, the others in reserve', () => {
    const ws = committeeWorkspace('tie-at-cut');
    const before = act(ws, SECRETARY, ['run']);
    expect(before.code).toBe(3);
    expect(before.stderr).toContain('a tie at the cut awaits the committee’s decision');
    // Only the chair or the secretary records the committee's decision; nothing else is recorded.
    const evaluator = act(ws, 'Hélène Marchand', [
      'decide',
      '--choose',
      'c03-sahel-justice-conseil',
      '--reason',
      'x',
    ]);
    expect(evaluator.code).toBe(1);
    expect(evaluator.stderr).toContain(
      `only the committee's chair or secretary may record its decision; "Hélène Marchand" is an evaluator: use --as "Awa Ndiaye" (chair)`,
    );
    const stranger = act(ws, 'Awa Ndiay', [
      'decide',
      '--choose',
      'c03-sahel-justice-conseil',
      '--reason',
      'x',
    ]);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('"Awa Ndiay" is not a member');
    expect(act(ws, SECRETARY, ['run']).code).toBe(3);
    // A prefix several candidates share is refused, even when one tied candidate alone has it.
    const ambiguous = act(ws, 'Awa Ndiaye', ['decide', '--choose', 'c0', '--reason', 'x']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain(
      '"c0" matches several candidates: c01-horizon-droits, c02-liberte-formation',
    );
    const decided = act(ws, 'Awa Ndiaye', [
      'decide',
      '--choose',
      'c03-sahel-justice-conseil',
      '--reason',
      'plus de projets avec la gendarmerie',
    ]);
    expect(decided.code).toBe(0);
    const after = act(ws, SECRETARY, ['run', '--json']);
    expect(after.code).toBe(0);
    const doc = JSON.parse(after.stdout) as {
      candidates: JsonCandidate[];
      ties: { at_cut: boolean; decision?: { reason: string } }[];
    };
    expect(Object.fromEntries(doc.candidates.map((c) => [c.id, c.status]))).toEqual({
      'c01-horizon-droits': 'shortlisted',
      'c02-liberte-formation': 'shortlisted',
      'c03-sahel-justice-conseil': 'shortlisted',
      'c04-teranga-ethique': 'reserve',
      'c05-benin-droits-action': 'reserve',
    });
    expect(doc.ties.find((t) => t.at_cut)?.decision?.reason).toBe('plus de projets avec la gendarmerie');
    expect(act(ws, 'Awa Ndiaye', ['decide', '--choose', 'c04-teranga-ethique', '--reason', 'x']).code).toBe(
      1,
    );
    expect(act(ws, SECRETARY, ['audit', 'verify']).code).toBe(0);
  });

  it('tells a committee with neither chair nor secretary how to register one', () => {
    const ws = committeeWorkspace('tie-at-cut');
    const tender = path.join(ws, 'tender.yaml');
    fs.writeFileSync(tender, fs.readFileSync(tender, 'utf8').replace(/^.*role: chair.*\n/m, ''));
    const run = act(ws, SECRETARY, ['run']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('(prequal decide --as CHAIR-OR-SECRETARY --choose ID --reason TEXT)');
    const refused = act(ws, 'Mamadou Lamine Sow', [
      'decide',
      '--choose',
      'c03-sahel-justice-conseil',
      '--reason',
      'x',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'the committee has none; register one with `prequal committee add NAME --role chair` (or secretary)',
    );
  });
});
