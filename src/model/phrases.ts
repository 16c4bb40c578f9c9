/** Phrase lists of a language (salutations, closings) and the normalization they are compared under. */
import type { Officer } from './forum.js';

/** Who an address names: a chair, a president, or either. */
export type AddressTarget = Officer | 'any';

/** The phrase lists of one language, as read from src/data/phrases/<language>.yaml, normalized. */
export interface Phrases {
  language: string;
  preambles: string[];
  conjunctions: string[];
  addresses: { phrase: string; target: AddressTarget }[];
  closings: string[];
  abbreviations: string[];
}

/**
 * Makes text comparable with a phrase: accents, case and punctuation ignored, spaces collapsed
 * (`Señora Presidenta,` → `senora presidenta`).
 */
export function normalizePhrase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when `text` (normalized) is `phrase` or starts with it followed by a word boundary. */
export function startsWithPhrase(text: string, phrase: string): boolean {
  return text === phrase || text.startsWith(`${phrase} `);
}
