/**
 * Spreading work over the machine's cores: files go to worker threads in small batches, each worker
 * loads the parser once, and outcomes come back as plain data in the order of the files. Used for
 * large batches only: a worker costs about a tenth of a second to start.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Overrides } from '../project/context.js';
import { stoppedOutcome } from './failure.js';
import type { TaskName, TaskOptions, TaskOutcome } from './tasks.js';
import { nodeWorkerThreads } from '../io/builtins.js';

/** What a worker needs to build the same load context as the main thread. */
export interface WorkerSetup {
  cwd: string;
  /** The config file in use, or null for none (the worker must not look for another). */
  configPath: string | null;
  overrides: Overrides;
  /** The task's own settings (the build's). */
  options?: TaskOptions;
}

/** How many threads to use: a number, `auto` (the cores, for batches large enough) or `off`. */
export type Concurrency = number | 'auto' | 'off';

const WORKER = new URL('./worker.js', import.meta.url);
const FILES_PER_THREAD = 150;
/**
 * Below this many cores, workers do not pay: parsing is memory-bound, V8's garbage collector already
 * uses a second core, and on a 2-core machine two workers took longer than one thread (1.47 s against
 * 1.42 s for 1,000 statements).
 */
const MIN_CORES = 4;
const BATCH = 16;

/** When workers pay for a task: enough cores, and enough files for each worker; and the heap each may use. */
export interface PoolPolicy {
  minCores: number;
  filesPerThread: number;
  /** The old-generation heap of each worker, in MB: a small one makes V8 collect garbage early. */
  heapMb?: number;
  /** Workers even below `minCores` (one), for the bounded heap, once a batch is this large. */
  boundedFrom?: number;
}

/** Checking and timing are memory-bound and quick per file: workers only on 4 cores or more. */
export const LIGHT_TASK: PoolPolicy = { minCores: MIN_CORES, filesPerThread: FILES_PER_THREAD };

/** The number of worker threads for `fileCount` files; 0 or 1 means work in the main thread. */
export function threadsFor(fileCount: number, concurrency: Concurrency, policy: PoolPolicy = LIGHT_TASK): number {
  // Running from TypeScript sources (tests), there is no compiled worker to start.
  if (concurrency === 'off' || !existsSync(fileURLToPath(WORKER))) return 0;
  if (concurrency !== 'auto') return Math.min(concurrency, fileCount);
  const cores = availableParallelism();
  if (cores < policy.minCores) return policy.boundedFrom !== undefined && fileCount >= policy.boundedFrom ? 1 : 0;
  return Math.min(cores, Math.floor(fileCount / policy.filesPerThread));
}

/**
 * Runs `task` on every path in `threads` workers; outcomes in the order of `paths`. A worker that
 * stops (out of memory, killed) takes only its statement down: the batch it held is run again one file
 * at a time in a new worker, and the file it stops on again gets a finding of its own.
 */
export async function runInWorkers<T extends TaskName>(
  task: T,
  paths: readonly string[],
  setup: WorkerSetup,
  threads: number,
  onDone?: (count: number) => void,
  heapMb?: number,
): Promise<TaskOutcome<T>[]> {
  const outcomes = new Array<TaskOutcome<T>>(paths.length);
  // Batches of indices into `paths`; a failed batch comes back as single files, first.
  const queue: number[][] = [];
  for (let start = 0; start < paths.length; start += BATCH) {
    queue.push(Array.from({ length: Math.min(BATCH, paths.length - start) }, (_, offset) => start + offset));
  }
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new (nodeWorkerThreads().Worker)(WORKER, {
        workerData: { task, setup },
        resourceLimits: heapMb ? { maxOldGenerationSizeMb: heapMb } : undefined,
      });
      let current: number[] | undefined;
      let settled = false;
      const send = () => {
        current = queue.shift();
        if (current === undefined) {
          settled = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage({ paths: current.map((index) => paths[index]) });
      };
      const stopped = (why: string) => {
        if (settled) return;
        settled = true;
        const batch = current ?? [];
        if (batch.length > 1) queue.unshift(...batch.map((index) => [index]));
        else if (batch.length === 1) {
          const index = batch[0] ?? 0;
          outcomes[index] = stoppedOutcome(task, paths[index] ?? '', why);
          onDone?.(1);
        }
        void worker.terminate();
        // A new worker takes over what is left.
        void (queue.length > 0 ? runWorker() : Promise.resolve()).then(resolve);
      };
      worker.on('message', (reply: { outcomes: TaskOutcome<T>[] }) => {
        (current ?? []).forEach((index, position) => {
          const outcome = reply.outcomes[position];
          if (outcome !== undefined) outcomes[index] = outcome;
        });
        onDone?.(reply.outcomes.length);
        send();
      });
      worker.on('error', (error: NodeJS.ErrnoException) => stopped(error.code ?? error.message));
      worker.on('exit', (code) => stopped(`exit code ${code}`));
      send();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return outcomes;
}
