import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection, for the few points of a long command where most of its heap has just
 * died: the ingest's batches once stored, the evaluation's summaries once released, the report
 * once exported. V8 sets the size at which it next collects from what it finds live at its last
 * collection; left to itself, it lets a heap that was large stay large, and fills it with garbage
 * before collecting again.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      // Given at run time, --expose-gc reaches only contexts made afterwards: gc is taken from one.
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  }
  collect();
}
