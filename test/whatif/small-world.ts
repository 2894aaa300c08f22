import type { Dossier, Reference } from '../../src/core/types.js';
import type { SimulationInput } from '../../src/whatif/simulate.js';
import { makeDossier, makeReference } from '../core/factory.js';

const TRAINING = ['human_rights', 'training'];

function refs(values: number[], tags = TRAINING): Reference[] {
  return values.map((value) => makeReference({ value, tags, end: '2023-12-31' }));
}

function applicant(turnover: number, references: Reference[], extra: Partial<Dossier> = {}): Dossier {
  const years = { '2022': turnover, '2023': turnover, '2024': turnover };
  return makeDossier({ financials: { currency: 'EUR', turnover: years }, references, ...extra });
}

/**
 * Candidates of `makeGrid()` (2 places, threshold 20), each built to show one case:
 * c03 is in reserve, c04 and c08 fail SEL-1 (c08 by less), c05 falls short of the threshold,
 * c06 is late, c07 fails SEL-4 because of the value filter, c99 could not be read.
 */
export const WORLD: Record<string, Dossier> = {
  'c01-strong': applicant(500000, refs([200000, 200000, 200000, 200000])),
  'c02-good': applicant(400000, refs([200000, 200000, 200000])),
  'c03-reserve': applicant(400000, refs([200000, 200000])),
  'c04-turnover-250k': applicant(250000, refs([200000, 200000, 200000, 200000])),
  'c05-low-total': applicant(400000, [...refs([200000, 200000], ['human_rights']), ...refs([200000])]),
  'c06-late': applicant(900000, refs([200000, 200000, 200000, 200000]), {
    submitted_at: '2025-11-28T16:00:01Z',
  }),
  'c07-small-refs': applicant(400000, refs([200000, 120000, 110000, 100000])),
  'c08-turnover-260k': applicant(260000, refs([200000, 200000, 200000, 200000])),
};

export function makeWorld(extra: Partial<SimulationInput> = {}): SimulationInput {
  return {
    dossiers: Object.entries(WORLD).map(([id, dossier]) => ({
      id,
      hash: `h-${id}`,
      dossier,
      attachments: [],
      warnings: [],
    })),
    invalid: [{ id: 'c99-broken', name: 'Broken', country: 'SN', errors: [], warnings: [] }],
    scores: [],
    voters: [],
    sanctions: null,
    overrides: [],
    decisions: [],
    ...extra,
  };
}
