import { describe, expect, it } from 'vitest';
import {
  judgeSanctions,
  nameSimilarity,
  normalizeEntityName,
  parseSanctionsCsv,
  type SanctionsList,
  screenEntities,
} from '../../src/core/sanctions.js';

describe('normalizeEntityName', () => {
  it.each([
    ['Institut Droits & Sécurité SARL', 'institut droits securite'],
    ['HUMAN RIGHTS ACADEMY GmbH', 'human rights academy'],
    ['Société Générale de Conseil S.A.R.L.', 'societe generale de conseil'],
    ['Œuvre  Straße, Ltd.', 'oeuvre strasse'],
    ['J.P. Morgan & Co Inc', 'jp morgan co'],
    ['Formation-Sahel S.A.', 'formation sahel'],
    ['SA', 'sa'],
    // Invisible characters and compatibility forms make no difference.
    ['Global Justice Part\u00adners LLC', 'global justice partners'],
    ['Global\u200d Justice\u200b Part\u200cners\u200e LLC', 'global justice partners'],
    ['Ｇｌｏｂａｌ Justice Ofﬁce', 'global justice office'],
    // Compatibility forms whose plain letter is a capital: mathematical bold, squared, circled.
    ['\u{1D412}\u{1D400}\u{1D407}\u{1D404}\u{1D40B} Security', 'sahel security'],
    ['\u{1F142}\u{1F130}\u{1F137}\u{1F134}\u{1F13B} Security', 'sahel security'],
    ['\u{1D6A8}lpha', 'alpha'],
    // Cyrillic and Greek letters drawn like Latin ones read as the Latin letter.
    ['S\u0430hel Se\u0441urity \u0421onsulting', 'sahel security consulting'],
    ['\u0391lpha \u0405\u0410', 'alpha'],
    ['\u041a\u0430nt\u0435 L\u043egistique', 'kante logistique'],
  ])('%s → %s', (raw, normalised) => {
    expect(normalizeEntityName(raw)).toBe(normalised);
  });
});

describe('nameSimilarity', () => {
  it('scores one typo in a long name above the threshold and reordered tokens as 1', () => {
    expect(nameSimilarity('sahel security consulting', 'sahel securty consulting')).toBeGreaterThan(0.95);
    expect(nameSimilarity('jean dupont', 'dupont jean')).toBe(1);
    expect(nameSimilarity('alpha', 'omega')).toBeLessThan(0.5);
  });
});

const list: SanctionsList = {
  file: 'sanctions.csv',
  version: '2025-11-01',
  entries: [
    { name: 'Sahel Security Consulting', aliases: ['SSC Group'], line: 2 },
    { name: 'Alpha SA', aliases: [], line: 3 },
    { name: 'Kanté Logistique', aliases: ['Kante Logistics SARL'], line: 4 },
  ],
};

