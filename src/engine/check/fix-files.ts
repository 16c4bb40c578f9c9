/**
 * `check --fix` over files: each file read once, fixed in passes (fix.ts), and its fixed text kept
 * with the hash of the bytes it was made from; writing happens apart (`writeFixes`), atomically, and
 * only to a file that still hashes to what was read (an editor may have saved it since).
 */
import { lstatSync } from 'node:fs';
import { readStatementFile } from '../load/read-statement.js';
import { parseStatement } from '../load/load.js';
import type { LoadContext } from '../project/context.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { contentHash } from './cache.js';
import { fixText } from './fix.js';
import { runRules, type AllianceMessage } from './run-rules.js';

/** A file fixed: its final messages, and its fixed text where that differs from the file. */
export interface FixedFile {
  path: string;
  messages: AllianceMessage[];
  internalErrors: number;
  /** The fixed text, when a fix changed it, and the text it was made from. */
  output?: string;
  source?: string;
  /** How many fixes were applied. */
  fixed: number;
  /** The hash of the bytes the fixes were made from. */
  sourceHash?: string;
}

/** Fixes each file's text in memory; nothing is written. */
export function fixFiles(paths: readonly string[], context: LoadContext): FixedFile[] {
  return paths.map((path) => {
    const input = readStatementFile(path, context.config.dir);
    if (!(input instanceof Uint8Array)) {
      const run = runRules(parseStatement(path, input, context));
      return { path, messages: run.messages, internalErrors: run.internalErrors, fixed: 0 };
    }
    const outcome = fixText(path, input, context);
    return {
      path,
      messages: outcome.messages,
      internalErrors: outcome.internalErrors,
      fixed: outcome.fixed,
      ...(outcome.changed ? { output: outcome.output, source: outcome.source, sourceHash: contentHash(input) } : {}),
    };
  });
}

/** What writing the fixes did: the files written, and those left as they are, with why. */
export interface WrittenFixes {
  written: string[];
  skipped: { path: string; reason: string }[];
}

/** Writes the fixed texts, each atomically and only where the file still holds what was read. */
export async function writeFixesToFiles(
  files: readonly { path: string; output?: string; sourceHash?: string }[],
): Promise<WrittenFixes> {
  const written: string[] = [];
  const skipped: WrittenFixes['skipped'] = [];
  for (const file of files) {
    if (file.output === undefined || file.sourceHash === undefined) continue;
    let link = false;
    try {
      link = lstatSync(file.path).isSymbolicLink();
    } catch {
      // Gone: the read below says so.
    }
    if (link) {
      skipped.push({ path: file.path, reason: 'it is a symbolic link: fix the file it points to' });
      continue;
    }
    const now = readStatementFile(file.path);
    if (!(now instanceof Uint8Array) || contentHash(now) !== file.sourceHash) {
      skipped.push({ path: file.path, reason: 'it changed after it was read: check it again' });
      continue;
    }
    try {
      await writeFileAtomic(file.path, file.output);
      written.push(file.path);
    } catch (error) {
      skipped.push({ path: file.path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
  }
  return { written, skipped };
}
