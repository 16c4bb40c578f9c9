/**
 * `check` without the command line: each file is read, loaded and checked (in worker threads for
 * large batches), unchanged files are answered from the cache, and the messages of each file come
 * back in the order of the files.
 */
import type { VFileMessage } from 'vfile-message';
import { contentHash, type ResultCache } from '../check/cache.js';
import type { LoadContext } from '../project/context.js';
import { restoreMessage } from '../check/messages.js';
import type { Concurrency } from './pool.js';
import { readStatementFile } from '../load/read-statement.js';
import { versionNamed } from '../load/versions.js';
import { runFiles } from './run.js';
import type { CheckOutcome } from './tasks.js';

/** The outcome of checking one file. */
export interface FileResult {
  /** Absolute path. */
  path: string;
  messages: VFileMessage[];
}

/** The outcome of checking many files. */
export interface CheckRun {
  results: FileResult[];
  /** Rules or the loader that threw: a bug of the tool, which the CLI turns into exit code 2. */
  internalErrors: number;
}

/** How to check: cache and threads. */
export interface CheckOptions {
  cache?: ResultCache;
  concurrency?: Concurrency;
}

/** Whether a file may be a language version (by its name, or a `version_of` in its text). */
function mayBeVersion(path: string, input: Uint8Array): boolean {
  return versionNamed(path) || Buffer.from(input.buffer, input.byteOffset, input.byteLength).includes('version_of');
}

/** Checks each file (absolute paths), reusing cached results of unchanged files when a cache is given. */
export async function checkFiles(
  paths: readonly string[],
  context: LoadContext,
  options: CheckOptions = {},
): Promise<CheckRun> {
  const { cache } = options;
  const outcomes = new Map<string, CheckOutcome>();
  const todo: string[] = [];
  for (const path of paths) {
    const input = cache ? readStatementFile(path, context.config.dir) : undefined;
    // A language version's findings depend on its source too: such a file is checked every time.
    const hash = input instanceof Uint8Array && !mayBeVersion(path, input) ? contentHash(input) : null;
    const messages = hash === null ? undefined : cache?.get(path, hash);
    if (messages) outcomes.set(path, { path, hash, messages, internalErrors: 0 });
    else todo.push(path);
  }

  // Without a cache nothing reads the content hashes: computing them loaded node:crypto for nothing.
  const fresh = await runFiles('check', todo, context, {
    concurrency: options.concurrency,
    options: { hash: cache !== undefined },
  });
  for (const outcome of fresh) {
    outcomes.set(outcome.path, outcome);
    const versioned =
      outcome.messages.some((message) => message.ruleId === 'version-in-step') || versionNamed(outcome.path);
    if (outcome.hash !== null && outcome.internalErrors === 0 && !versioned)
      cache?.set(outcome.path, outcome.hash, outcome.messages);
  }

  let internalErrors = 0;
  const results = paths.map((path) => {
    const outcome = outcomes.get(path)!;
    internalErrors += outcome.internalErrors;
    return { path, messages: outcome.messages.map((stored) => restoreMessage(stored, path)) };
  });
  return { results, internalErrors };
}
