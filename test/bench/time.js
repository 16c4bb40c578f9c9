// Benchmark of `alliance time` beside `alliance check` on the same 1,000 statements, side by side.
import { reportRatio, sideBySide } from './measure.js';

/** Times `alliance time` against `alliance check` in `corpus`; true when within 1.5×. */
export function benchTime(corpus, bin) {
  const run = (command) => ({ command: process.execPath, args: [bin, command], cwd: corpus });
  return reportRatio('alliance time, 1,000 statements', sideBySide(run('time'), run('check')), 1.5, 'alliance check');
}
