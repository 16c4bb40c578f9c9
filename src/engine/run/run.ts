/**
 * Running a task (check, time) over many files: in the main thread, or spread over worker threads
 * for large batches on machines with the cores for it. Outcomes come back in the order of the files.
 */
import type { LoadContext } from '../project/context.js';
import { runInWorkers, threadsFor, type Concurrency, type PoolPolicy } from './pool.js';
import { runTask, type TaskName, type TaskOptions, type TaskOutcome, type TimeOutcome } from './tasks.js';

/** How to run a task over files: threads, when workers pay, the task's own settings, progress. */
export interface RunOptions {
  concurrency?: Concurrency;
  policy?: PoolPolicy;
  options?: TaskOptions;
  /** Called as files are done (in batches from workers). */
  onDone?: (count: number) => void;
  /**
   * In the main thread, how many files may be in progress at once (1: one after the other): more
   * where a file waits on work done elsewhere (a build's render thread) while the next one is read.
   */
  inFlight?: number;
}

/** Runs `task` on every file (absolute paths). */
export async function runFiles<T extends TaskName>(
  task: T,
  paths: readonly string[],
  context: LoadContext,
  run: RunOptions = {},
): Promise<TaskOutcome<T>[]> {
  const threads = threadsFor(paths.length, run.concurrency ?? 'auto', run.policy);
  if (threads > 1 || (threads === 1 && run.policy?.heapMb !== undefined)) {
    const setup = {
      cwd: context.config.dir,
      configPath: context.config.path,
      overrides: context.overrides,
      options: run.options,
    };
    return runInWorkers(task, paths, setup, threads, run.onDone, run.policy?.heapMb);
  }
  const outcomes = new Array<TaskOutcome<T>>(paths.length);
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const index = next;
      next += 1;
      outcomes[index] = await runTask(task, paths[index]!, context, run.options);
      run.onDone?.(1);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, run.inFlight ?? 1) }, lane));
  return outcomes;
}

/** Times every file (absolute paths). */
export async function timeFiles(
  paths: readonly string[],
  context: LoadContext,
  concurrency: Concurrency = 'auto',
): Promise<TimeOutcome[]> {
  return runFiles('time', paths, context, { concurrency });
}
