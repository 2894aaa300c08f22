/**
 * Preloaded into a measured child (`node --import ./rss-probe.js ...`): when the process
 * exits, writes its peak resident set size in kilobytes to the file named by
 * PREQUAL_BENCH_RSS_FILE. `maxRSS` covers the main thread and every worker thread of the
 * process, which is what an evaluator's machine has to hold.
 */
import fs from 'node:fs';

const target = process.env.PREQUAL_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    fs.writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
