/**
 * The results cache of `alliance check --cache`: the messages of each file, keyed by the file's
 * content, and valid only for the same tool version, config and flags. A cache that cannot be read is
 * ignored (and rewritten); it is written atomically.
 *
 * A cache file can come with a pull request: its contents are signed with a secret kept on this
 * machine (outside any project), and a cache whose signature does not match is ignored, so that a
 * crafted cache cannot make a statement with errors pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeFolder } from '../io/folders.js';
import type { StoredMessage } from './messages.js';
import { readRegularText } from '../io/read.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { own } from '../../model/own.js';
import { nodeCrypto } from '../io/builtins.js';

interface CacheFile {
  key: string;
  files: Record<string, { hash: string; messages: StoredMessage[] }>;
  /** HMAC of key and files with this machine's secret. */
  signature?: string;
}

/** The folder of this user's secret: `$XDG_CACHE_HOME/alliance`, else `~/.cache/alliance`. */
function secretFolder(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'alliance');
}

let secret: Buffer | null | undefined;

/** This machine's secret for signing caches, made on first use; null when it cannot be kept (no cache then). */
function cacheSecret(): Buffer | null {
  if (secret !== undefined) return secret;
  const path = join(secretFolder(), 'cache-secret');
  try {
    secret = readFileSync(path);
    if (secret.length < 32) throw new Error('short');
  } catch {
    try {
      makeFolder(secretFolder());
      writeFileSync(path, nodeCrypto().randomBytes(32), { mode: 0o600, flag: 'w' });
      secret = readFileSync(path);
    } catch {
      secret = null;
    }
  }
  return secret;
}

function sign(key: string, files: CacheFile['files'], secretKey: Buffer): string {
  return nodeCrypto()
    .createHmac('sha256', secretKey)
    .update(key)
    .update('\0')
    .update(JSON.stringify(files))
    .digest('hex');
}

/** A hash of a file's content. */
export function contentHash(bytes: Uint8Array | string): string {
  return nodeCrypto().createHash('sha1').update(bytes).digest('hex');
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
  static open(location: string, key: string): ResultCache {
    let previous: CacheFile = { key: '', files: {} };
    try {
      const parsed = JSON.parse(readRegularText(location)) as CacheFile;
      const mac = cacheSecret();
      const valid = parsed && typeof parsed.key === 'string' && parsed.files && typeof parsed.files === 'object';
      if (valid && mac && parsed.signature === sign(parsed.key, parsed.files, mac)) previous = parsed;
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
    const mac = cacheSecret();
    if (!mac) throw Object.assign(new Error(`no secret to sign it with in ${secretFolder()}`), { code: 'ENOSECRET' });
    makeFolder(dirname(this.location));
    await writeFileAtomic(
      this.location,
      JSON.stringify({
        key: this.data.key,
        files: this.data.files,
        signature: sign(this.data.key, this.data.files, mac),
      }),
    );
  }
}
