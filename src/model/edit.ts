/**
 * A repair as data, as ESLint and markdownlint carry it: an edit of the file's text (a range of
 * offsets into the text, BOM removed, and what replaces it). A rule gives a `fix` where the repair is
 * certain (`check --fix` applies it) and `suggestions` where a person must choose (never applied by
 * `--fix`; offered by the editor).
 */

/** Text that replaces the range `[start, end)` of the file's text (offsets in UTF-16 code units). */
export interface Edit {
  range: [number, number];
  text: string;
}

/** A repair a person may choose, with what it does in a few words. */
export interface Suggestion {
  description: string;
  edit: Edit;
}

/** What a finding carries besides its reason: its certain fix, or the repairs to choose from. */
export interface Repair {
  fix?: Edit;
  suggestions?: Suggestion[];
}

/**
 * `text` with `edits` applied, from the end backwards; an edit that overlaps one already applied is
 * left for a later pass (as ESLint's fixer does). Returns the text and how many edits were applied.
 */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  // Pieces from the end backwards, joined once: linear in the text and the edits.
  const pieces: string[] = [];
  let applied = 0;
  let limit = text.length;
  for (const edit of sorted) {
    const [start, end] = edit.range;
    if (start < 0 || end < start || end > text.length) continue;
    // Overlapping the edit applied after it (nearer the end), or touching it at an insertion: left for the next pass.
    if (end > limit || (end === limit && start === end && applied > 0)) continue;
    pieces.push(text.slice(end, limit), edit.text);
    limit = start;
    applied += 1;
  }
  pieces.push(text.slice(0, limit));
  return { text: pieces.reverse().join(''), applied };
}
