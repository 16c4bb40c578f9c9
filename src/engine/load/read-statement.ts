/**
 * Reading a statement file: a statement that cannot be read becomes a `read-error` (or `markdown`,
 * when far too large) problem, never an exception.
 */
import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { LoadProblem } from '../../model/statement.js';
import { ReadRefusal, readRegularFile } from '../io/read.js';
import { fileSizeProblem } from './markdown-limits.js';

function readProblem(reason: string): LoadProblem {
  return { ruleId: 'read-error', reason, place: { line: 1, column: 1 } };
}

/** Thrown inside a read to hand back the problem of a statement far beyond its size bound. */
class TooLarge extends Error {
  constructor(readonly problem: LoadProblem) {
    super(problem.reason);
  }
}

/** The real path of a link (or of a file under a linked folder) that leads out of `projectDir`, if `path` is one. */
function linkOutside(path: string, projectDir: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  if (real === resolve(path)) return undefined;
  let root: string;
  try {
    root = realpathSync(projectDir);
  } catch {
    root = resolve(projectDir);
  }
  return real.startsWith(root + sep) ? undefined : real;
}

/**
 * The bytes of a statement file, or the problem that stops reading it. With `projectDir`, a link that
 * leads out of the project is not followed: a pull request could otherwise link a statement to
 * /etc/passwd or /proc/self/environ and have CI print or render it.
 */
export function readStatementFile(path: string, projectDir?: string): Uint8Array | LoadProblem {
  const outside = projectDir === undefined ? undefined : linkOutside(path, projectDir);
  if (outside !== undefined)
    return readProblem(`Expected a statement inside the project, found a link to \`${outside}\` outside it`);
  try {
    // Statements are small: a synchronous read costs a fraction of a promise round trip per file.
    return readRegularFile(path, Number.MAX_SAFE_INTEGER, (size) => {
      const problem = fileSizeProblem(size);
      if (problem) throw new TooLarge(problem);
    });
  } catch (error) {
    if (error instanceof TooLarge) return error.problem;
    if (error instanceof ReadRefusal)
      return readProblem(
        error.code === 'EISDIR'
          ? 'Expected a file, found a folder'
          : 'Expected a file, found something else (a pipe, socket or device)',
      );
    const code = (error as NodeJS.ErrnoException).code;
    return readProblem(
      code === 'EISDIR'
        ? 'Expected a file, found a folder'
        : `Expected a readable file, found an error: \`${code ?? (error as Error).message}\``,
    );
  }
}
