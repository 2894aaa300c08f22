import { describe, expect, it } from 'vitest';
import { renderLetters, sanitizeFileNamePart } from '../../src/export/letters.js';
import { defaultTemplatesDir, loadTemplate } from '../../src/export/markdown.js';
import { buildDecidedReport, buildSampleReport } from './sample-report.js';

const fr = await loadTemplate(defaultTemplatesDir(), 'letter', 'fr');
const en = await loadTemplate(defaultTemplatesDir(), 'letter', 'en');

describe('renderLetters', () => {
  it('writes one letter per reserve, rejected or invalid candidate, none for others', () => {
    expect(renderLetters(buildSampleReport(), 'fr', fr).map((letter) => letter.file)).toEqual([
      'letter-c05-gamma.fr.md',
      'letter-c07-late.fr.md',
      'letter-c08-broken.fr.md',
    ]);
    expect(renderLetters(buildDecidedReport(), 'en', en).map((letter) => letter.file)).toEqual([
      'letter-c04-beta.en.md',
      'letter-c05-gamma.en.md',
      'letter-c07-late.en.md',
      'letter-c08-broken.en.md',
    ]);
  });

  it('names each failed criterion with its reason in a formal letter of the contracting authority', () => {
    const letter = renderLetters(buildSampleReport(), 'fr', fr).find(
      (entry) => entry.file === 'letter-c07-late.fr.md',
    );
    const text = letter?.content ?? '';
    expect(text).toContain('**POC II**');
    expect(text).toContain('procédure restreinte POC2-S29');
    expect(text).toContain('« Mission de supervision et de formation au respect des droits humains »');
    expect(text).toContain("À l'attention de : **Retard Conseil LLC**");
    expect(text).toContain('- **ADM-1 — Dossier reçu dans les délais** : reçu le 2025-11-28T16:30:00Z');
    expect(text).toContain('- **ELI-1 — Nationalité** : US n’est pas un pays admis (EU, ACP)');
    expect(text).not.toContain('liste de réserve (position');
    expect(text).toContain('Awa Ndiaye');
  });

  it('gives a reserve candidate its rank and place on the reserve list', () => {
    const letters = renderLetters(buildDecidedReport(), 'fr', fr);
    const beta = letters.find((entry) => entry.file === 'letter-c04-beta.fr.md')?.content ?? '';
    const gamma = letters.find((entry) => entry.file === 'letter-c05-gamma.fr.md')?.content ?? '';
    expect(beta).toContain(
      'classée ex æquo au rang 3 ; la place a été attribuée à Alpha Conseil (c03-alpha) par décision du comité du 6 décembre 2025 (motif : Expérience régionale plus récente). Elle figure donc sur la liste de réserve (position 1 sur cette liste), la liste restreinte étant limitée à 3 candidats.',
    );
    expect(gamma).toContain('classée au rang 5, sur la liste de réserve (position 2 sur cette liste)');
    expect(gamma).toContain('a obtenu 25,00 points');
    expect(gamma).not.toContain('pour les motifs suivants');
  });

  it('counts the candidates a tie at the cut will send to the reserve before the decision', () => {
    // c03 and c04 share rank 3 with one place left: whichever the committee chooses, the other
    // goes to the reserve ahead of c05, so c05 is second on it before the decision as after.
    const before = renderLetters(buildSampleReport(), 'fr', fr).find(
      (entry) => entry.file === 'letter-c05-gamma.fr.md',
    );
    expect(before?.content).toContain(
      'classée au rang 5, sur la liste de réserve (position 2 sur cette liste)',
    );
  });

  it('states the reasons of an invalid dossier', () => {
    const broken = renderLetters(buildSampleReport(), 'en', en).find(
      (entry) => entry.file === 'letter-c08-broken.en.md',
    );
    expect(broken?.content).toContain(
      '- **Inadmissible dossier (unreadable or incomplete)**: unreadable dossier',
    );
  });

  it("heads an invalid dossier's reasons as the report does, without repeating them", () => {
    const report = buildSampleReport();
    const broken = report.shortlist.candidates.find((entry) => entry.id === 'c08-broken');
    if (broken) {
      broken.reasons = [
        {
          criterion: 'invalid',
          message: {
            fr: 'dossiers/c08-broken/dossier.yaml:32 (references.1.currency) : currency GBP has no exchange rate',
            en: 'dossiers/c08-broken/dossier.yaml:32 (references.1.currency): currency GBP has no exchange rate',
          },
        },
      ];
    }
    const letter = renderLetters(report, 'fr', fr).find((entry) => entry.file === 'letter-c08-broken.fr.md');
    expect(letter?.content).toContain(
      '- **Dossier irrecevable (illisible ou incomplet)** : dossiers/c08-broken/dossier.yaml:32',
    );
  });

  it('lists input errors when an invalid dossier carries no reason', () => {
    const report = buildSampleReport();
    const broken = report.shortlist.candidates.find((entry) => entry.id === 'c08-broken');
    if (broken) broken.reasons = [];
    const letter = renderLetters(report, 'en', en).find((entry) => entry.file === 'letter-c08-broken.en.md');
    expect(letter?.content).toContain(
      'dossiers/c08-broken/dossier.yaml:3 candidate.name: required field is missing',
    );
  });

  it('makes file names safe and unique', () => {
    expect(sanitizeFileNamePart('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(sanitizeFileNamePart('...')).toBe('candidate');
    expect(sanitizeFileNamePart('Société Générale')).toBe('Soci_t__G_n_rale');
    const report = buildSampleReport();
    const [late, broken] = report.shortlist.candidates.slice(6);
    if (late && broken) {
      late.id = 'a/b';
      broken.id = 'A:b';
    }
    expect(renderLetters(report, 'en', en).map((letter) => letter.file)).toEqual([
      'letter-c05-gamma.en.md',
      'letter-a_b~c14cddc0.en.md',
      'letter-A_b~2613e50c.en.md',
    ]);
  });

  it('gives letter-<id> only to the candidate whose id it is', () => {
    // Numbered in report order, `z a` once took letter-z_a while the id `z_a` existed.
    const report = buildSampleReport();
    const [shortlisted] = report.shortlist.candidates;
    const [first, second] = report.shortlist.candidates.filter(
      (c) => c.status === 'rejected' || c.status === 'invalid',
    );
    if (!shortlisted || !first || !second) throw new Error('the sample lacks the candidates this needs');
    first.id = 'z a';
    second.id = 'z_a';
    const letters = new Map(renderLetters(report, 'en', en).map((letter) => [letter.file, letter.content]));
    expect(first.name).not.toBe(second.name);
    expect(letters.get('letter-z_a.en.md')).toContain(second.name);
    expect(letters.get('letter-z_a~0a42f2ba.en.md')).toContain(first.name);
    // An id that another equals but for case keeps no plain name either (case-insensitive disks).
    shortlisted.id = 'Z_A';
    const again = renderLetters(report, 'en', en).map((letter) => letter.file);
    expect(again).toContain('letter-z_a~315e6e3c.en.md');
    expect(again.filter((file) => /^letter-z_a\.en\.md$/i.test(file))).toEqual([]);
  });
});
