/**
 * `--watch`: re-runs a command for the statements that changed, on every save, however the editor
 * saves: in place, to a temporary file renamed over the statement (vim, JetBrains, `sed -i`), or by
 * deleting and creating it. Each folder is watched on its own (a folder's watch survives the files in
 * it being replaced, which a watch of the file, or Node's recursive watch on Linux, does not), folders
 * made later are watched when they appear, events are debounced, and the targets are expanded again on
 * each change so that new statements are picked up. A change to the project's own files (the config, a
 * template, a language or phrase file) reruns every statement, with the project read again.
 */
import { existsSync, readdirSync, statSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Config } from '../project/config.js';
import { CONFIG_NAMES } from '../project/config.js';
import { PROJECT_LANGUAGES } from '../project/languages.js';
import { targetFiles } from '../project/targets.js';

/** What changed, once the events settle. */
export interface WatchChange {
  /** The target statements (absolute) saved. */
  files: string[];
  /** A project file changed (config, template, language): everything depends on it. */
  project: boolean;
  /** Statements that were targets and are gone (deleted, or renamed away). */
  removed: string[];
}

/** What to watch and what to do on a change. */
export interface WatchOptions {
  /** Folders watched, with every folder under them. */
  roots: readonly string[];
  /** The project's folder, watched for its config file. */
  projectDir?: string;
  /** Folders whose every file is a project file (templates/, languages/). */
  projectFolders?: readonly string[];
  /** The files the command works on now (patterns expanded again). */
  expand(): Promise<string[]>;
  /** Called with what changed, once the events settle. */
  onChange: (change: WatchChange) => Promise<void>;
  /** Called once every folder is watched: saves from then on are seen. */
  onReady?: () => void;
  /** Ends the watch. */
  signal?: AbortSignal;
  debounceMs?: number;
}

const MARKDOWN = /\.(?:md|markdown)$/i;
/** The most folders watched: a project has a few; a root with thousands is not a project. */
const MAX_FOLDERS = 2_000;
/** Names an editor writes beside a file as it saves it: not saves of their own. */
const EDITOR_TEMPORARY = /(?:^\.#|~$|\.sw[a-p]$|\.tmp$|^\d+$)/;

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
  // A folder inside another is covered by the watch of the outer one and the folders under it.
  const sorted = [...folders].sort();
  return sorted.filter((folder) => !sorted.some((outer) => outer !== folder && folder.startsWith(`${outer}${sep}`)));
}

/** Every folder under `root` (itself included), links not followed, hidden folders and node_modules left out. */
function foldersUnder(root: string, found: Set<string>): void {
  if (found.size >= MAX_FOLDERS || found.has(root)) return;
  found.add(root);
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      foldersUnder(join(root, entry.name), found);
  }
}

/** Watches until the signal aborts, calling `onChange` with what changed. */
export async function watchFiles(options: WatchOptions): Promise<void> {
  const pending = new Set<string>();
  let projectChanged = false;
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  const flush = () => {
    const changed = [...pending];
    const project = projectChanged;
    pending.clear();
    projectChanged = false;
    running = running.then(async () => {
      const targets = new Set(await options.expand());
      const files = project ? [...targets] : changed.filter((file) => targets.has(file));
      const removed = changed.filter((file) => !targets.has(file) && !existsSync(file));
      if (files.length > 0 || project || removed.length > 0) await options.onChange({ files, project, removed });
    });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 100);
  };

  const markProject = () => {
    projectChanged = true;
    schedule();
  };

  /** Watches `folder` for `kind` of file: statements, the project's config (its own folder), or project files (templates/, languages/). */
  const watch = (folder: string, kind: 'statements' | 'config' | 'project') => {
    const key = `${kind}\0${folder}`;
    if (watchers.has(key) || watchers.size >= MAX_FOLDERS) return;
    const addFolders = (path: string) => {
      try {
        if (!statSync(path).isDirectory()) return;
      } catch {
        return;
      }
      // A folder made (or moved in) since: watched from now on, and what is in it already (written
      // before its watch began) taken as saved.
      const added = new Set<string>();
      foldersUnder(path, added);
      for (const inner of added) {
        watch(inner, kind);
        let names: string[];
        try {
          names = readdirSync(inner);
        } catch {
          continue;
        }
        if (kind === 'project' && names.length > 0) markProject();
        if (kind !== 'statements') continue;
        for (const name of names) if (MARKDOWN.test(name)) pending.add(join(inner, name));
        schedule();
      }
    };
    try {
      const watcher = watchFolder(folder, (_event, name) => {
        if (!name) return;
        const file = join(folder, name.toString());
        const base = basename(file);
        if (EDITOR_TEMPORARY.test(base)) return;
        if (kind === 'config') {
          if ((CONFIG_NAMES as readonly string[]).includes(base)) markProject();
        } else if (kind === 'project') {
          markProject();
          addFolders(file);
        } else if (MARKDOWN.test(base)) {
          pending.add(file);
          schedule();
        } else addFolders(file);
      });
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(key);
      });
      watchers.set(key, watcher);
    } catch {
      // A folder that does not exist (yet) is not watched.
    }
  };

  const statementFolders = new Set<string>();
  for (const root of options.roots) foldersUnder(root, statementFolders);
  for (const folder of statementFolders) watch(folder, 'statements');
  if (options.projectDir !== undefined) watch(resolve(options.projectDir), 'config');
  for (const folder of options.projectFolders ?? []) {
    const under = new Set<string>();
    foldersUnder(resolve(folder), under);
    for (const inner of under) watch(inner, 'project');
  }

  options.onReady?.();
  await new Promise<void>((done) => {
    if (options.signal?.aborted) done();
    options.signal?.addEventListener('abort', () => done(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
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
  onChange: (change: WatchChange) => Promise<unknown>;
  onReady?: () => void;
  signal?: AbortSignal;
}

/** Watches a project's statements and its own files until the signal aborts, calling `onChange` after each save. */
export async function watchStatements({
  patterns,
  cwd,
  config,
  files,
  onChange,
  onReady,
  signal,
}: WatchStatementsOptions): Promise<void> {
  const given = patterns.length > 0;
  await watchFiles({
    roots: watchRoots(given ? patterns : config.statements, given ? cwd : config.dir, files),
    projectDir: config.dir,
    projectFolders: [join(config.dir, 'templates'), join(config.dir, PROJECT_LANGUAGES)],
    expand: () => targetFiles(patterns, cwd, config, false),
    onChange: async (change) => {
      await onChange(change);
    },
    onReady,
    signal,
  });
}
