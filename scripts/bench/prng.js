/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. Every synthetic
 * workspace is a pure function of (n, seed), so benchmark runs compare like with like.
 */

/**
 * Creates a generator of floats in [0, 1) from a 32-bit seed.
 * @param {number} seed
 * @returns {() => number}
 */
export function createMulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a workspace seed and a candidate index into an independent 32-bit seed, so a
 * candidate's content does not depend on how many candidates were drawn before it.
 * @param {number} seed
 * @param {number} index
 * @returns {number}
 */
export function deriveSeed(seed, index) {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Convenience draws over one PRNG stream. */
export class Draw {
  /** @param {number} seed */
  constructor(seed) {
    this.next = createMulberry32(seed);
  }

  /**
   * Integer in [min, max], both included.
   * @param {number} min
   * @param {number} max
   */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /**
   * True with probability p.
   * @param {number} p
   */
  chance(p) {
    return this.next() < p;
  }

  /**
   * One element of a non-empty list.
   * @template T
   * @param {readonly T[]} list
   * @returns {T}
   */
  pick(list) {
    return /** @type {T} */ (list[Math.floor(this.next() * list.length)]);
  }

  /**
   * Up to `count` distinct values of a list (pools repeat values to weight them), in list order.
   * @template T
   * @param {readonly T[]} list
   * @param {number} count
   * @returns {T[]}
   */
  sample(list, count) {
    /** @type {Map<T, number>} */
    const chosen = new Map();
    const wanted = Math.min(count, new Set(list).size);
    while (chosen.size < wanted) {
      const index = Math.floor(this.next() * list.length);
      const value = /** @type {T} */ (list[index]);
      if (!chosen.has(value)) chosen.set(value, index);
    }
    return [...chosen].sort((a, b) => a[1] - b[1]).map(([value]) => value);
  }

  /**
   * Log-uniform number in [min, max]: contract values cluster low with a long tail, as real ones do.
   * @param {number} min
   * @param {number} max
   */
  logUniform(min, max) {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }
}
