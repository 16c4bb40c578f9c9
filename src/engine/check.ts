/** `check` without the command line: load each file, run the rules, return the messages per file. */
import type { VFileMessage } from 'vfile-message';
import type { Statement } from '../model/statement.js';
import { contentHash, type ResultCache } from './cache.js';
import type { LoadContext } from './context.js';
import { parseStatement, readStatementFile } from './load.js';
import { makeMessage, runRules } from './run-rules.js';

/** The outcome of checking one file. */
export interface FileResult {
  /** Absolute path. */
  path: string;
  messages: VFileMessage[];
  /** The loaded statement (absent when the result came from the cache). */
  statement?: Statement;
}

/** The outcome of checking many files. */
export interface CheckRun {
  results: FileResult[];
  /** Rules that threw: a bug of the tool, which the CLI turns into exit code 2. */
  internalErrors: number;
}

const READ_AHEAD = 32;

/** Checks each file (absolute paths), reusing cached results of unchanged files when a cache is given. */
export async function checkFiles(paths: readonly string[], context: LoadContext, cache?: ResultCache): Promise<CheckRun> {
  const results: FileResult[] = [];
  let internalErrors = 0;
  // Files are read ahead in parallel while earlier ones are parsed.
  const reads = paths.map((path, index) => (index < READ_AHEAD ? readStatementFile(path) : undefined));
  for (let index = 0; index < paths.length; index += 1) {
    const path = paths[index]!;
    const ahead = index + READ_AHEAD;
    if (ahead < paths.length) reads[ahead] = readStatementFile(paths[ahead]!);
    const input = await reads[index]!;
    reads[index] = undefined;
    const hash = input instanceof Uint8Array && cache ? contentHash(input) : undefined;
    const cached = hash === undefined ? undefined : cache?.get(path, hash);
    if (cached) {
      results.push({ path, messages: cached });
      continue;
    }
    let statement: Statement;
    try {
      statement = parseStatement(path, input, context);
    } catch (error) {
      // A bug of the loader: reported on this file, the others are still checked.
      internalErrors += 1;
      const reason = `Expected the file to load, found an internal error: ${(error as Error).message}`;
      results.push({ path, messages: [makeMessage(reason, 'read-error', 'error', undefined, path)] });
      continue;
    }
    const run = runRules(statement);
    internalErrors += run.internalErrors;
    if (hash !== undefined && run.internalErrors === 0) cache?.set(path, hash, run.messages);
    results.push({ path, messages: run.messages, statement });
  }
  return { results, internalErrors };
}
