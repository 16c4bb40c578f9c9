/**
 * Running a task (check, time) over many files: in the main thread, or spread over worker threads
 * for large batches on machines with the cores for it. Outcomes come back in the order of the files.
 */
import type { LoadContext } from './context.js';
import { runInWorkers, threadsFor, type Concurrency } from './pool.js';
import type { TaskName, TaskOutcome, TimeOutcome } from './tasks.js';

/** Runs `task` on every file (absolute paths). */
export async function runFiles<T extends TaskName>(task: T, paths: readonly string[], context: LoadContext, concurrency: Concurrency = 'auto'): Promise<TaskOutcome<T>[]> {
  const threads = threadsFor(paths.length, concurrency);
  if (threads > 1) {
    return runInWorkers(task, paths, { cwd: context.config.dir, configPath: context.config.path, overrides: context.overrides }, threads);
  }
  // The parser is loaded only when there is something to parse (a fully cached check never loads it).
  const { runTask } = await import('./tasks.js');
  return paths.map((path) => runTask(task, path, context));
}

/** Times every file (absolute paths). */
export async function timeFiles(paths: readonly string[], context: LoadContext, concurrency: Concurrency = 'auto'): Promise<TimeOutcome[]> {
  return runFiles('time', paths, context, concurrency);
}
