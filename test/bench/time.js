// Benchmark of `alliance time` beside `alliance check` on the same 1,000 statements.
import { time, report } from './measure.js';

/** Times `alliance time` against `alliance check` in `corpus`; true when within 1.5×. */
export function benchTime(corpus, bin) {
  const check = time(process.execPath, [bin, 'check'], { cwd: corpus });
  const timing = time(process.execPath, [bin, 'time'], { cwd: corpus });
  report('alliance check, 1,000 statements', `${check.seconds.toFixed(2)} s`, '(reference)');
  return report(
    'alliance time, 1,000 statements',
    `${timing.seconds.toFixed(2)} s`,
    `≤ ${(check.seconds * 1.5).toFixed(2)} s (1.5× check)`,
    timing.seconds <= check.seconds * 1.5,
  );
}
