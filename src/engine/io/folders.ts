/**
 * Making a folder and the folders above it. Node's own `mkdirSync(path, { recursive: true })` never
 * returns for a path under a file system that refuses new folders, such as /proc (it retries the
 * parent that exists and the child it cannot make, for ever): here each missing folder is made once,
 * from the top, and the first refusal is an error naming it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Makes `path` and any missing folders above it; throws the system's error on the first it cannot make. */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let current = resolve(path); !existsSync(current); current = dirname(current)) {
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by another run: fine.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
