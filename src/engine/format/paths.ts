/** Paths as reports show them: relative to the working directory, with forward slashes. */
import { relative, sep } from 'node:path';
import { shown } from './text.js';

/** `path` relative to `cwd`, with `/` separators (absolute when it lies elsewhere on another drive). */
export function relativePath(path: string, cwd: string): string {
  const found = relative(cwd, path) || path;
  // Only where `\` separates folders: elsewhere it is a character of the name (`back\slash.md`).
  return sep === '\\' ? found.split('\\').join('/') : found;
}

/** `path` as a human report prints it: relative, and made harmless as `shown` makes text. */
export function displayPath(path: string, cwd: string): string {
  return shown(relativePath(path, cwd));
}
