/**
 * One build at a time in an output folder, and no leftovers of a killed one: a lock file names the
 * build that holds the folder (a second build is refused with its process id, so the manifest always
 * describes the files on disk), and the temporary files a killed build left are removed.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../io/errors.js';
import { TEMPORARY_NAME } from '../io/write-atomic.js';

/** The lock's name in the output folder. */
export const LOCK_NAME = '.alliance-build.lock';

/** The most entries looked at for leftovers (an output folder holds a few per statement). */
const MAX_ENTRIES = 50_000;

/** True when a process of this id runs (as far as this user can tell). */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the output folder for this build; returns the release. Throws a `UsageError` while another build holds it. */
export function lockOutputFolder(outDir: string): () => void {
  const path = join(outDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`, {
        flag: 'wx',
      });
      return () => rmSync(path, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder that takes no file (read-only, full, not a folder): said once, before any work.
      if (code !== 'EEXIST')
        throw new UsageError(
          `Expected an output folder to write into at \`${outDir}\`, found it cannot be written (\`${code ?? (error as Error).message}\`)`,
        );
    }
    let holder: number | undefined;
    try {
      holder = (JSON.parse(readFileSync(path, 'utf8')) as { pid?: number }).pid;
    } catch {
      holder = undefined;
    }
    if (holder !== undefined && holder !== process.pid && running(holder)) {
      throw new UsageError(
        `Expected no other build writing into \`${outDir}\`, found one (process ${holder}, lock \`${path}\`): wait for it to end, or remove the lock if no build runs`,
      );
    }
    // A lock left by a build that was killed.
    rmSync(path, { force: true });
  }
  throw new UsageError(`Expected to take the lock \`${path}\`, found it taken again`);
}

/** Removes the temporary files that builds since killed left in the output folder (never a live build's). */
export function removeLeftovers(outDir: string): void {
  let seen = 0;
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if ((seen += 1) > MAX_ENTRIES) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        const pid = TEMPORARY_NAME.exec(entry.name)?.[1];
        if (pid !== undefined && !running(Number(pid))) rmSync(path, { force: true });
      }
    }
  };
  visit(outDir);
}
