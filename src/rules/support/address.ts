/**
 * Finding the address to the presiding officer in an opening. An address is a vocative, modelled as a
 * clause of the first sentence (clauses end at commas, colons, semicolons, brackets and dashes, in
 * Latin, Arabic and Chinese writing) that reads, from its start to its end:
 *
 *   [preamble] item (conjunction item)* [thanks for the floor]
 *   item = courtesy-before* (title | greeting) courtesy-after*
 *
 * "Thank you" is a preamble; "Madam Chair", "السيد الرئيس", "主席" are titles; "distinguished",
 * "المحترم", "尊敬的" courtesy words; "distinguished delegates" a greeting to the room; "for giving me the
 * floor" thanks for the floor. A clause whose items are all greetings greets the room but addresses no
 * officer. Anything else in the clause (the title as the subject of a sentence: "主席先生和秘书处都没有
 * 回应", "السيد الرئيس وصف التقرير") makes it no address. Every list is per language, in its record.
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
  /** Who it names: the officer (`chair`, `president`, `any`), or only the room. */
  target: AddressTarget | 'room';
  /** The clause as written ("Madam Chair"). */
  written: string;
}

/** What ends a clause: commas, semicolons, colons, brackets, dashes and exclamation marks, in Latin, Arabic and Chinese writing. */
const CLAUSE = /[,;:()—–،؛，、；：（）！!]|\s-\s/;

/** `text` after the longest of `phrases` it starts with (as a whole word, or joined in Chinese), or undefined. */
function after(text: string, phrases: readonly string[]): string | undefined {
  const found = phrases.find((phrase) => phrase !== '' && startsWithPhrase(text, phrase));
  return found === undefined ? undefined : text.slice(found.length).trim();
}

/** `text` after a conjunction: a word of its own ("and"), or written joined to the next word (Arabic و, Chinese 和). */
function afterConjunction(text: string, conjunctions: readonly string[]): string | undefined {
  for (const conjunction of conjunctions) {
    if (text.startsWith(`${conjunction} `)) return text.slice(conjunction.length + 1).trim();
    const joined = conjunction.length === 1 || UNSPACED.test(conjunction);
    if (joined && text.startsWith(conjunction) && text.length > conjunction.length)
      return text.slice(conjunction.length).trim();
  }
  return undefined;
}

/** One item of a vocative at the start of `text`: what it names and the rest, or undefined. */
function item(text: string, phrases: Phrases): { target: AddressTarget | 'room'; rest: string } | undefined {
  let rest = text;
  for (
    let courtesy = after(rest, phrases.courtesyBefore);
    courtesy !== undefined && courtesy !== '';
    courtesy = after(rest, phrases.courtesyBefore)
  ) {
    // A courtesy word that is also the start of a title ("distinguished co-chairs") is tried as both.
    const title = phrases.addresses.find((address) => startsWithPhrase(rest, address.phrase));
    if (title && title.phrase.length > rest.length - courtesy.length) break;
    rest = courtesy;
  }
  let target: AddressTarget | 'room' | undefined;
  const title = phrases.addresses.find((address) => startsWithPhrase(rest, address.phrase));
  const greeting = phrases.greetings.find((phrase) => startsWithPhrase(rest, phrase));
  // The longer match wins: "ladies and gentlemen" is one greeting, "chair" in "chairs" is not the title.
  if (title && (!greeting || title.phrase.length >= greeting.length)) {
    target = title.target;
    rest = rest.slice(title.phrase.length).trim();
  } else if (greeting) {
    target = 'room';
    rest = rest.slice(greeting.length).trim();
  } else return undefined;
  for (
    let courtesy = after(rest, phrases.courtesyAfter);
    courtesy !== undefined;
    courtesy = after(rest, phrases.courtesyAfter)
  ) {
    rest = courtesy;
    if (rest === '') break;
  }
  return { target, rest };
}

/** What a clause (normalized) addresses, if it is a vocative from its start to its end. */
function vocative(clause: string, phrases: Phrases): AddressTarget | 'room' | undefined {
  let rest = after(clause, phrases.preambles) ?? clause;
  if (rest === '') return undefined;
  const first = item(rest, phrases);
  if (!first) return undefined;
  let target = first.target;
  rest = first.rest;
  for (
    let joined = afterConjunction(rest, phrases.conjunctions);
    joined !== undefined;
    joined = afterConjunction(rest, phrases.conjunctions)
  ) {
    const next = item(joined, phrases);
    if (!next) break;
    if (target === 'room') target = next.target;
    rest = next.rest;
  }
  const floor = after(rest, phrases.floor);
  if (floor !== undefined) rest = floor;
  return rest === '' ? target : undefined;
}

/**
 * The address in the first sentence of `text`: to the presiding officer if a clause names them, else
 * to the room if a clause only greets it; undefined when no clause is a vocative.
 */
export function findAddress(text: string, phrases: Phrases): Address | undefined {
  const first = splitSentences(withoutStageDirections(text, phrases), phrases.abbreviations)[0]?.text ?? '';
  let room: Address | undefined;
  let introduced = false;
  for (const clause of first.split(CLAUSE)) {
    const normalized = normalizePhrase(clause);
    // A title right after the speaker's own name ("I am Maria Lopez, Chair") is theirs, not an address.
    const afterIntroduction = introduced;
    introduced = introducesSpeaker(clause, normalized, phrases);
    const target = vocative(normalized, phrases);
    if (target === undefined || afterIntroduction) continue;
    const written = clause.trim().replace(/[.!?…。！？]+$/, '');
    if (target !== 'room') return { target, written };
    room ??= { target, written };
  }
  return room;
}

/**
 * Whether a clause introduces the speaker by name: an introduction ("I am", "my name is") followed by
 * a name, which in a script with capitals starts with one ("I am Maria Lopez", not "I am grateful").
 */
function introducesSpeaker(clause: string, normalized: string, phrases: Phrases): boolean {
  const found = phrases.introductions.find((phrase) => startsWithPhrase(normalized, phrase));
  if (found === undefined) return false;
  // The words of the clause after the introduction's (a script without spaces: the rest of the clause).
  const name = clause
    .trim()
    .split(/\s+/)
    .slice(found.split(' ').length)
    .join(' ')
    .replace(/^[^\p{L}]+/u, '');
  const initial = name[0] ?? '';
  return initial.toLowerCase() === initial.toUpperCase() || initial === initial.toUpperCase();
}

/** The last sentence of `text` as said (stage directions removed). */
export function lastSentence(text: string, phrases: Phrases): string {
  return splitSentences(withoutStageDirections(text, phrases), phrases.abbreviations).at(-1)?.text ?? '';
}

/**
 * True when the last sentence of `text` starts with a closing formula ("Thank you", "Muchas gracias"),
 * or its last clause does ("我的发言完了，谢谢。", "In closing, thank you.").
 */
export function endsWithClosing(text: string, phrases: Phrases): boolean {
  const sentence = lastSentence(text, phrases);
  const lastClause =
    sentence
      .split(CLAUSE)
      .filter((clause) => normalizePhrase(clause) !== '')
      .at(-1) ?? '';
  return [sentence, lastClause].some((candidate) => {
    const normalized = normalizePhrase(candidate);
    return phrases.closings.some((phrase) => startsWithPhrase(normalized, phrase));
  });
}
