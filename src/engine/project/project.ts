/** A project as the Node API opens it once and shares between runs: where it is, its config, what loading needs. */
import type { Config } from './config.js';
import type { LoadContext } from './context.js';

/** Where a project is and which config applies. */
export interface ProjectOptions {
  /** The folder to work in (default: the process's). Relative paths and patterns are read from it. */
  cwd?: string;
  /** A config file named outright; `null` for none; left out, `alliance.config.yaml` is looked for upward. */
  config?: string | null;
  /** Words (or characters) a minute, for every statement (over everything else). */
  pace?: number;
  /** The speaking slot in seconds, for every statement (over everything else). */
  slotSeconds?: number;
}

/** A project opened once: its folder, config, forums and rules; share it between runs (as `--watch` does). */
export interface Project {
  readonly cwd: string;
  readonly dir: string;
  readonly config: Config;
  /** What loading a statement needs (internal to the engine). */
  readonly context: LoadContext;
}
