import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pipeline/collect-garbage.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('collectGarbage', () => {
  it('collects what nothing references any more, and can be called again', async () => {
    let held: { payload: number[] } | null = { payload: Array.from({ length: 1000 }, (_, i) => i) };
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef keeps its target until the current job ends.
    await nextTurn();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    const kept = { payload: [1] };
    const keptRef = new WeakRef(kept);
    await nextTurn();
    collectGarbage();
    expect(keptRef.deref()).toBe(kept);
  });
});
