/** Counting written words: runs of letters or digits, with inner hyphens, apostrophes and separators. */

const WORD = /[\p{L}\p{N}]+(?:[-'’.,/][\p{L}\p{N}]+)*/gu;

/** The number of written words in `text` ("1,250,000" and "co-operation" count once). */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count += 1;
  return count;
}
