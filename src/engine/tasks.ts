/**
 * What is done to one file, in the main thread or a worker: read, load, run the rules. Outcomes are
 * plain data so that they cross a worker boundary and sit in the cache unchanged.
 */
import type { LoadProblem } from '../model/statement.js';
import { contentHash } from './cache.js';
import type { LoadContext } from './context.js';
import { parseStatement } from './load.js';
import { readStatementFile } from './read.js';
import { storeMessage, type StoredMessage } from './messages.js';
import { makeMessage, runRules } from './run-rules.js';

/** The outcome of checking one file. */
export interface CheckOutcome {
  path: string;
  /** The content hash of the file (null when it could not be read). */
  hash: string | null;
  messages: StoredMessage[];
  /** Rules or the loader that threw on this file (a bug of the tool). */
  internalErrors: number;
}

/** Checks one file whose bytes (or read problem) are given. */
export function checkOne(path: string, input: Uint8Array | LoadProblem, context: LoadContext): CheckOutcome {
  const hash = input instanceof Uint8Array ? contentHash(input) : null;
  try {
    const run = runRules(parseStatement(path, input, context));
    return { path, hash, messages: run.messages.map(storeMessage), internalErrors: run.internalErrors };
  } catch (error) {
    // A bug of the loader: reported on this file; the others are still checked.
    const reason = `Expected the file to load, found an internal error: ${(error as Error).message}`;
    return { path, hash, messages: [storeMessage(makeMessage(reason, 'read-error', 'error', undefined, path))], internalErrors: 1 };
  }
}

const TASKS = {
  check: (path: string, context: LoadContext): CheckOutcome => checkOne(path, readStatementFile(path), context),
};

/** The tasks a worker can run, by name. */
export type TaskName = keyof typeof TASKS;

/** The outcome of a task on one file. */
export type TaskOutcome<T extends TaskName> = ReturnType<(typeof TASKS)[T]>;

/** Runs the task `name` on the file at `path`. */
export function runTask<T extends TaskName>(name: T, path: string, context: LoadContext): TaskOutcome<T> {
  return TASKS[name](path, context) as TaskOutcome<T>;
}
