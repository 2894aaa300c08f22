import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Combine } from '../../src/export/crc32-combine.js';

const combined = (a: Uint8Array, b: Uint8Array) => crc32Combine(zlib.crc32(a), zlib.crc32(b), b.length);

describe('crc32Combine', () => {
  it('equals the CRC-32 of the concatenation, empty parts included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 }), (a, b) => {
        expect(combined(a, b)).toBe(zlib.crc32(Buffer.concat([a, b])));
      }),
      { numRuns: 300 },
    );
  });

  it('holds for parts of a few megabytes (lengths with many bits set)', () => {
    const a = Buffer.from('<worksheet><cols/>'.repeat(1000));
    const b = Buffer.alloc((1 << 22) - 1).map((_, index) => (index * 7919) & 0xff);
    expect(combined(a, b)).toBe(zlib.crc32(Buffer.concat([a, b])));
    expect(combined(Buffer.alloc(0), b)).toBe(zlib.crc32(b));
    expect(combined(b, Buffer.alloc(0))).toBe(zlib.crc32(b));
  });
});
