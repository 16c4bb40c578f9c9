/**
 * Colour for one run: off with `--no-color` or `NO_COLOR`, forced with `--color` or `FORCE_COLOR`,
 * otherwise on when the output is a terminal. Decided per run (not at import) so tests and
 * in-process callers get what their streams call for.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Io, Output } from './io.js';

/** A chalk instance for `output`, given the `--color` / `--no-color` flag (undefined when neither). */
export function chalkFor(output: Output, env: Io['env'], flag: boolean | undefined): ChalkInstance {
  return new Chalk({ level: colorLevel(output, env, flag) });
}

function colorLevel(output: Output, env: Io['env'], flag: boolean | undefined): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (flag === true) return 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    return force === '2' ? 2 : force === '3' ? 3 : 1;
  }
  if (!output.isTTY || env.TERM === 'dumb') return 0;
  return 1;
}
