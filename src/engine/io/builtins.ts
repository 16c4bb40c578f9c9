/**
 * Node's built-in modules that only some runs use, loaded when first asked for: each costs a few
 * milliseconds at start-up (crypto 4 ms, worker_threads 2 ms, measured), which `check` on one file
 * would pay for nothing.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** `node:crypto`, loaded on first use. */
export function nodeCrypto(): typeof import('node:crypto') {
  return load('node:crypto') as typeof import('node:crypto');
}

/** `node:worker_threads`, loaded on first use. */
export function nodeWorkerThreads(): typeof import('node:worker_threads') {
  return load('node:worker_threads') as typeof import('node:worker_threads');
}
