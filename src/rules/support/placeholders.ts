/**
 * What a placeholder is, as the `placeholder` rule finds them in a piece of text: text in square
 * brackets that is not a stage direction, an editorial mark or something the project allows (and,
 * inside a quotation, not an editorial insertion); text in braces (`{{year}}`) or angle brackets
 * (`<name>`); a run of X or # standing for a figure (`XX%`, `###`, `xx,xxx`); the words of every
 * language and of the statement's; and elisions outside a quotation. The lists are data
 * (src/data/placeholders.yaml, each language's record, the project's config).
 */
import { loadData } from '../../data/load.js';
import { UNSPACED } from '../../model/phrases.js';
import type { Settings } from '../../model/statement.js';

interface PlaceholderData {
  words: string[];
  phrases: string[];
  figures: string[];
  brackets: { exact: string[]; starting: string[]; ending: string[] };
  allowed: string[];
  elisions: string[];
  htmlTags: string[];
}

/** The data, compiled once. */
interface Patterns {
  data: PlaceholderData;
  phrases: RegExp;
  figures: RegExp;
  exact: Set<string>;
  allowed: RegExp;
  elisions: Set<string>;
  htmlTags: Set<string>;
}

let patterns: Patterns | undefined;

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}_])';

function loadPatterns(): Patterns {
  if (patterns) return patterns;
  const data = loadData<PlaceholderData>('placeholders.yaml');
  patterns = {
    data,
    phrases: new RegExp(`${NOT_WORD_BEFORE}(?:${data.phrases.map(escapeRegExp).join('|')})${NOT_WORD_AFTER}`, 'giu'),
    figures: new RegExp(`${NOT_WORD_BEFORE}(?:${data.figures.join('|')})${NOT_WORD_AFTER}`, 'gu'),
    exact: new Set(['', ...data.brackets.exact.map((item) => item.toLowerCase())]),
    allowed: new RegExp(`^(?:${data.allowed.join('|')})$`, 'u'),
    elisions: new Set(data.elisions),
    htmlTags: new Set(data.htmlTags),
  };
  return patterns;
}

/** The words of every language and of the statement's, as one pattern (whole words, exact case). */
const wordPatterns = new Map<string, RegExp>();
function wordsPattern(settings: Settings): RegExp {
  const { placeholders, language } = settings.phrases;
  let pattern = wordPatterns.get(language);
  if (!pattern) {
    const words = [...loadPatterns().data.words, ...placeholders];
    const spaced = words.filter((word) => !UNSPACED.test(word)).map(escapeRegExp);
    // Words of scripts without spaces (Chinese) are matched anywhere.
    const unspaced = words.filter((word) => UNSPACED.test(word)).map(escapeRegExp);
    pattern = new RegExp(
      [...(spaced.length ? [`${NOT_WORD_BEFORE}(?:${spaced.join('|')})${NOT_WORD_AFTER}`] : []), ...unspaced].join('|'),
      'gu',
    );
    wordPatterns.set(language, pattern);
  }
  return pattern;
}

/** A placeholder found in a piece of text: where it starts, what it is, and whether it is an elision. */
export interface FoundPlaceholder {
  index: number;
  text: string;
  elision: boolean;
}

/** Brackets, braces and angle brackets around a short text on one line. */
const BRACKETS = /\[([^[\]\n]{0,200})\]/g;
const BRACES = /\{\{?[^{}\n]{1,200}\}?\}/g;
const ANGLES = /<([^<>\n]{1,200})>/g;

/** Whether bracketed `inner` text reads as a placeholder even inside a quotation ("[quote here]", "[insert name]"). */
function looksLikePlaceholder(lower: string): boolean {
  const { data, exact } = loadPatterns();
  if (exact.has(lower)) return true;
  if (data.brackets.ending.some((word) => lower === word || lower.endsWith(` ${word}`))) return true;
  return data.brackets.starting.some(
    (word) => lower === word || lower.startsWith(`${word} `) || (UNSPACED.test(word) && lower.startsWith(word)),
  );
}

/**
 * The placeholders of `text`. `quotedAt(index)` tells whether a place lies in a quotation, where square
 * brackets are an editorial insertion unless they read as a placeholder, and an elision an omission.
 */
export function findPlaceholders(
  text: string,
  settings: Settings,
  quotedAt: (index: number) => boolean = () => false,
): FoundPlaceholder[] {
  const { phrases: phrasePattern, figures, allowed, elisions, htmlTags } = loadPatterns();
  const { stageDirections, editorial } = settings.phrases;
  const found: FoundPlaceholder[] = [];
  const add = (index: number, match: string, elision = false) => found.push({ index, text: match, elision });
  for (const pattern of [wordsPattern(settings), phrasePattern, figures, BRACES])
    for (const match of text.matchAll(pattern)) add(match.index, match[0]);
  for (const match of text.matchAll(ANGLES)) {
    const inner = match[1]!;
    // `<` in prose as a comparison (`a < b > c`) has spaces around it; a placeholder does not; nor is
    // HTML one (a comment, `<br>`, `</b>`).
    const tag = /^\/?([A-Za-z][A-Za-z0-9]*)(?:[\s/]|$)/.exec(inner)?.[1]?.toLowerCase();
    if (/^\s|\s$|^[!?]/.test(inner) || (tag !== undefined && htmlTags.has(tag))) continue;
    add(match.index, match[0]);
  }
  for (const match of text.matchAll(BRACKETS)) {
    const inner = match[1]!.trim().replace(/\s+/g, ' ');
    const lower = inner.toLowerCase();
    if (stageDirections.has(lower) || editorial.has(lower) || settings.allowedBrackets.includes(lower)) continue;
    if (allowed.test(inner)) continue;
    if (elisions.has(inner)) {
      add(match.index, match[0], true);
      continue;
    }
    if (quotedAt(match.index) && !looksLikePlaceholder(lower)) continue;
    add(match.index, match[0]);
  }
  // One report per place: a bracket holding a placeholder word is one placeholder.
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  let end = -1;
  return found.filter((entry) => {
    if (entry.index < end) return false;
    end = entry.index + entry.text.length;
    return true;
  });
}
