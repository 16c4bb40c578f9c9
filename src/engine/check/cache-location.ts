/** Where `check --cache` keeps its results, and opening it under the key of this run. */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  return folder ? join(path, CACHE_NAME) : path;
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
