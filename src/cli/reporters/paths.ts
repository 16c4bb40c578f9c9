/** Paths as reports show them: relative to the working directory, with forward slashes. */
import { relative } from 'node:path';
import { printable } from '../../model/describe.js';

/** `path` relative to `cwd`, with `/` separators (absolute when it lies elsewhere on another drive). */
export function relativePath(path: string, cwd: string): string {
  const shown = relative(cwd, path) || path;
  return shown.split('\\').join('/');
}

/** `path` as a report prints it: relative, and with control characters in a file's name written out. */
export function displayPath(path: string, cwd: string): string {
  return printable(relativePath(path, cwd));
}
