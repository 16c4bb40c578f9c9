// Benchmark of `alliance check` on 1,000 statements beside markdownlint-cli2 on the same files (≤ 0.7×
// cold, ≤ 0.1× with nothing changed and the cache on), and start-up: `alliance check` on one file
// (≤ 1.5×) and `alliance --help` (≤ 1.3×) beside `node -e 0`.
// Every comparison runs side by side, alternating, and prints a ratio against its target.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, reportRatio, sideBySide, time } from './measure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function firstStatement(corpus) {
  const session = join(corpus, 'statements', readdirSync(join(corpus, 'statements')).sort()[0]);
  return join(session, readdirSync(session).sort()[0]);
}

/** Runs the check benchmarks in `corpus` (a folder with statements/); returns true when all targets are met. */
export function benchCheck(corpus, bin) {
  let ok = true;
  const node = (args) => ({ command: process.execPath, args, cwd: corpus });
  const markdownlint = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const cold = sideBySide(node([bin, 'check']), node([markdownlint, 'statements/**/*.md']));
  ok = reportRatio('alliance check, 1,000 statements, cold', cold, 0.7, 'markdownlint-cli2') && ok;

  const cacheArgs = [bin, 'check', '--cache', '--cache-location', '.bench-cache'];
  time(process.execPath, cacheArgs, { cwd: corpus, runs: 1 });
  const cached = time(process.execPath, cacheArgs, { cwd: corpus, runs: 5 });
  const ratio = cached.seconds / cold.reference;
  ok =
    report(
      'alliance check --cache, nothing changed',
      `${ratio.toFixed(2)}×`,
      `≤ 0.1× markdownlint-cli2  (${cached.seconds.toFixed(3)} s vs ${cold.reference.toFixed(3)} s, medians of 5)`,
      ratio <= 0.1,
    ) && ok;

  const bare = node(['-e', '0']);
  const one = sideBySide(node([bin, 'check', firstStatement(corpus)]), bare, { pairs: 9 });
  ok = reportRatio('alliance check one.md (start-up)', one, 1.5, 'node -e 0') && ok;
  const help = sideBySide(node([bin, '--help']), bare, { pairs: 9 });
  ok = reportRatio('alliance --help (start-up)', help, 1.3, 'node -e 0') && ok;
  return ok;
}
