/**
 * Saving a statement edited in the preview: only a Markdown file inside the project that is a plain
 * file (not a link, a device or a pipe), only when it is still what the editor opened (its hash), and
 * atomically, so that a reader never sees half of it.
 */
import { fileSizeProblem } from '../load/markdown-limits.js';
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { contentHash } from '../check/cache.js';
import { isInside, isMarkdownPath } from '../io/paths.js';
import { readRegularFile } from '../io/read.js';
import { writeFileAtomicSync } from '../io/write-atomic.js';

/** What a save did: written, or refused because the file changed on disk since it was opened. */
export type SaveOutcome =
  { saved: true; hash: string } | { saved: false; reason: 'changed' | 'refused'; detail: string; hash: string | null };

/** Whether the file's real place (its folder's links resolved) is inside the project's. */
function inside(path: string, projectDir: string): boolean {
  return isInside(realpathSync(projectDir), join(realpathSync(dirname(path)), basename(path)));
}

/** Writes `text` over the statement at `path` if its bytes still hash to `expectedHash`. */
export function saveStatementText(path: string, projectDir: string, text: string, expectedHash: string): SaveOutcome {
  const refuse = (detail: string): SaveOutcome => ({ saved: false, reason: 'refused', detail, hash: null });
  if (!isMarkdownPath(path)) return refuse('Expected a Markdown file (`.md`)');
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return refuse('Expected the statement on disk, found none');
  }
  if (!stat.isFile()) return refuse('Expected a plain file, found a link, a folder or a device: it is not written');
  if (!inside(path, projectDir)) return refuse('Expected a statement inside the project');
  const current = contentHash(readRegularFile(path));
  if (current !== expectedHash)
    return { saved: false, reason: 'changed', detail: 'The file changed on disk since it was opened', hash: current };
  const bytes = new TextEncoder().encode(text);
  // What is saved must be a statement the tool can read back: never past the bound on a statement's size.
  const tooLarge = fileSizeProblem(bytes.length);
  if (tooLarge) return refuse(`${tooLarge.reason}: it is not written`);
  writeFileAtomicSync(path, bytes);
  return { saved: true, hash: contentHash(bytes) };
}
