/**
 * Where handouts go, and writing them safely: the source tree is mirrored under the output folder,
 * nothing is written outside it, a symlink on the way is replaced rather than followed, and each file
 * is written to a temporary file and renamed, so an interrupted build leaves no half-written handout.
 */
import { lstatSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { makeFolder } from '../io/folders.js';
import { writeFileAtomic } from '../io/write-atomic.js';

/** The path of a statement's handouts under the output folder, without extension (`ahc-5/statement`). */
export function outputStem(statementPath: string, projectDir: string): string {
  const statementsRoot = join(projectDir, 'statements');
  const base = statementPath.startsWith(statementsRoot + sep) ? statementsRoot : projectDir;
  let rel = relative(base, statementPath);
  if (rel.startsWith('..') || rel === '' || resolve(base, rel) !== statementPath) rel = basename(statementPath);
  return rel
    .replace(/\.(md|markdown)$/i, '')
    .split(sep)
    .join('/');
}

/** Makes the folders from `root` down to `folder`, replacing a symlink or file in the way. */
function makeFolders(root: string, folder: string): void {
  makeFolder(root);
  let current = root;
  for (const part of relative(root, folder).split(sep).filter(Boolean)) {
    current = join(current, part);
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      stat = undefined;
    }
    if (stat && !stat.isDirectory()) rmSync(current, { force: true });
    if (!stat || !stat.isDirectory()) mkdirSync(current);
  }
}

/** True when `path` is a regular file (not a symlink) holding exactly `data`. */
function holds(path: string, data: Uint8Array | string): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    const stat = lstatSync(path);
    return stat.isFile() && stat.size === bytes.length && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * Writes `data` at `rel` under `outDir` atomically; refuses a path that would leave `outDir`. A file
 * that already holds exactly `data` is left as it is (its date too, so that sync clients and tools
 * watching `dist/` see no change), even when the build cache is ignored.
 */
export async function writeOutput(outDir: string, rel: string, data: Uint8Array | string): Promise<void> {
  const target = resolve(outDir, rel);
  if (!target.startsWith(outDir + sep)) throw new Error(`Expected a path inside \`${outDir}\`, found \`${rel}\``);
  makeFolders(outDir, dirname(target));
  if (holds(target, data)) return;
  await writeFileAtomic(target, data);
}
