/**
 * Finding the address to the presiding officer in an opening ("Thank you, Chair", "Madam President,
 * Excellencies"): a clause of the first sentence that is an address, after any preamble ("Thank
 * you"), and is followed by nothing or by a conjunction ("Madam Chair and distinguished delegates").
 */
import {
  normalizePhrase,
  startsWithPhrase,
  UNSPACED,
  withoutStageDirections,
  type AddressTarget,
  type Phrases,
} from '../../model/phrases.js';
import { splitSentences } from '../../model/sentences.js';

/** An address found in an opening. */
export interface Address {
  /** Who it names. */
  target: AddressTarget;
  /** The clause as written ("Madam Chair"). */
  written: string;
}

/** What ends a clause: commas, semicolons, colons, brackets and dashes, in Latin, Arabic and Chinese writing. */
const CLAUSE = /[,;:()—–،؛，、；：（）！!]|\s-\s/;

/** The address to the presiding officer in the first sentence of `text`, if there is one. */
export function findAddress(text: string, phrases: Phrases): Address | undefined {
  const first = splitSentences(withoutStageDirections(text, phrases), phrases.abbreviations)[0]?.text ?? '';
  for (const clause of first.split(CLAUSE)) {
    let normalized = normalizePhrase(clause);
    const preamble = phrases.preambles.find((phrase) => startsWithPhrase(normalized, phrase));
    if (preamble) normalized = normalized.slice(preamble.length).trim();
    if (normalized === '') continue;
    for (const address of phrases.addresses) {
      if (!startsWithPhrase(normalized, address.phrase)) continue;
      const rest = normalized.slice(address.phrase.length).trim();
      if (rest === '' || continuesWithConjunction(rest, phrases.conjunctions)) {
        return { target: address.target, written: clause.trim().replace(/[.!?…]+$/, '') };
      }
    }
  }
  return undefined;
}

/**
 * True when what follows an address starts with a conjunction: a word of its own ("and"), or one
 * written joined to the next word (Arabic و) or without spaces (Chinese 和).
 */
function continuesWithConjunction(rest: string, conjunctions: readonly string[]): boolean {
  const firstWord = rest.split(' ')[0] ?? '';
  return conjunctions.some(
    (conjunction) =>
      firstWord === conjunction ||
      ((conjunction.length === 1 || UNSPACED.test(conjunction)) &&
        firstWord.startsWith(conjunction) &&
        firstWord.length > conjunction.length),
  );
}

/** The last sentence of `text` as said (stage directions removed). */
export function lastSentence(text: string, phrases: Phrases): string {
  return splitSentences(withoutStageDirections(text, phrases), phrases.abbreviations).at(-1)?.text ?? '';
}

/** True when the last sentence of `text` starts with a closing formula ("Thank you", "Muchas gracias"). */
export function endsWithClosing(text: string, phrases: Phrases): boolean {
  const last = normalizePhrase(lastSentence(text, phrases));
  return phrases.closings.some((phrase) => startsWithPhrase(last, phrase));
}
