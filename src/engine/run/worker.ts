/** A worker thread of the pool: builds the load context once, then runs its task on each batch of files. */
import { parentPort, workerData } from 'node:worker_threads';
import { preloadNumberLocales } from '../../timing/numbers.js';
import { contextFor } from '../project/context.js';
import type { WorkerSetup } from './pool.js';
import { runTask, type TaskName } from './tasks.js';

const { task, setup } = workerData as { task: TaskName; setup: WorkerSetup };
const context = contextFor(setup.cwd, setup.overrides, setup.configPath);
await preloadNumberLocales([...context.languages.values()].map((record) => record.speech.numberLocale));

async function runBatch({ paths }: { paths: string[] }): Promise<void> {
  const outcomes = [];
  for (const path of paths) outcomes.push(await runTask(task, path, context, setup.options));
  parentPort?.postMessage({ outcomes });
}

parentPort?.on('message', (batch: { paths: string[] }) => void runBatch(batch));
