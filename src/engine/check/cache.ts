/**
 * The results cache of `alliance check --cache`: the messages of each file, keyed by the file's
 * content, and valid only for the same tool version, config and flags. A cache that cannot be read is
 * ignored (and rewritten); it is written atomically.
 */
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { makeFolder } from '../io/folders.js';
import type { StoredMessage } from './messages.js';
import { readRegularText } from '../io/read.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { own } from '../../model/own.js';

interface CacheFile {
  key: string;
  files: Record<string, { hash: string; messages: StoredMessage[] }>;
}

/** A hash of a file's content. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The results of files checked before, under one key (version, config, flags). */
export class ResultCache {
  private readonly data: CacheFile;
  private changed: boolean;

  private constructor(
    /** Where the cache is kept. */
    readonly location: string,
    previous: CacheFile,
    key: string,
  ) {
    // Results made under another key (version, config, flags) are all stale.
    this.changed = previous.key !== key;
    this.data = this.changed ? { key, files: {} } : previous;
  }

  /** Opens the cache at `location` for results made under `key`. */
  static async open(location: string, key: string): Promise<ResultCache> {
    let previous: CacheFile = { key: '', files: {} };
    try {
      const parsed = JSON.parse(readRegularText(location)) as CacheFile;
      if (parsed && typeof parsed.key === 'string' && parsed.files && typeof parsed.files === 'object') previous = parsed;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return new ResultCache(location, previous, key);
  }

  /** The messages stored for `path` when its content hash is `hash`. */
  get(path: string, hash: string): StoredMessage[] | undefined {
    const entry = own(this.data.files, path);
    return entry && entry.hash === hash ? entry.messages : undefined;
  }

  /** Stores the messages of `path` at content hash `hash`. */
  set(path: string, hash: string, messages: StoredMessage[]): void {
    this.changed = true;
    this.data.files[path] = { hash, messages };
  }

  /** Writes the cache when anything changed. */
  async save(): Promise<void> {
    if (!this.changed) return;
    makeFolder(dirname(this.location));
    await writeFileAtomic(this.location, JSON.stringify(this.data));
  }
}
