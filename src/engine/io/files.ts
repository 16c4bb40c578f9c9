/**
 * Which files a command works on: paths, folders and globs as given, or the config's `statements`
 * globs (default `statements/**\/*.md` under the project folder). Sorted, each file once.
 */
import { lstatSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** The glob library, loaded when a pattern or a folder needs it: a file named outright (a pre-commit hook's) does not. */
const globbing = () => import('tinyglobby');

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
    if (stat?.isDirectory()) matches = await markdownUnder(absolute);
    else if (stat || existsAsLink(absolute)) matches = [absolute];
    else if ((await globbing()).isDynamicPattern(pattern)) matches = await globFrom(pattern, cwd);
    else matches = [];
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches) files.add(resolve(match));
  }
  return { files: [...files].sort(), unmatched };
}

async function markdownUnder(folder: string): Promise<string[]> {
  const { glob } = await globbing();
  return glob(MARKDOWN, { cwd: folder, absolute: true, ignore: IGNORE, dot: false, followSymbolicLinks: false });
}

async function globFrom(pattern: string, cwd: string): Promise<string[]> {
  const relativePattern = isAbsolute(pattern) ? relative(cwd, pattern) || '.' : pattern;
  const { glob } = await globbing();
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
