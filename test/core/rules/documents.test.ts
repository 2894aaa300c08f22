import { describe, expect, it } from 'vitest';
import type { AttachmentFact } from '../../../src/core/types.js';
import { evaluateOne, gate, makeDossier } from '../factory.js';

const ADM2 = gate('ADM-2', { type: 'documents', required: ['application_form', 'registration_certificate'] });
const documents = { application_form: 'form.pdf', registration_certificate: 'rccm.pdf' };
const fact = (kind: string, path: string, status: AttachmentFact['status'], size = 10): AttachmentFact => ({
  kind,
  path,
  status,
  size,
});

describe('documents rule', () => {
  it('passes when every required kind is listed and is a non-empty file', () => {
    const result = evaluateOne(ADM2, makeDossier({ documents }), {
      attachments: [
        fact('application_form', 'form.pdf', 'ok'),
        fact('registration_certificate', 'rccm.pdf', 'ok'),
      ],
    });
    expect(result.passed).toBe(true);
    expect(result.metrics.missing).toEqual([]);
  });

  it.each([
    ['empty', 'file rccm.pdf is empty'],
    ['missing', 'file rccm.pdf is missing'],
    ['not_a_file', 'rccm.pdf is not a regular file'],
  ] as const)('fails on a %s attachment and says why', (status, why) => {
    const result = evaluateOne(ADM2, makeDossier({ documents }), {
      attachments: [
        fact('application_form', 'form.pdf', 'ok'),
        fact('registration_certificate', 'rccm.pdf', status, 0),
      ],
    });
    expect(result.passed).toBe(false);
    expect(result.metrics.missing).toEqual(['registration_certificate']);
    expect(result.explanation.map((l) => l.en)).toContain(`registration_certificate: ${why}`);
    // The summary is the reason a letter gives: it says why, since the candidate did send a file.
    expect(result.explanation[0]?.en).toBe(
      `mandatory documents: 1 of 2 missing or unusable (registration_certificate: ${why}): not met`,
    );
    expect(result.explanation[0]?.fr).toMatch(
      /^pièces obligatoires : 1 sur 2 manquante ou inutilisable \(registration_certificate : .*rccm\.pdf.*\) : non satisfait$/,
    );
  });

  it('fails on a kind the dossier does not list, and on a listed file nobody found', () => {
    const result = evaluateOne(ADM2, makeDossier({ documents: { registration_certificate: 'rccm.pdf' } }), {
      attachments: [],
    });
    expect(result.passed).toBe(false);
    expect(result.metrics.missing).toEqual(['application_form', 'registration_certificate']);
    expect(result.explanation[0]?.en).toBe(
      "mandatory documents: 2 of 2 missing or unusable (application_form: not listed in the dossier's documents; registration_certificate: file rccm.pdf is missing): not met",
    );
    expect(result.explanation[1]?.en).toBe("application_form: not listed in the dossier's documents");
  });
});
