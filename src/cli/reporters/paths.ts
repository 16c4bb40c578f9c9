/** Paths as reports show them: relative to the working directory, with forward slashes. */
import { relative } from 'node:path';

/** `path` relative to `cwd`, with `/` separators (absolute when it lies elsewhere on another drive). */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path) || path;
  return shown.split('\\').join('/');
}
