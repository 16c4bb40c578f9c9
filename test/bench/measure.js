// Timing whole commands for the benchmarks: the median wall time of a few runs, and peak memory.
import { spawnSync } from 'node:child_process';

/** Runs `command args` in `cwd` `runs` times; returns the median seconds and the last exit status. */
export function time(command, args, { cwd, runs = 3, env = process.env } = {}) {
  const seconds = [];
  let status = 0;
  let stdout = '';
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    status = result.status ?? 1;
    stdout = result.stdout;
    if (result.error) throw result.error;
  }
  seconds.sort((a, b) => a - b);
  return { seconds: seconds[Math.floor(seconds.length / 2)], status, stdout };
}

/** Peak resident memory of one run, in MB, read through GNU time where it is installed. */
export function peakMemoryMb(command, args, { cwd } = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.error) return null;
  const kilobytes = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kilobytes) ? kilobytes / 1024 : null;
}

/** Prints one line of the report: what, the number, and whether it meets its target. */
export function report(label, value, target, ok) {
  const mark = ok === undefined ? ' ' : ok ? '✔' : '✖';
  console.log(`${mark} ${label.padEnd(58)} ${value.padStart(12)}   ${target}`);
  return ok !== false;
}
