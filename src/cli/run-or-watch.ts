/** The end of a command that can `--watch`: one run, then (when watching) a rerun for every change. */
import type { Project } from '../engine/index.js';
import type { Io } from './io.js';
import type { RunState } from './main.js';

/** What one run of a command reports: the statements it read and its exit code. */
export interface CommandRun {
  files: readonly string[];
  exitCode: number;
}

/** Where a command runs, and whether it goes on watching after its first run. */
export interface RunOrWatch {
  io: Io;
  state: RunState;
  project: Project;
  patterns: readonly string[];
  watch: boolean | undefined;
}

/**
 * Runs `first` and keeps its exit code; with `watch`, loads the watcher only then and calls `rerun` with
 * each change, the exit code following the latest run.
 */
export async function runOrWatch(
  { io, state, project, patterns, watch }: RunOrWatch,
  first: () => Promise<CommandRun>,
  rerun: (changed: string[], current: Project) => Promise<CommandRun>,
): Promise<void> {
  const { files, exitCode } = await first();
  state.exitCode = exitCode;
  if (!watch) return;
  const { watchCommand } = await import('./watch.js');
  await watchCommand({
    io,
    project,
    patterns,
    files,
    onChange: async (changed, current) => (state.exitCode = (await rerun(changed, current)).exitCode),
  });
}
