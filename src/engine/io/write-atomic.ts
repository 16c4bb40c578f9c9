/**
 * Atomic writes: a file is written beside its destination under a temporary name, then renamed over
 * it, so a reader never sees half a file and an interrupted run leaves the old one. Renaming replaces
 * a symlink at the destination instead of writing through it (which write-file-atomic would do).
 * The calls are synchronous: handouts are small, and a build spent a fifth of its time waiting on
 * promise round trips for them.
 */
import { linkSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nodeCrypto } from './builtins.js';

/** The temporary files these writes leave when a run is killed: `.name.PID.xxxxxxxx.tmp`. */
export const TEMPORARY_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Refuses a destination that exists and is neither a regular file nor a symlink (which the rename
 * replaces, never writing through it): renaming over a device, a pipe or a socket would replace it,
 * and run as root `--cache-location /dev/null` destroyed /dev/null.
 */
function assertReplaceable(path: string): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isFile() || stat.isSymbolicLink()) return;
  const what = stat.isDirectory() ? 'a folder' : 'a device, pipe or socket';
  throw Object.assign(new Error(`Expected a regular file at \`${path}\`, found ${what}: it is not replaced`), {
    code: stat.isDirectory() ? 'EISDIR' : 'ENOTFILE',
  });
}

/** A new temporary file's name beside `path` (see TEMPORARY_NAME). */
function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `data` to `path` atomically (temporary file, then rename); refuses to replace anything but a file or a symlink. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  assertReplaceable(path);
  const temporary = temporaryBeside(path);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates `path` with `data` atomically, never replacing a file: the data is written under a temporary
 * name, then linked to `path`, which fails with `EEXIST` if a file is there.
 */
export function createFileAtomicSync(path: string, data: string | Uint8Array): void {
  const temporary = temporaryBeside(path);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Writes `data` to `path` atomically; the promise form, for callers in async code. */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  try {
    writeFileAtomicSync(path, data);
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
