/** Sentences of a paragraph: split at `.`, `!`, `?` and `…`, but not after an abbreviation or an initial. */

/** A sentence and where it starts in the paragraph's text. */
export interface Sentence {
  text: string;
  offset: number;
}

/** A sentence ends at `.`, `!`, `?`, `…` and the Arabic `؟` before a space, and at Chinese `。！？` anywhere. */
const BOUNDARY = /[.!?…؟]+["'”’»)\]]*(?=\s|$)|[。！？]+[”’」』）]*/g;

/** Splits text into sentences; `abbreviations` (`Mr.`, `e.g.`) do not end one, nor do initials (`J.`). */
export function splitSentences(text: string, abbreviations: readonly string[] = []): Sentence[] {
  const lowered = new Set(abbreviations.map((abbreviation) => abbreviation.toLowerCase()));
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[0] === '.') {
      // The word the full stop ends: an abbreviation or an initial does not end a sentence.
      const word = text.slice(Math.max(start, text.lastIndexOf(' ', match.index) + 1), end);
      if (lowered.has(word.toLowerCase()) || /^\p{Lu}\.$/u.test(word)) continue;
    }
    pushTrimmed(sentences, text, start, end);
    start = end;
  }
  pushTrimmed(sentences, text, start, text.length);
  return sentences;
}

function pushTrimmed(sentences: Sentence[], text: string, start: number, end: number): void {
  const slice = text.slice(start, end);
  const trimmed = slice.trim();
  if (trimmed !== '') sentences.push({ text: trimmed, offset: start + slice.indexOf(trimmed) });
}
