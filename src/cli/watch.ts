/** `--watch` on the command line: says what is watched, and stamps the time over each rerun's report. */
import { watch, type Project } from '../engine/index.js';
import type { Io } from './io.js';

/** What a command in `--watch` mode needs: its world, project, patterns, and what to do with changed files. */
export interface WatchCommand {
  io: Io;
  project: Project;
  patterns: readonly string[];
  files: readonly string[];
  onChange: (files: string[], project: Project) => Promise<unknown>;
}

/** Watches a command's statements until stopped (Ctrl+C, or the run's signal), re-running it for each change. */
export async function watchCommand({ io, project, patterns, files, onChange }: WatchCommand): Promise<void> {
  await watch({
    project,
    patterns,
    files,
    onChange: async (changed, current) => {
      io.stdout.write(`\n— ${new Date().toLocaleTimeString('en-GB')} —\n`);
      await onChange(changed, current);
    },
    onError: (error) => io.stderr.write(`alliance: ${error.message}\n`),
    onReady: () =>
      io.stderr.write(
        `Watching ${files.length} statement${files.length === 1 ? '' : 's'} for changes (Ctrl+C to stop)\n`,
      ),
    signal: io.signal,
  });
}
