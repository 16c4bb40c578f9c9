/** Where `check --cache` keeps its results, and opening it under the key of this run. */
import { closeSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../io/errors.js';
import { isMarkdownPath } from '../io/paths.js';
import { CONFIG_NAMES } from '../project/config.js';
import type { Project } from '../project/project.js';
import { VERSION } from '../io/version.js';
import { languagesHash } from '../project/languages.js';
import { ResultCache } from './cache.js';

/** The cache's file name inside a folder. */
const CACHE_NAME = 'check-cache.json';

/**
 * The cache file: by default under `node_modules/.cache/alliance/` in the project, out of the
 * repository (as Babel, Prettier and ESLint's loaders keep theirs); a `location` naming a folder keeps
 * it inside (as ESLint does), else it is the file named.
 */
export function cacheFile(project: Project, location?: string): string {
  if (location === undefined) return join(project.dir, 'node_modules', '.cache', 'alliance', CACHE_NAME);
  const path = resolve(project.cwd, location);
  let folder = /[\\/]$/.test(location);
  try {
    folder ||= statSync(path).isDirectory();
  } catch {
    // Not there yet: a file of that name.
  }
  const file = folder ? join(path, CACHE_NAME) : path;
  refuseNonCache(file, location);
  return file;
}

/** What marks a file as a cache: JSON (this tool writes `{"key":…`; a damaged one is written over). */
const CACHE_START = '{';

/**
 * Refuses a cache location where writing would replace something that is not a cache: a statement, a
 * config, or any file that holds something else (nothing is written; a cache only saves time).
 */
function refuseNonCache(file: string, location: string): void {
  const refuse = (what: string): never => {
    throw new UsageError(
      `Expected \`cacheLocation\` to name a cache file or a folder, found \`${location}\`, ${what}: nothing is written there`,
      'cacheLocation',
    );
  };
  if (isMarkdownPath(file)) refuse('a statement');
  if ((CONFIG_NAMES as readonly string[]).includes(basename(file))) refuse('a config file');
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return; // Nothing there yet: the cache is made.
  }
  if (!stat.isFile()) return; // A pipe or a link is refused when the cache is written (write-atomic).
  if (stat.size === 0) return;
  const start = Buffer.alloc(CACHE_START.length);
  try {
    const fd = openSync(file, 'r');
    try {
      readSync(fd, start, 0, start.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return;
  }
  if (start.toString('latin1') !== CACHE_START) refuse('a file that is not a cache');
}

/** Opens the cache for this project, its config and the run's overrides. */
export function openResultCache(project: Project, location?: string): ResultCache {
  const { overrides } = project.context;
  return ResultCache.open(
    cacheFile(project, location),
    JSON.stringify([
      VERSION,
      project.config.hash,
      languagesHash(project.context.languages),
      overrides.pace,
      overrides.slotSeconds,
    ]),
  );
}
