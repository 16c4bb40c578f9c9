/**
 * Inline content cut into pieces for a PDF line: runs of one font and style that no line breaks inside,
 * each with whether a line may break after it (the Unicode line breaking algorithm, which keeps
 * addresses, document symbols and hyphenated words whole), its width, and its script's font.
 */
import LineBreaker from 'linebreak';
import type { Point } from '../../model/statement.js';
import { scriptRuns } from '../fonts/scripts.js';
import type { ImageData, Inline, Marks } from '../model/handout.js';
import type { FontChoices, RunStyle } from './font-choice.js';

/** A run of text in one font and style that no line breaks inside. */
export interface Piece {
  text: string;
  style: RunStyle;
  width: number;
  place?: Point;
  /** Only spaces. */
  space: boolean;
  /** A line may break after it. */
  breakAfter: boolean;
  /** A line must break after it (a hard break). */
  hardBreak?: boolean;
  image?: ImageData;
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ADDRESS = /(?:https?:\/\/|www\.|mailto:)[^\s()]+[^\s().,;:!?]/g;
/** A UN document symbol (`A/CN.15/2024/5`, `CTOC/COP/WG.2/2024/2`): its parts are read as one. */
const DOCUMENT_SYMBOL = /\b[A-Z][A-Z0-9]*(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)+/g;

/**
 * A hyphen between letters (`e-mail`, `peut-être`). A word broken after it reads without it in
 * poppler, which takes a hyphen at the end of a line for one the line break made (`email`), and with a
 * space in pdf.js (`e- mail`).
 */
const WORD_HYPHEN = /(?<=\p{L})[-\u2010](?=\p{L})/gu;

/** Punctuation a space beside it never breaks a line at: before it (`;` in French), or after it (`«`). */
export interface Keep {
  keepBefore: string;
  keepAfter: string;
}

/** Removes the breaks at spaces before `keepBefore` and after `keepAfter` characters (` ;`, `« `). */
function keepPunctuation(full: string, breaks: Set<number>, keep: Keep): void {
  const escape = (characters: string) => characters.replace(/[\\\]^-]/g, '\\$&');
  if (keep.keepBefore) {
    for (const found of full.matchAll(new RegExp(` +(?=[${escape(keep.keepBefore)}])`, 'gu')))
      breaks.delete(found.index + found[0].length);
  }
  if (keep.keepAfter) {
    for (const found of full.matchAll(new RegExp(`(?<=[${escape(keep.keepAfter)}]) +`, 'gu')))
      breaks.delete(found.index + found[0].length);
  }
}

/** Splits inline content into pieces of one font, with where lines may break between them. */
export function cutPieces(
  fonts: FontChoices,
  inlines: readonly Inline[],
  base: RunStyle,
  styled: (base: RunStyle, marks: Marks) => RunStyle,
  muted: string,
  keep: Keep = { keepBefore: '', keepAfter: '' },
): Piece[] {
  // The atoms of the paragraph, then its text as one string, so line breaks are found across styles.
  const atoms: (
    | { kind: 'text'; text: string; style: RunStyle; place?: Point }
    | { kind: 'break' }
    | { kind: 'image'; image: ImageData; alt: string }
  )[] = [];
  for (let index = 0; index < inlines.length; index += 1) {
    const inline = inlines[index]!;
    if (inline.type === 'break') atoms.push({ kind: 'break' });
    else if (inline.type === 'image') atoms.push({ kind: 'image', image: inline.image, alt: inline.alt });
    else if (inline.type === 'note')
      atoms.push({
        kind: 'text',
        text: String(inline.number),
        style: { ...base, size: base.size * 0.65, rise: base.size * 0.35 },
      });
    else {
      atoms.push({
        kind: 'text',
        text: inline.text.replace(CONTROL, ''),
        style: styled(base, inline.marks),
        place: inline.place,
      });
      // A link's address follows its last run, unless the text is the address.
      const link = inline.marks.link;
      const next = inlines[index + 1];
      const continues = next?.type === 'text' && next.marks.link === link;
      if (link && !continues && !link.endsWith(inline.text.trim()) && !`mailto:${inline.text.trim()}`.endsWith(link)) {
        atoms.push({
          kind: 'text',
          text: ` (${link.replace(/^mailto:/, '')})`,
          style: { ...base, size: base.size * 0.85, colour: muted },
          place: inline.place,
        });
      }
    }
  }
  const full = atoms.map((atom) => (atom.kind === 'text' ? atom.text : '\u2029')).join('');
  const breaks = new Set<number>();
  const breaker = new LineBreaker(full);
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) breaks.add(found.position);
  // An address or a document symbol is kept whole on a line where it fits (the algorithm would break
  // it after each slash).
  for (const whole of [...full.matchAll(ADDRESS), ...full.matchAll(DOCUMENT_SYMBOL)]) {
    for (let position = whole.index + 1; position < whole.index + whole[0].length; position += 1)
      breaks.delete(position);
  }
  // Nor a word after its hyphen (see WORD_HYPHEN).
  for (const hyphen of full.matchAll(WORD_HYPHEN)) breaks.delete(hyphen.index + 1);
  keepPunctuation(full, breaks, keep);

  const pieces: Piece[] = [];
  let offset = 0;
  for (const atom of atoms) {
    if (atom.kind !== 'text') {
      offset += 1;
      if (atom.kind === 'break')
        pieces.push({ text: '', style: base, width: 0, space: false, breakAfter: true, hardBreak: true });
      else pieces.push({ text: atom.alt, style: base, width: 0, space: false, breakAfter: true, image: atom.image });
      continue;
    }
    // Cut the text where a line may break, and where spaces begin and end.
    let start = 0;
    const cuts: number[] = [];
    for (let index = 1; index <= atom.text.length; index += 1) {
      const here = atom.text[index - 1]!;
      const next = atom.text[index];
      if (index === atom.text.length || breaks.has(offset + index) || (here === ' ') !== (next === ' '))
        cuts.push(index);
    }
    let previous: RunStyle | undefined;
    for (const end of cuts) {
      const text = atom.text.slice(start, end);
      const space = /^ +$/.test(text);
      // A space breaks where the algorithm says (not before `;` or `!`, LB13) and the language allows.
      const breakAfter = breaks.has(offset + end);
      if (space) {
        // Spaces take the font of the word before them, so a phrase in one script stays one run.
        const style = previous ?? atom.style;
        pieces.push({
          text,
          style,
          width: fonts.width(text, style),
          place: atom.place,
          space: true,
          breakAfter,
        });
      } else {
        const runs = scriptRuns(text);
        let runStart = start;
        runs.forEach((run, index) => {
          const style = fonts.styleFor(run.script, atom.style);
          fonts.checkGlyphs(run.text, style, atom.place, runStart);
          runStart += run.text.length;
          pieces.push({
            text: run.text,
            style,
            width: fonts.width(run.text, style),
            place: atom.place,
            space: false,
            breakAfter: breakAfter && index === runs.length - 1,
          });
          previous = style;
        });
      }
      start = end;
    }
    offset += atom.text.length;
  }
  return pieces;
}
