/**
 * The Unicode bidirectional algorithm as a PDF line needs it (bidi-js): embedding levels, mirrored
 * characters, the signs that stand apart in a right-to-left run, and runs put in display order.
 */
import bidiModule, { type Bidi } from 'bidi-js';
import type { RunStyle } from './font-choice.js';

// bidi-js is a UMD module whose CommonJS export is the factory itself, whatever its typings say.
const bidi = (bidiModule as unknown as () => Bidi)();

/** A run of one style and bidirectional level, its text as drawn (brackets mirrored). */
export interface Run {
  text: string;
  style: RunStyle;
  level: number;
  width: number;
}

/** Bidirectional types of separators and numbers, which poppler reads as part of a number. */
export const SEPARATOR_TYPES = new Set(['CS', 'ES', 'ET', 'EN', 'AN']);
/** Bidirectional types of right-to-left letters. */
export const STRONG_RIGHT_TO_LEFT = new Set(['R', 'AL']);

/** The bidirectional type of a character (`L`, `R`, `AL`, `EN`…). */
export function bidiType(character: string): string {
  return bidi.getBidiCharTypeName(character);
}

/** The embedding level of each code unit of `text` in a paragraph of `direction`. */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl'): Uint8Array {
  return bidi.getEmbeddingLevels(text, direction).levels;
}

/** The mirrored form of a character in right-to-left text (`(` → `)`), or the character itself. */
export function mirror(character: string): string {
  return bidi.getMirroredCharacter(character) ?? character;
}

/** Characters with a mirrored form: brackets, quotation marks, comparison signs. */
export const MIRRORED = new Set([
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '«',
  '»',
  '‹',
  '›',
  '⁅',
  '⁆',
  '⁽',
  '⁾',
  '₍',
  '₎',
  '≤',
  '≥',
  '〈',
  '〉',
  '《',
  '》',
  '「',
  '」',
  '『',
  '』',
  '【',
  '】',
  '〔',
  '〕',
  '〖',
  '〗',
  '〘',
  '〙',
  '〚',
  '〛',
  '﴾',
  '﴿',
]);

/** `text` in pieces, each mirrored character and each separator a piece of its own, in reading order. */
export function splitPieces(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const character of text) {
    if ((MIRRORED.has(character) && mirror(character) !== character) || SEPARATOR_TYPES.has(bidiType(character))) {
      if (current !== '') pieces.push(current);
      pieces.push(character);
      current = '';
    } else current += character;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * The sign a right-to-left run begins with when it is a piece of its own (see `splitPieces`): a
 * bracket, a separator, or a run of that one sign alone.
 */
export function firstSign(run: Run): string | undefined {
  if (run.level % 2 === 0) return undefined;
  const first = splitPieces(run.text)[0];
  return first !== undefined && [...first].length === 1 && !/[\p{L}\p{N}\p{M}\s]/u.test(first) ? first : undefined;
}

/** The order runs are shown in, left to right: from the highest level down to the lowest odd one, each stretch at or above it reversed. */
export function displayOrder(runs: readonly Run[]): number[] {
  const order = runs.map((_, index) => index);
  const highest = Math.max(0, ...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => (run.level % 2 === 1 ? run.level : Infinity)), highest + 1);
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let index = 0; index < order.length;) {
      if (runs[order[index]!]!.level < level) {
        index += 1;
        continue;
      }
      let stop = index;
      while (stop < order.length && runs[order[stop]!]!.level >= level) stop += 1;
      order.splice(index, stop - index, ...order.slice(index, stop).reverse());
      index = stop;
    }
  }
  return order;
}
