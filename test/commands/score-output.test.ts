import { describe, expect, it } from 'vitest';
import { describeComputed } from '../../src/commands/score.js';

describe('describeComputed', () => {
  const result = { evaluated: 9950, invalid: 50 };

  it('names how many criteria were computed for how many candidates', () => {
    expect(
      describeComputed(
        { ...result, computed: 9950, computedCriteria: [{ criteria: 1, dossiers: 9950 }] },
        12,
      ),
    ).toBe('1 criterion of 12 computed for 9950, 0 unchanged');
  });

  it('lists each share when candidates needed different criteria, fewest first', () => {
    const computedCriteria = [
      { criteria: 1, dossiers: 9949 },
      { criteria: 12, dossiers: 1 },
    ];
    expect(describeComputed({ ...result, computed: 9950, computedCriteria }, 12)).toBe(
      '1 criterion of 12 computed for 9949, 12 criteria for 1, 0 unchanged',
    );
  });

  it('says only what is unchanged when nothing was computed', () => {
    expect(describeComputed({ ...result, computed: 0, computedCriteria: [] }, 12)).toBe('9950 unchanged');
  });
});
