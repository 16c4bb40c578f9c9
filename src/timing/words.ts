/**
 * Counting written words: runs of letters or digits (their combining marks too: Arabic vowel signs do
 * not split a word), with inner hyphens, apostrophes and separators;
 * in Chinese and Japanese, which have no spaces, each character.
 */
import { UNSPACED_ALL as UNSPACED } from '../model/phrases.js';

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.,/][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const HAS_UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f]/;

/** The number of written words in `text` ("1,250,000" and "co-operation" count once, 中文 twice). */
export function countWords(text: string): number {
  let characters = 0;
  // A quick look for kana and CJK ideographs first: most text has none.
  const spaced = HAS_UNSPACED.test(text)
    ? text.replace(UNSPACED, () => {
        characters += 1;
        return ' ';
      })
    : text;
  let count = characters;
  for (const _word of spaced.matchAll(WORD)) count += 1;
  return count;
}