describe('screenEntities', () => {
  it('finds exact matches through normalisation and aliases', () => {
    const result = screenEntities(
      [
        { entity: 0, name: 'SAHEL SECURITY CONSULTING S.A.R.L.' },
        { entity: 1, name: 'Kante Logistics Ltd' },
        { entity: 2, name: 'Clean Partner' },
      ],
      list,
    );
    expect(result.exact.map((m) => [m.entity, m.listed, m.matchedAs])).toEqual([
      [0, 'Sahel Security Consulting', 'Sahel Security Consulting'],
      [1, 'Kanté Logistique', 'Kante Logistics SARL'],
    ]);
    expect(result.near).toEqual([]);
  });

  it('is not escaped by spelling a listed name with look-alike letters of another script', () => {
    // "Sahel Security Consulting" with a Cyrillic а, с, С, о and у: 5 letters of 25.
    const spoofed = 'S\u0430hel Se\u0441urit\u0443 \u0421\u043ensulting';
    expect(spoofed).not.toBe('Sahel Security Consulting');
    const result = screenEntities([{ entity: 0, name: spoofed }], list);
    expect(result.exact.map((m) => [m.entityName, m.listed])).toEqual([
      [spoofed, 'Sahel Security Consulting'],
    ]);
  });

  it('is not escaped by a name written in mathematical bold capitals', () => {
    // Reads as SAHEL SECURITY CONSULTING on any screen; it passed with no match at all.
    const bold =
      '\u{1D412}\u{1D400}\u{1D407}\u{1D404}\u{1D40B} \u{1D412}\u{1D404}\u{1D402}\u{1D414}\u{1D411}\u{1D408}\u{1D413}\u{1D418} \u{1D402}\u{1D40E}\u{1D40D}\u{1D412}\u{1D414}\u{1D40B}\u{1D413}\u{1D408}\u{1D40D}\u{1D406}';
    const result = screenEntities([{ entity: 0, name: bold }], list);
    expect(result.exact.map((m) => m.listed)).toEqual(['Sahel Security Consulting']);
  });

  it('leaves to the committee, never rejects, a name in one script that only looks like a listed one', () => {
    const cyrillic: SanctionsList = {
      ...list,
      entries: [
        // A Russian firm named Tor; and a Kazakh entity, Üsenov Holding.
        { name: '\u0422\u041e\u0420', aliases: [], line: 2 },
        { name: 'Үсенов Холдинг', aliases: [], line: 3 },
      ],
    };
    const result = screenEntities(
      [
        { entity: 0, name: 'Top SARL' },
        { entity: 1, name: 'Усенов Холдинг' },
      ],
      cyrillic,
    );
    expect(result.exact).toEqual([]);
    expect(result.near.map((m) => [m.entityName, m.listed, m.similarity, m.lookAlike])).toEqual([
      ['Top SARL', 'ТОР', 1, true],
      ['Усенов Холдинг', 'Үсенов Холдинг', 1, true],
    ]);
    const verdict = judgeSanctions(result, cyrillic, 2);
    expect(verdict.passed).toBe(true);
    expect(verdict.flags).toEqual(['review']);
    expect(verdict.explanation[0]?.en).toContain('the same letters to the eye in another script');
  });

  it('flags for review a listed word written wholly in look-alike letters', () => {
    // Every letter of Sahel has a Cyrillic look-alike: no word mixes scripts, yet it must not pass.
    const result = screenEntities(
      [{ entity: 0, name: '\u0405\u0430\u04bb\u0435\u04cf Security Consulting' }],
      list,
    );
    expect(result.exact).toEqual([]);
    expect(result.near.map((m) => [m.listed, m.similarity])).toEqual([['Sahel Security Consulting', 1]]);
  });

  it('reports near matches for long names, never for short ones', () => {
    const result = screenEntities(
      [
        { entity: 0, name: 'Sahel Securty Consulting' },
        { entity: 1, name: 'Alfa SA' },
      ],
      list,
    );
    expect(result.exact).toEqual([]);
    expect(result.near).toHaveLength(1);
    expect(result.near[0]).toMatchObject({ entity: 0, listed: 'Sahel Security Consulting', line: 2 });
    expect(result.near[0]!.similarity).toBeGreaterThanOrEqual(0.85);
  });

  it('does not call two merely similar long names a near match', () => {
    const result = screenEntities([{ entity: 0, name: 'Sahel Training Consultants' }], list);
    expect(result).toEqual({ exact: [], near: [] });
  });
});

describe('parseSanctionsCsv', () => {
  it('reads names, aliases and the version', () => {
    const text = 'name,aliases,version\r\n"Alpha, SA",A1;A2,2025-11\r\nBeta,,2025-11\r\n';
    const { list: parsed, issues } = parseSanctionsCsv(text, 'lists/s.csv');
    expect(issues).toEqual([]);
    expect(parsed).toEqual({
      file: 'lists/s.csv',
      version: '2025-11',
      entries: [
        { name: 'Alpha, SA', aliases: ['A1', 'A2'], line: 2 },
        { name: 'Beta', aliases: [], line: 3 },
      ],
    });
  });

  it('reports a wrong header, empty names and differing versions with their lines', () => {
    expect(parseSanctionsCsv('nom,version\nX,1\n', 's.csv').issues[0]).toMatchObject({ line: 1 });
    const { issues } = parseSanctionsCsv('name,aliases,version\n,,v1\nB,,v2\n', 's.csv');
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [2, 'name'],
      [3, 'version'],
    ]);
  });
});

describe('judgeSanctions', () => {
  it('fails the gate on an exact match and names the list version', () => {
    const verdict = judgeSanctions(screenEntities([{ entity: 0, name: 'Alpha S.A.' }], list), list, 1);
    expect(verdict.passed).toBe(false);
    expect(verdict.metrics).toMatchObject({ list_version: '2025-11-01', exact: 1, near: 0 });
    expect(verdict.explanation[0]?.en).toBe(
      'Alpha S.A.: exact match with "Alpha SA" (line 3) on list sanctions.csv (version 2025-11-01)',
    );
    expect(verdict.explanation[0]?.fr).toContain('correspondance exacte avec « Alpha SA »');
  });

  it('passes with a review flag on a near match, and cleanly otherwise', () => {
    const near = judgeSanctions(
      screenEntities([{ entity: 0, name: 'Sahel Securiti Consulting' }], list),
      list,
      1,
    );
    expect(near.passed).toBe(true);
    expect(near.flags).toEqual(['review']);
    expect(near.explanation[0]?.en).toContain('needs review');
    const clean = judgeSanctions({ exact: [], near: [] }, list, 2);
    expect(clean).toMatchObject({ passed: true, criterion: 'sanctions', kind: 'gate' });
    expect(clean.flags).toBeUndefined();
  });
});
