import type { Context } from '../context.js';

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (SPEC §7) and
 * throttled so that drawing never costs more than the work it reports.
 */
export function progressBar(
  ctx: Context,
  label: string,
): ((done: number, total: number) => void) & { end(): void } {
  let last = 0;
  let drawn = false;
  const update = (done: number, total: number) => {
    if (!ctx.progressAllowed || total < 50) return;
    const percent = Math.floor((done / total) * 100);
    if (percent === last && done !== total) return;
    last = percent;
    const width = 30;
    const filled = Math.round((done / total) * width);
    ctx.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    drawn = true;
  };
  return Object.assign(update, {
    end() {
      if (drawn) ctx.err('\r\u001b[2K');
    },
  });
}
