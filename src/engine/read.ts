/**
 * Reading a statement's bytes: an unreadable file becomes a `read-error` problem, never an exception.
 * Only regular files are read (a link to a device such as /dev/zero, or a pipe, would never end or
 * never answer), and a file far beyond the size a statement may have is not read at all.
 */
import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import type { LoadProblem } from '../model/statement.js';
import { fileSizeProblem } from './markdown-limits.js';

function readProblem(reason: string): LoadProblem {
  return { ruleId: 'read-error', reason, place: { line: 1, column: 1 } };
}

/** The bytes of a file, or the problem that stops reading it. */
export function readStatementFile(path: string): Uint8Array | LoadProblem {
  let fd: number | undefined;
  try {
    // Statements are small: a synchronous read costs a fraction of a promise round trip per file.
    // Opened without blocking, so that a pipe with no writer cannot hold the run.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return readProblem('Expected a file, found a folder');
    if (!stat.isFile()) return readProblem('Expected a file, found something else (a pipe, socket or device)');
    const tooLarge = fileSizeProblem(stat.size);
    if (tooLarge) return tooLarge;
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return read === bytes.length ? bytes : bytes.subarray(0, read);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return readProblem(code === 'EISDIR' ? 'Expected a file, found a folder' : `Expected a readable file, found an error: \`${code ?? (error as Error).message}\``);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
