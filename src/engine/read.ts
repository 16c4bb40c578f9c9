/**
 * Reading files that come with a project (statements, templates, the config, the cache, the
 * manifest): only regular files are read, since a link to a device such as /dev/zero never ends and a
 * pipe may never answer, and never past a bound on their size. A statement that cannot be read becomes
 * a `read-error` (or `markdown`, when far too large) problem, never an exception.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { LoadProblem } from '../model/statement.js';
import { fileSizeProblem } from './markdown-limits.js';

/** The largest project file other than a statement that is read (templates, config, cache, manifest). */
export const MAX_PROJECT_FILE_BYTES = 64 * 1024 * 1024;

/** Why a file was not read: `EISDIR` (a folder), `ENOTFILE` (a pipe, socket or device), `EFBIG` (too large). */
export class ReadRefusal extends Error {
  constructor(
    readonly code: 'EISDIR' | 'ENOTFILE' | 'EFBIG',
    readonly size: number,
    path: string,
  ) {
    super(code === 'EISDIR' ? `Expected a file, found a folder at \`${path}\`` : code === 'ENOTFILE' ? `Expected a file, found something else (a pipe, socket or device) at \`${path}\`` : `Expected a file of at most ${MAX_PROJECT_FILE_BYTES / 1048576} MB, found \`${path}\` of ${Math.round(size / 1048576)} MB`);
  }
}

/**
 * The bytes of the regular file at `path` (links followed), of at most `maxBytes` (`bounded` is asked
 * first with the size, and may refuse by throwing). Throws `ReadRefusal` or the system's error.
 */
export function readRegularFile(path: string, maxBytes = MAX_PROJECT_FILE_BYTES, bounded?: (size: number) => void): Buffer {
  // Opened without blocking, so that a pipe with no writer cannot hold the run.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ReadRefusal('EISDIR', 0, path);
    if (!stat.isFile()) throw new ReadRefusal('ENOTFILE', 0, path);
    bounded?.(stat.size);
    if (stat.size > maxBytes) throw new ReadRefusal('EFBIG', stat.size, path);
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return read === bytes.length ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The text (UTF-8) of the regular file at `path`; throws as `readRegularFile`. */
export function readRegularText(path: string): string {
  return readRegularFile(path).toString('utf8');
}

function readProblem(reason: string): LoadProblem {
  return { ruleId: 'read-error', reason, place: { line: 1, column: 1 } };
}

/** Thrown inside a read to hand back the problem of a statement far beyond its size bound. */
class TooLarge {
  constructor(readonly problem: LoadProblem) {}
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
  if (outside !== undefined) return readProblem(`Expected a statement inside the project, found a link to \`${outside}\` outside it`);
  try {
    // Statements are small: a synchronous read costs a fraction of a promise round trip per file.
    return readRegularFile(path, Number.MAX_SAFE_INTEGER, (size) => {
      const problem = fileSizeProblem(size);
      if (problem) throw new TooLarge(problem);
    });
  } catch (error) {
    if (error instanceof TooLarge) return error.problem;
    if (error instanceof ReadRefusal) return readProblem(error.code === 'EISDIR' ? 'Expected a file, found a folder' : 'Expected a file, found something else (a pipe, socket or device)');
    const code = (error as NodeJS.ErrnoException).code;
    return readProblem(code === 'EISDIR' ? 'Expected a file, found a folder' : `Expected a readable file, found an error: \`${code ?? (error as Error).message}\``);
  }
}
