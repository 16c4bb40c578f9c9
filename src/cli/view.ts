/** How this run shows its reports: the working folder, the environment, colours and whether stdout is a terminal. */
import { chalkFor } from './color.js';
import type { ReportView as View } from '../engine/index.js';
import type { Io } from './io.js';

/** The view of `io`, with `--color` / `--no-color` (undefined when neither). */
export function viewOf(io: Io, color: boolean | undefined): View {
  return { cwd: io.cwd, env: io.env, chalk: chalkFor(io.stdout, io.env, color), isTTY: io.stdout.isTTY === true };
}
