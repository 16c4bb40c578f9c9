/** Phrase lists of a language (salutations, closings) and the normalization they are compared under. */
import type { Officer } from './forum.js';

/** Who an address names: a chair, a president, or either. */
export type AddressTarget = Officer | 'any';

/** The phrase lists of one language, as its record gives them (src/data/languages/<tag>.yaml), normalized. */
export interface Phrases {
  language: string;
  preambles: string[];
  conjunctions: string[];
  /** The presiding officer's titles, longest first. */
  addresses: { phrase: string; target: AddressTarget }[];
  /** Courtesy words before a title ("distinguished", "尊敬的") and after it ("المحترم"). */
  courtesyBefore: string[];
  courtesyAfter: string[];
  /** Greetings to the room ("excellencies", "distinguished delegates"). */
  greetings: string[];
  /** Thanks for the floor that may follow the title ("for giving me the floor"). */
  floor: string[];
  closings: string[];
  /** Words a speaker introduces themselves with ("i am", "my name is"), normalized. */
  introductions: string[];
  abbreviations: string[];
  /** Words that are placeholders in this language, with their exact case. */
  placeholders: string[];
  /** Editorial marks in square brackets that are not placeholders, lower case (`sic`). */
  editorial: ReadonlySet<string>;
  /** Stage directions (`pause`, `slow`), lower case, with the pause each adds in seconds (0 for none). */
  stageDirections: ReadonlyMap<string, number>;
}

/**
 * Makes text comparable with a phrase: accents, case and punctuation ignored, spaces collapsed
 * (`Señora Presidenta,` → `senora presidenta`).
 */
export function normalizePhrase(text: string): string {
  const normalized = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // Chinese next to Latin letters or figures: a space between, so each reads as a word of its own.
  return UNSPACED.test(normalized)
    ? normalized.replace(/(\p{Script=Han})(?=[^\p{Script=Han}\s])|([^\p{Script=Han}\s])(?=\p{Script=Han})/gu, '$1$2 ')
    : normalized;
}

const BRACKETED = /\[([^[\]\n]{1,40})\]/g;

/** Text without its stage directions (`[pause]`), which are not said. */
export function withoutStageDirections(text: string, phrases: Phrases): string {
  return text.replace(BRACKETED, (whole, inner: string) =>
    phrases.stageDirections.has(inner.trim().toLowerCase()) ? ' ' : whole,
  );
}

/**
 * Scripts written without spaces between words (Chinese, Japanese kana): a phrase may end without a
 * space after it, and text is counted and timed in characters. Hangul is not among them: Korean
 * writes spaces between its words.
 */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** `UNSPACED`, to find every such character. */
export const UNSPACED_ALL = new RegExp(UNSPACED.source, 'gu');

/** True when `text` (normalized) is `phrase` or starts with it followed by a word boundary (none needed in Chinese). */
export function startsWithPhrase(text: string, phrase: string): boolean {
  return (
    text === phrase || text.startsWith(`${phrase} `) || (UNSPACED.test(phrase.at(-1) ?? '') && text.startsWith(phrase))
  );
}
