/**
 * Which files a command works on: paths, folders and globs as given, or the config's `statements`
 * globs (default `statements/**\/*.md` under the project folder). Sorted, each file once.
 */
import { lstatSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** The files found, and the patterns that matched nothing. */
export interface FoundFiles {
  files: string[];
  unmatched: string[];
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];
const MARKDOWN = '**/*.{md,markdown}';

/** Expands paths, folders and globs (relative to `cwd`) into absolute file paths. */
export async function findFiles(patterns: readonly string[], cwd: string): Promise<FoundFiles> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const stat = statOrUndefined(absolute);
    let matches: string[];
    // Given by name, anything but a folder is checked: a file, a link that leads nowhere, a pipe or a
    // device (the last three reported as unreadable).
    if (stat?.isDirectory())
      matches = await glob(MARKDOWN, {
        cwd: absolute,
        absolute: true,
        ignore: IGNORE,
        dot: false,
        followSymbolicLinks: false,
      });
    else if (stat || existsAsLink(absolute)) matches = [absolute];
    else if (isDynamicPattern(pattern)) matches = await globFrom(pattern, cwd);
    else matches = [];
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches) files.add(resolve(match));
  }
  return { files: [...files].sort(), unmatched };
}

async function globFrom(pattern: string, cwd: string): Promise<string[]> {
  const relativePattern = isAbsolute(pattern) ? relative(cwd, pattern) || '.' : pattern;
  return glob(relativePattern.split('\\').join('/'), {
    cwd,
    absolute: true,
    ignore: IGNORE,
    onlyFiles: true,
    expandDirectories: false,
    followSymbolicLinks: false,
  });
}

function existsAsLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
