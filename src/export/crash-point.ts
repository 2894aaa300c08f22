/**
 * For tests only. `PREQUAL_TEST_CRASH_AT=<point>` makes prequal kill itself with SIGKILL when an
 * export reaches that point, as `kill -9` or a power cut would stop it half-way, so a test can
 * check what is left on disk and what the next run repairs. Points: `letter:<n>` (just after the
 * n-th letter whose content changed was written) and `letters-swap` (the previous letters moved
 * aside, the new ones not yet in place). Unset, it costs a comparison per point.
 */
const requested = process.env.PREQUAL_TEST_CRASH_AT;

/** Stops the process at once, without any clean-up, when `point` is the one the test asked for. */
export function crashPoint(point: string): void {
  if (requested !== undefined && requested === point) process.kill(process.pid, 'SIGKILL');
}
