// Benchmark of `alliance check` on 1,000 statements beside markdownlint-cli2 on the same files, the
// cached rerun, and start-up: `alliance check` on one file and `alliance --help` beside `node -e 0`.
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
  ok = reportRatio('alliance check, 1,000 statements, cold', cold, 1.0, 'markdownlint-cli2') && ok;

  const cacheArgs = [bin, 'check', '--cache', '--cache-location', '.bench-cache'];
  time(process.execPath, cacheArgs, { cwd: corpus, runs: 1 });
  const cached = time(process.execPath, cacheArgs, { cwd: corpus, runs: 5 });
  ok =
    report(
      'alliance check --cache, nothing changed',
      `${cached.seconds.toFixed(2)} s`,
      `≤ ${(cold.ours / 5).toFixed(2)} s (a fifth of cold)`,
      cached.seconds <= cold.ours / 5,
    ) && ok;

  const bare = node(['-e', '0']);
  const one = sideBySide(node([bin, 'check', firstStatement(corpus)]), bare, { pairs: 9 });
  ok = reportRatio('alliance check one.md (start-up)', one, 2.5, 'node -e 0') && ok;
  const help = sideBySide(node([bin, '--help']), bare, { pairs: 9 });
  ok = reportRatio('alliance --help (start-up)', help, 1.5, 'node -e 0') && ok;
  return ok;
}
