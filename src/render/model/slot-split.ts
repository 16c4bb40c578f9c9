/**
 * Where the end of the slot falls inside a paragraph of the speaker's copy: the paragraph's inline
 * content cut at the word (or, in Chinese, the character) reached when the slot runs out, in
 * proportion to the words said before it.
 */
import type { Inline } from './handout.js';

/** The share of a paragraph under which the slot's end is put before it, and over which after it. */
const EDGE = 0.1;

/** What text counts in: its words (each with the spaces after it), or its characters where the pace counts characters. */
function unitPattern(unit: 'words' | 'characters'): RegExp {
  return unit === 'characters' ? /\S/gu : /\S+\s*/gu;
}

/** The number of words (or characters) in `inlines`. */
function unitsIn(inlines: readonly Inline[], unit: 'words' | 'characters'): number {
  let count = 0;
  for (const inline of inlines) {
    if (inline.type !== 'text') continue;
    for (const _ of inline.text.matchAll(unitPattern(unit))) count += 1;
  }
  return count;
}

/**
 * `inlines` cut where `share` (0 to 1) of its words have been said: `before` whole when the cut falls
 * near its start (`[]`, the slot ends before the paragraph) or near its end (`after` is `[]`).
 */
export function splitAtShare(
  inlines: readonly Inline[],
  share: number,
  unit: 'words' | 'characters',
): { before: Inline[]; after: Inline[] } {
  if (share <= EDGE) return { before: [], after: [...inlines] };
  if (share >= 1 - EDGE) return { before: [...inlines], after: [] };
  const total = unitsIn(inlines, unit);
  let left = Math.round(total * share);
  if (left <= 0 || left >= total)
    return share < 0.5 ? { before: [], after: [...inlines] } : { before: [...inlines], after: [] };
  for (let index = 0; index < inlines.length; index += 1) {
    const inline = inlines[index]!;
    if (inline.type !== 'text') continue;
    for (const found of inline.text.matchAll(unitPattern(unit))) {
      left -= 1;
      if (left > 0) continue;
      const end = found.index + found[0].length;
      const head = inline.text.slice(0, end).trimEnd();
      const tail = inline.text.slice(end).trimStart();
      const before = [...inlines.slice(0, index), ...(head ? [{ ...inline, text: head }] : [])];
      const after = [...(tail ? [{ ...inline, text: tail }] : []), ...inlines.slice(index + 1)];
      return { before, after };
    }
  }
  return { before: [...inlines], after: [] };
}
