import { describe, expect, it } from 'vitest';
import { joinPieces } from '../../src/export/text-pieces.js';

describe('joinPieces', () => {
  it('joins chunks into pieces of at least 64 KiB but the last, losing and adding nothing', () => {
    const chunks = Array.from({ length: 5_000 }, (_, i) => `chunk ${i} `.repeat(3));
    const pieces = [...joinPieces(chunks)];
    expect(pieces.join('')).toBe(chunks.join(''));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(1 << 16);
    expect(pieces.at(-1)?.length).toBeGreaterThan(0);
  });

  it('hands out nothing for nothing, and a short text as one piece', () => {
    expect([...joinPieces([])]).toEqual([]);
    expect([...joinPieces(['', ''])]).toEqual([]);
    expect([...joinPieces(['a', 'b'])]).toEqual(['ab']);
  });
});
