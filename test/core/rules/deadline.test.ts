import { describe, expect, it } from 'vitest';
import { evaluateOne, gate, makeDossier } from '../factory.js';

const ADM1 = gate('ADM-1', { type: 'deadline' });

describe('deadline rule: opens <= submitted_at <= closes (2025-11-28T16:00:00Z)', () => {
  it.each([
    ['2025-11-28T16:00:00Z', true, '2025-11-28T16:00:00Z'],
    ['2025-11-28T16:00:01Z', false, '2025-11-28T16:00:01Z'],
    ['2025-11-28T17:00:00+01:00', true, '2025-11-28T16:00:00Z'],
    ['2025-11-28T17:30:00+01:00', false, '2025-11-28T16:30:00Z'],
    ['2025-11-28T11:59:59-04:00', true, '2025-11-28T15:59:59Z'],
    ['2025-11-28T12:00:01-04:00', false, '2025-11-28T16:00:01Z'],
    ['2025-11-13T00:00:00Z', true, '2025-11-13T00:00:00Z'],
    ['2025-11-13T00:30:00+01:00', false, '2025-11-12T23:30:00Z'],
    // Beyond milliseconds: a tenth of a millisecond late is late, and shown as received.
    ['2025-11-28T16:00:00.0001Z', false, '2025-11-28T16:00:00.0001Z'],
    ['2025-11-28T16:00:00.000Z', true, '2025-11-28T16:00:00Z'],
    ['2025-11-12T23:59:59.9999999Z', false, '2025-11-12T23:59:59.9999999Z'],
    ['2025-11-28T16:00:00.0009999999Z', false, '2025-11-28T16:00:00.0009999999Z'],
  ])('submitted %s → passed %s', (submitted, passed, normalised) => {
    const result = evaluateOne(ADM1, makeDossier({ submitted_at: submitted }));
    expect(result.passed).toBe(passed);
    expect(result.points).toBeNull();
    expect(result.metrics.submitted_at).toBe(normalised);
  });

  it('explains a late dossier in both languages', () => {
    const result = evaluateOne(ADM1, makeDossier({ submitted_at: '2025-11-28T17:30:00+01:00' }));
    expect(result.explanation[0]).toEqual({
      en: 'received 2025-11-28T16:30:00Z, after the deadline 2025-11-28T16:00:00Z',
      fr: 'reçu le 2025-11-28T16:30:00Z, après la date limite du 2025-11-28T16:00:00Z',
    });
  });

  it('explains a dossier sent before the window opened', () => {
    const result = evaluateOne(ADM1, makeDossier({ submitted_at: '2025-11-12T10:00:00Z' }));
    expect(result.explanation[0]?.en).toBe(
      'received 2025-11-12T10:00:00Z, before submissions opened on 2025-11-13T00:00:00Z',
    );
  });
});
