/**
 * CRC-32 of a concatenation from the CRCs of its parts (zlib's crc32_combine). A worksheet's
 * body is checksummed while it streams, before the prefix that precedes it in the file is
 * known; the ZIP entry needs the CRC of prefix ‖ body.
 */

/** The reflected CRC-32 polynomial. */
const POLYNOMIAL = 0xedb88320;

/** `matrix` × `vector` over GF(2): each matrix entry is a column of 32 bits. */
function timesVector(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let row = 0, bits = vector >>> 0; bits !== 0; row += 1, bits >>>= 1)
    if (bits & 1) sum ^= matrix[row] as number;
  return sum >>> 0;
}

function square(matrix: Uint32Array): Uint32Array<ArrayBufferLike> {
  return matrix.map((column) => timesVector(matrix, column));
}

/**
 * The CRC-32 of A ‖ B given `crcA` = crc32(A), `crcB` = crc32(B) and `lengthB` = |B| in bytes.
 * Appending a zero bit to the message is a linear operator on the CRC register; squaring its
 * matrix repeatedly applies it for 1, 2, 4… zero bytes, so crcA is shifted by |B| zero bytes in
 * log₂|B| steps, then crcB is added.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  // The operator for one zero bit, then for two and four.
  let odd: Uint32Array<ArrayBufferLike> = new Uint32Array(32);
  odd[0] = POLYNOMIAL;
  for (let n = 1; n < 32; n += 1) odd[n] = 2 ** (n - 1);
  let even = square(odd);
  odd = square(even);
  let crc = crcA >>> 0;
  // From here `even` and `odd` alternate between the operators for 2^k zero bytes, k = 0, 1, 2…
  for (let remaining = lengthB; remaining > 0; ) {
    even = square(odd);
    if (remaining % 2 === 1) crc = timesVector(even, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    odd = square(even);
    if (remaining % 2 === 1) crc = timesVector(odd, crc);
    remaining = Math.floor(remaining / 2);
  }
  return (crc ^ crcB) >>> 0;
}
