/**
 * `--watch`: re-runs a command for the files that changed, on every save. Folders are watched (not
 * files, which editors replace on save), events are debounced, and the targets are expanded again on
 * each change so that new files are picked up.
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../project/config.js';
import { targetFiles } from '../project/targets.js';

/** What to watch and what to do on a change. */
export interface WatchOptions {
  /** Folders watched, with everything under them. */
  roots: readonly string[];
  /** The files the command works on now (patterns expanded again). */
  expand(): Promise<string[]>;
  /** Called with the target files (absolute) that changed, once the events settle. */
  onChange: (files: string[]) => Promise<void>;
  /** Ends the watch. */
  signal?: AbortSignal;
  debounceMs?: number;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/** The folders to watch for `patterns` (relative to `cwd`) and `files`: each file's folder, each pattern's fixed part. */
export function watchRoots(patterns: readonly string[], cwd: string, files: readonly string[]): string[] {
  const folders = new Set(files.map((file) => dirname(file)));
  for (const pattern of patterns) {
    const parts = pattern.split(/[\\/]/);
    const magic = parts.findIndex((part) => /[*?[\]{}()!]/.test(part));
    const fixed = magic === -1 ? parts : parts.slice(0, magic);
    const path = resolve(cwd, fixed.join('/') || '.');
    folders.add(MARKDOWN.test(path) ? dirname(path) : path);
  }
  // A folder inside another is covered by the recursive watch of the outer one.
  const sorted = [...folders].sort();
  return sorted.filter((folder) => !sorted.some((outer) => outer !== folder && folder.startsWith(`${outer}/`)));
}

/** Watches until the signal aborts, calling `onChange` with the target files that changed. */
export async function watchFiles(options: WatchOptions): Promise<void> {
  const pending = new Set<string>();
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  const flush = () => {
    const changed = [...pending];
    pending.clear();
    running = running.then(async () => {
      const targets = new Set(await options.expand());
      const files = changed.filter((file) => targets.has(file));
      if (files.length > 0) await options.onChange(files);
    });
  };

  for (const root of options.roots) {
    try {
      watchers.push(
        watchFolder(root, { recursive: true }, (_event, name) => {
          if (!name || !MARKDOWN.test(name.toString())) return;
          pending.add(join(root, name.toString()));
          clearTimeout(timer);
          timer = setTimeout(flush, options.debounceMs ?? 100);
        }),
      );
    } catch {
      // A folder that does not exist is not watched.
    }
  }

  await new Promise<void>((done) => {
    if (options.signal?.aborted) done();
    options.signal?.addEventListener('abort', () => done(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
}

/** What to watch of a project, and what to do when its statements change. */
export interface WatchStatementsOptions {
  /** The command's patterns (relative to `cwd`); none: the config's `statements` globs. */
  patterns: readonly string[];
  cwd: string;
  config: Config;
  /** The files the command works on now. */
  files: readonly string[];
  onChange: (files: string[]) => Promise<unknown>;
  signal?: AbortSignal;
}

/** Watches a project's statements until the signal aborts, calling `onChange` with those that changed. */
export async function watchStatements({
  patterns,
  cwd,
  config,
  files,
  onChange,
  signal,
}: WatchStatementsOptions): Promise<void> {
  const given = patterns.length > 0;
  await watchFiles({
    roots: watchRoots(given ? patterns : config.statements, given ? cwd : config.dir, files),
    expand: () => targetFiles(patterns, cwd, config, false),
    onChange: async (changed) => {
      await onChange(changed);
    },
    signal,
  });
}
