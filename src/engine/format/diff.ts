/**
 * The `diff` report of `check`: what `--fix` changes (or would change, with `--fix-dry-run`), as a
 * unified diff of each file fixed (`git apply` and `patch -p1` read it; paths relative to the folder
 * the command runs in). Files no fix changes are left out; an empty report means nothing to fix.
 */
import { relativePath } from './paths.js';
import type { MessagesInput } from './view.js';

/** Lines of context around each change. */
const CONTEXT = 3;

/** The hunks of a unified diff between two texts of as many lines (fixes change lines, never their number). */
function hunks(before: string[], after: string[]): string[] {
  const out: string[] = [];
  const changed = before.map((line, index) => line !== after[index]);
  let index = 0;
  while (index < before.length) {
    if (!changed[index]) {
      index += 1;
      continue;
    }
    const start = Math.max(0, index - CONTEXT);
    let end = index;
    // A hunk runs on while the next change is within twice the context.
    for (let next = index; next < before.length; next += 1) if (changed[next] && next - end <= CONTEXT * 2) end = next;
    const stop = Math.min(before.length, end + CONTEXT + 1);
    const lines: string[] = [];
    for (let line = start; line < stop; line += 1)
      if (changed[line]) lines.push(`-${before[line]}`, `+${after[line]}`);
      else lines.push(` ${before[line]}`);
    const length = stop - start;
    out.push(`@@ -${start + 1},${length} +${start + 1},${length} @@`, ...lines);
    index = stop;
  }
  return out;
}

/** The lines of a text (a last newline ends the last line, it does not begin another). */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Formats what the fixes change as a unified diff. */
export function diff({ results, cwd }: MessagesInput): string {
  const parts: string[] = [];
  for (const result of results) {
    if (result.output === undefined || result.source === undefined) continue;
    const path = relativePath(result.path, cwd);
    const before = linesOf(result.source);
    const after = linesOf(result.output.replace(/^\uFEFF/, ''));
    const body =
      before.length === after.length
        ? hunks(before, after)
        : [
            `@@ -1,${before.length} +1,${after.length} @@`,
            ...before.map((line) => `-${line}`),
            ...after.map((line) => `+${line}`),
          ];
    parts.push(`--- a/${path}`, `+++ b/${path}`, ...body);
  }
  return parts.length === 0 ? '' : `${parts.join('\n')}\n`;
}
