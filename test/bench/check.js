// Benchmark of `alliance check` on 1,000 statements of about 400 words, beside markdownlint-cli2 on
// the same files: cold, cached, and the start-up time of `alliance --help`.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { time, report } from './measure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the check benchmarks in `corpus` (a folder with statements/); returns true when all targets are met. */
export function benchCheck(corpus, bin) {
  let ok = true;
  const markdownlint = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const lint = time(process.execPath, [markdownlint, 'statements/**/*.md'], { cwd: corpus });
  const cold = time(process.execPath, [bin, 'check'], { cwd: corpus });
  report('markdownlint-cli2, 1,000 statements', `${lint.seconds.toFixed(2)} s`, '(reference)');
  ok =
    report(
      'alliance check, 1,000 statements, cold',
      `${cold.seconds.toFixed(2)} s`,
      `≤ ${lint.seconds.toFixed(2)} s`,
      cold.seconds <= lint.seconds,
    ) && ok;
  time(process.execPath, [bin, 'check', '--cache', '--cache-location', '.bench-cache'], { cwd: corpus, runs: 1 });
  const cached = time(process.execPath, [bin, 'check', '--cache', '--cache-location', '.bench-cache'], { cwd: corpus });
  ok =
    report(
      'alliance check --cache, nothing changed',
      `${cached.seconds.toFixed(2)} s`,
      `≤ ${(lint.seconds / 5).toFixed(2)} s (a fifth)`,
      cached.seconds <= lint.seconds / 5,
    ) && ok;
  const help = time(process.execPath, [bin, '--help'], { cwd: corpus, runs: 5 });
  ok =
    report(
      'alliance --help',
      `${help.seconds.toFixed(2)} s`,
      '< 0.25 s (well under half a second)',
      help.seconds < 0.25,
    ) && ok;
  return ok;
}
