// Timing whole commands for the benchmarks: medians of runs taken side by side, and peak memory.
import { spawnSync } from 'node:child_process';

/** The median of some numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs one command once; returns its wall time in seconds, exit status and output. */
function once({ command, args, cwd, env = process.env, before }) {
  before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw result.error;
  return { seconds, status: result.status ?? 1, stdout: result.stdout };
}

/** Runs `command args` in `cwd` `runs` times; returns the median seconds and the last exit status. */
export function time(command, args, { cwd, runs = 3, env = process.env } = {}) {
  const seconds = [];
  let last = { status: 0, stdout: '' };
  for (let run = 0; run < runs; run += 1) {
    last = once({ command, args, cwd, env });
    seconds.push(last.seconds);
  }
  return { seconds: median(seconds), status: last.status, stdout: last.stdout };
}

/**
 * Runs `ours` and `reference` alternately (A B A B …) for `pairs` pairs after one warm-up of each, so that
 * both meet the same machine load; returns both medians and their ratio (ours ÷ reference).
 * A run is `{ command, args, cwd, env?, before? }`; `before` runs untimed, e.g. to clear an output folder.
 */
export function sideBySide(ours, reference, { pairs = 5 } = {}) {
  once(ours);
  once(reference);
  const a = [];
  const b = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    a.push(once(ours).seconds);
    b.push(once(reference).seconds);
  }
  const oursSeconds = median(a);
  const referenceSeconds = median(b);
  return { ours: oursSeconds, reference: referenceSeconds, ratio: oursSeconds / referenceSeconds, pairs };
}

/** Prints a side-by-side measurement as a ratio against its target (`ours ≤ target × reference`). */
export function reportRatio(label, measured, target, referenceName) {
  const value = `${measured.ratio.toFixed(2)}×`;
  const detail = `≤ ${+target.toFixed(3)}× ${referenceName}  (${measured.ours.toFixed(3)} s vs ${measured.reference.toFixed(3)} s, medians of ${measured.pairs} pairs)`;
  return report(label, value, detail, measured.ratio <= target);
}

/** Prints a side-by-side measurement as a speed-up against its target (`reference ÷ ours ≥ target`). */
export function reportSpeedup(label, measured, target, referenceName, how = `medians of ${measured.pairs} pairs`) {
  const speedup = measured.reference / measured.ours;
  const detail = `≥ ${target}× faster than ${referenceName}  (${measured.ours.toFixed(3)} s vs ${measured.reference.toFixed(3)} s, ${how})`;
  return report(label, `${speedup.toFixed(2)}× faster`, detail, speedup >= target);
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
