// The hostile statements of test/hostile/cases.js, one process per statement and command: the worst
// wall time and peak memory of `check`, `time`, `list` and `build`, against the goals (every statement
// up to the size bound checked in under 1 s and 200 MB, built in under 5 s and 300 MB, on this machine).
import { ownProject } from './corpus.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hostileAssets, hostileCases } from '../hostile/cases.js';
import { report } from './measure.js';

/** Reports the process's peak resident memory on its last line of stderr. */
const PEAK = `data:text/javascript,${encodeURIComponent("process.on('exit', () => process.stderr.write('\\npeak-rss ' + process.resourceUsage().maxRSS + '\\n'));")}`;

function measure(bin, cwd, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', PEAK, bin, ...args, '--concurrency', 'off'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kilobytes = Number(/peak-rss (\d+)/.exec(result.stderr ?? '')?.[1] ?? NaN);
  return {
    seconds,
    megabytes: kilobytes / 1024,
    status: result.status,
    internal: (result.stderr ?? '').includes('internal error'),
  };
}

/** Runs every hostile case through each command; prints the worst of each against its goal. */
export function benchHostile(work, bin) {
  const folder = join(work, 'hostile');
  const cases = hostileCases({ fuzzed: 60 });
  const assets = hostileAssets();
  const commands = { check: ['check'], time: ['time'], list: ['list'], build: ['build', '--force', '--rebuild'] };
  const worst = Object.fromEntries(
    Object.keys(commands).map((name) => [
      name,
      { seconds: 0, secondsCase: '', megabytes: 0, megabytesCase: '', internal: 0 },
    ]),
  );
  for (const entry of cases) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, 'statements'), { recursive: true });
    // A project of its own: the commands run without paths, on its statements/.
    ownProject(folder);
    for (const [path, bytes] of Object.entries(assets)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), bytes);
    }
    writeFileSync(join(folder, 'statements/case.md'), entry.text);
    for (const [name, args] of Object.entries(commands)) {
      const result = measure(bin, folder, args);
      const record = worst[name];
      if (result.seconds > record.seconds) Object.assign(record, { seconds: result.seconds, secondsCase: entry.name });
      if (result.megabytes > record.megabytes)
        Object.assign(record, { megabytes: result.megabytes, megabytesCase: entry.name });
      if (result.internal || (result.status !== 0 && result.status !== 1)) record.internal += 1;
    }
  }
  let ok = true;
  console.log(`  ${cases.length} hostile statements (test/hostile/cases.js), one process each`);
  for (const [name, record] of Object.entries(worst)) {
    const [secondsGoal, megabytesGoal] = name === 'build' ? [5, 300] : [1, 200];
    ok =
      report(
        `${name}: slowest (${record.secondsCase})`.slice(0, 58),
        `${record.seconds.toFixed(2)} s`,
        `< ${secondsGoal} s`,
        record.seconds < secondsGoal,
      ) && ok;
    ok =
      report(
        `${name}: most memory (${record.megabytesCase})`.slice(0, 58),
        `${record.megabytes.toFixed(0)} MB`,
        `< ${megabytesGoal} MB`,
        record.megabytes < megabytesGoal,
      ) && ok;
    ok =
      report(
        `${name}: runs that failed (exit 2 or internal error)`,
        String(record.internal),
        '0',
        record.internal === 0,
      ) && ok;
  }
  return ok;
}
