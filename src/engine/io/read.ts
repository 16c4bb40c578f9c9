/**
 * Reading files that come with a project (statements, templates, the config, the cache, the
 * manifest): only regular files are read, since a link to a device such as /dev/zero never ends and a
 * pipe may never answer, and never past a bound on their size.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ConfigError } from './errors.js';

/** The largest project file other than a statement that is read (font files, the cache, the manifest). */
export const MAX_PROJECT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The largest YAML file of a project that is read (the config, a template, a language): a config is a
 * few KB, and the YAML parser's check for duplicate keys takes time with the square of their number.
 */
export const MAX_YAML_FILE_BYTES = 256 * 1024;

/** Why a file was not read: `EISDIR` (a folder), `ENOTFILE` (a pipe, socket or device), `EFBIG` (too large). */
export class ReadRefusal extends Error {
  constructor(
    readonly code: 'EISDIR' | 'ENOTFILE' | 'EFBIG',
    readonly size: number,
    path: string,
    maxBytes = MAX_PROJECT_FILE_BYTES,
  ) {
    super(
      code === 'EISDIR'
        ? `Expected a file, found a folder at \`${path}\``
        : code === 'ENOTFILE'
          ? `Expected a file, found something else (a pipe, socket or device) at \`${path}\``
          : `Expected a file of at most ${Math.round(maxBytes / 1024).toLocaleString('en')} KB, found \`${path}\` of ${Math.ceil(size / 1024).toLocaleString('en')} KB`,
    );
  }
}

/**
 * The bytes of the regular file at `path` (links followed), of at most `maxBytes` (`bounded` is asked
 * first with the size, and may refuse by throwing). Throws `ReadRefusal` or the system's error.
 */
export function readRegularFile(
  path: string,
  maxBytes = MAX_PROJECT_FILE_BYTES,
  bounded?: (size: number) => void,
): Buffer {
  // Opened without blocking, so that a pipe with no writer cannot hold the run.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ReadRefusal('EISDIR', 0, path);
    if (!stat.isFile()) throw new ReadRefusal('ENOTFILE', 0, path);
    bounded?.(stat.size);
    if (stat.size > maxBytes) throw new ReadRefusal('EFBIG', stat.size, path, maxBytes);
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return read === bytes.length ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The text (UTF-8) of the regular file at `path`; throws as `readRegularFile`. */
export function readRegularText(path: string, maxBytes = MAX_PROJECT_FILE_BYTES): string {
  return readRegularFile(path, maxBytes).toString('utf8');
}

/**
 * Reads a file that configures the project (the config, a template) as text: one that cannot be read is
 * a `ConfigError` at its first line, `what` naming it ("config file", "template").
 */
export function readProjectText(path: string, what: string, maxBytes = MAX_PROJECT_FILE_BYTES): string {
  try {
    return readRegularText(path, maxBytes);
  } catch (error) {
    throw new ConfigError(
      path,
      1,
      1,
      error instanceof ReadRefusal
        ? error.message
        : `Expected a readable ${what}, found an error: ${(error as Error).message}`,
    );
  }
}
