/**
 * Text in a PDF handout, set by hand: inline content becomes pieces of one font and style; lines break
 * where the Unicode line breaking algorithm allows (between words, and between Chinese characters);
 * each line is ordered by the Unicode bidirectional algorithm, so Arabic runs right to left with Latin
 * words and figures inside, bold and italic included. Each piece's font is chosen by its script, and
 * text is drawn in logical order at visual positions, so that a reader extracting it gets the words in
 * the order they are read.
 */
import bidiModule, { type Bidi } from 'bidi-js';
import type { Font } from 'fontkit';
import LineBreaker from 'linebreak';
import type { Point } from '../model/statement.js';
import {
  marksAtLetters,
  mirroredFont,
  outlineOperators,
  runGlyphs,
  silentFont,
  SPACE_KEPT,
  unligatedWidth,
} from './font-views.js';
import { drawText, rememberFontWork } from './pdf-font-work.js';
import {
  endTextItem,
  fillOutline,
  withLayout,
  writeDirectionMark,
  writeEdgeSpace,
  writeOpenEnd,
} from './pdf-text-layer.js';
import { SCRIPT_FAMILIES, type FontStyle } from './font-files.js';
import { covers, fontOf, perFont } from './fonts.js';
import type { ImageData, Inline, Marks } from './handout.js';
import { scriptRuns, type ScriptClass } from './scripts.js';
import type { FontChoice, Template } from './template.js';

// bidi-js is a UMD module whose CommonJS export is the factory itself, whatever its typings say.
const bidi = (bidiModule as unknown as () => Bidi)();

/** The font families of a handout: the template's, and those of scripts. */
export type Family = 'body' | 'headings' | 'code' | 'arabic' | 'cjk';

/** How a run of text looks. */
export interface RunStyle {
  family: Family;
  bold: boolean;
  italic: boolean;
  size: number;
  colour: string;
  link?: string;
  strike?: boolean;
  /** Raise above the baseline (superscript), in points. */
  rise?: number;
}

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

/** A line of pieces in logical order. */
export interface Line {
  pieces: Piece[];
  width: number;
  height: number;
  ascent: number;
}

/** A run of one style and bidirectional level, its text as drawn (brackets mirrored). */
interface Run {
  text: string;
  style: RunStyle;
  level: number;
  width: number;
}

/** A character no font can draw, where it was first met. */
export interface MissingGlyph {
  character: string;
  place?: Point;
}

const INVISIBLE = /[\p{Cf}\p{Zs}\p{Cc}]/u;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** The mirrored form of a character in right-to-left text (`(` → `)`), or the character itself. */
function mirror(character: string): string {
  return bidi.getMirroredCharacter(character) ?? character;
}

/** Characters with a mirrored form: brackets, quotation marks, comparison signs. */
const MIRRORED = new Set([
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
function splitPieces(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const character of text) {
    if (
      (MIRRORED.has(character) && mirror(character) !== character) ||
      SEPARATOR_TYPES.has(bidi.getBidiCharTypeName(character))
    ) {
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
function firstSign(run: Run): string | undefined {
  if (run.level % 2 === 0) return undefined;
  const first = splitPieces(run.text)[0];
  return first !== undefined && [...first].length === 1 && !/[\p{L}\p{N}\p{M}\s]/u.test(first) ? first : undefined;
}

/** Digits and number signs of the Arabic script (Arabic-Indic, Persian), which the shaper reverses. */
const ARABIC_SCRIPT_FIGURES = /[\u0660-\u066c\u06f0-\u06f9]/;
const RIGHT_TO_LEFT_TEXT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const LINE_FACTOR = 1.2;
const MARKS = /\p{M}/u;
const MARK_AT_END = /\p{M}$/u;
/** Letters of a script the shaper lays out right to left. */
const SHAPED_RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const SEPARATOR_TYPES = new Set(['CS', 'ES', 'ET', 'EN', 'AN']);
const STRONG_RIGHT_TO_LEFT = new Set(['R', 'AL']);
const RIGHT_TO_LEFT_MARK = '\u200f';
const LEFT_TO_RIGHT_MARK = '\u200e';
/** How far left of a stretch's edge its direction mark goes, in points: enough to sort before what is right of it. */
const DIRECTION_MARK_INSET = 0.01;

const ADDRESS = /(?:https?:\/\/|www\.|mailto:)[^\s()]+[^\s().,;:!?]/g;
/** A UN document symbol (`A/CN.15/2024/5`, `CTOC/COP/WG.2/2024/2`): its parts are read as one. */
const DOCUMENT_SYMBOL = /\b[A-Z][A-Z0-9]*(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)+/g;

/**
 * A hyphen between letters (`e-mail`, `peut-être`). A word broken after it reads without it in
 * poppler, which takes a hyphen at the end of a line for one the line break made (`email`), and with a
 * space in pdf.js (`e- mail`).
 */
const WORD_HYPHEN = /(?<=\p{L})[-\u2010](?=\p{L})/gu;

/** The height of a font above the baseline, in ems (fontkit reads it from the font's tables each time). */
const ascentPerEm = perFont((font, _: 'ascent') => font.ascent / font.unitsPerEm);

/** Whether a font draws every character of `text` (or it is invisible), cached per font and word across documents. */
const coversAll = perFont((font, text: string) =>
  [...text].every((character) => covers(font, character.codePointAt(0)!) || INVISIBLE.test(character)),
);

/** The advance width of `text` in thousandths of an em, cached per font across documents. */
const unitsWide = perFont((font, text: string) => (font.layout(text).advanceWidth / font.unitsPerEm) * 1000);

const keys = new WeakMap<RunStyle, string>();

/** What makes two styles draw alike, to join pieces into one run. */
function keyOf(style: RunStyle): string {
  let key = keys.get(style);
  if (key === undefined) {
    key = `${style.family}|${style.bold}|${style.italic}|${style.size}|${style.colour}|${style.link ?? ''}|${style.strike === true}|${style.rise ?? 0}`;
    keys.set(style, key);
  }
  return key;
}

function styleOf(bold: boolean, italic: boolean): FontStyle {
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

/** Sets text for one document: measures, breaks lines, orders and draws them, and notes missing glyphs. */
export class TextSetter {
  readonly missing = new Map<string, MissingGlyph>();
  private readonly registered = new Set<string>();
  private readonly choices: Record<Family, FontChoice>;

  /** The fonts of this document by family and style. */
  private readonly fonts = new Map<string, Font>();

  /**
   * The outlines of the line being drawn, filled once its text is written: pdf.js ends a text item at
   * each form drawn, and the items of a right-to-left line split apart read in display order.
   */
  private readonly lineOutlines: { style: RunStyle; font: Font; id: number; scale: number; x: number; y: number }[] =
    [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    template: Template,
    private readonly lineSpacing: number,
    /** The direction of the handout's paragraphs. */
    readonly direction: 'ltr' | 'rtl',
  ) {
    this.choices = {
      ...template.fonts,
      arabic: { family: SCRIPT_FAMILIES.arabic },
      cjk: { family: SCRIPT_FAMILIES.cjk },
    };
  }

  /** The parsed font of a style (loaded the first time a document needs it, then kept for the document). */
  font(style: RunStyle): Font {
    const name = `${style.family}-${styleOf(style.bold, style.italic)}`;
    let font = this.fonts.get(name);
    if (!font) {
      font = fontOf(this.choices[style.family], styleOf(style.bold, style.italic));
      this.fonts.set(name, font);
    }
    return font;
  }

  /** Selects the style's font, size and colour in the document, registering the font on first use. */
  select(style: RunStyle): void {
    const name = `${style.family}-${styleOf(style.bold, style.italic)}`;
    if (!this.registered.has(name)) {
      this.doc.registerFont(name, this.font(style) as never);
      this.registered.add(name);
    }
    this.doc.font(name).fontSize(style.size).fillColor(style.colour);
    rememberFontWork(this.doc);
  }

  /**
   * Draws right-to-left text (no mirrored characters) from `left`, in display order. Words with
   * combining marks are written invisibly, each mark where its letter begins, and drawn as outlines
   * (see font-views.ts). True when it wrote `end` before the text.
   */
  private drawRightToLeft(
    text: string,
    style: RunStyle,
    left: number,
    y: number,
    options: PDFKit.Mixins.TextOptions,
    end?: string,
  ): boolean {
    // Asking for features (none beyond the font's own) makes pdfkit shape the text whole instead of
    // word by word, which would keep the words in reading order.
    const shaped = { ...options, features: [] };
    this.select(style);
    if (!MARKS.test(text)) {
      this.putRightToLeft(text, left, y, shaped, this.width(text, style));
      return false;
    }
    // Only the words with marks are written invisibly and drawn as outlines (which weigh more than
    // text); words go in display order, the last leftmost, so that pdf.js reads them in one text item.
    const segments: { text: string; marked: boolean }[] = [];
    for (const word of text.match(/[^ ]+ *| +/g) ?? []) {
      const marked = MARKS.test(word);
      const last = segments[segments.length - 1];
      if (last && last.marked === marked) last.text += word;
      else segments.push({ text: word, marked });
    }
    const font = this.font(style);
    let x = left;
    segments.reverse();
    // Text drawn from a mark (the one that ends its last word, at its left): pdf.js gives a mark to
    // the text item before it without asking where it stands, the run or the line drawn before. What
    // follows the text (`end`: a space, or the sign after a stretch in bold), written invisibly before
    // it, keeps the mark with its word.
    const endWritten = end !== undefined && segments[0]!.marked && MARK_AT_END.test(segments[0]!.text);
    if (endWritten) writeOpenEnd(this.doc, font, end, x, y);
    for (const segment of segments) {
      const width = this.width(segment.text, style);
      if (segment.marked) this.drawMarked(segment.text, font, style, x, y, shaped, width);
      else this.putRightToLeft(segment.text, x, y, shaped, width);
      x += width;
    }
    return endWritten;
  }

  /**
   * Puts right-to-left text. The shaper takes its direction from the text's script, and the Arabic
   * semicolon and question mark (`؛`, `؟`) are of no script: text with no Arabic letter (`؛ ` between
   * a word with marks and a Latin one) is handed over in display order, or it came out left to right.
   */
  private putRightToLeft(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions, width: number): void {
    this.put(SHAPED_RIGHT_TO_LEFT.test(text) ? text : [...text].reverse().join(''), x, y, options, width);
  }

  /** Writes right-to-left text with marks invisibly, each mark where its letter begins, and draws it as outlines. */
  private drawMarked(
    text: string,
    font: Font,
    style: RunStyle,
    left: number,
    y: number,
    options: PDFKit.Mixins.TextOptions,
    width: number,
  ): void {
    // The letters written apart take another width than those drawn: scaled to it.
    const scale = style.size / font.unitsPerEm;
    const written = unligatedWidth(font, text) * scale;
    const scaled = { ...options, horizontalScaling: written > 0 ? (width / written) * 100 : 100 };
    this.doc.save().addContent('3 Tr');
    withLayout(this.doc, marksAtLetters(font), () => this.put(text, left, y, scaled, width));
    this.doc.restore();
    const baseline = y + this.ascent(style);
    for (const glyph of runGlyphs(font, text))
      this.lineOutlines.push({
        style,
        font,
        id: glyph.id,
        scale,
        x: left + glyph.x * scale,
        y: baseline - glyph.y * scale,
      });
  }

  /** Fills the outlines of the line drawn (see `lineOutlines`). */
  private fillLineOutlines(): void {
    let colour: string | undefined;
    for (const { style, font, id, scale, x, y } of this.lineOutlines) {
      const operators = outlineOperators(font, id);
      if (operators === '') continue;
      if (style.colour !== colour) this.doc.fillColor((colour = style.colour));
      fillOutline(this.doc, font, id, operators, scale, x, y);
    }
    this.lineOutlines.length = 0;
  }

  /**
   * Draws `text` with pdfkit at `x`, `y` (the top of the text), `width` points wide: pdfkit measures
   * the text again unless told its width, which took a tenth of a PDF build.
   */
  put(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions, width: number): void {
    drawText(this.doc, text, x, y, options, width);
  }

  /** The width of `text` in points. */
  width(text: string, style: RunStyle): number {
    return (unitsWide(this.font(style), text) * style.size) / 1000;
  }

  /** The height of the font above the baseline, in points. */
  ascent(style: RunStyle): number {
    return ascentPerEm(this.font(style), 'ascent') * style.size;
  }

  /** The height of a line of text of `size` points. */
  lineHeight(size: number): number {
    return size * this.lineSpacing * LINE_FACTOR;
  }

  /**
   * Notes which characters the run's font cannot draw: once per character, at its first use (`place`
   * is where the text begins, `column` how far into it the run starts).
   */
  checkGlyphs(text: string, style: RunStyle, place: Point | undefined, column = 0): void {
    const font = this.font(style);
    if (coversAll(font, text)) return;
    let index = 0;
    for (const character of text) {
      if (!covers(font, character.codePointAt(0)!) && !INVISIBLE.test(character) && !this.missing.has(character)) {
        this.missing.set(character, {
          character,
          place: place && { line: place.line, column: place.column + column + index },
        });
      }
      index += character.length;
    }
  }

  private readonly scriptStyles = new WeakMap<RunStyle, Map<Family, RunStyle>>();

  /** The style for text of a script: Arabic and Chinese take their own fonts; the rest keeps the style's. */
  private styleFor(script: ScriptClass, base: RunStyle): RunStyle {
    const family: Family = script === 'arabic' ? 'arabic' : script === 'cjk' ? 'cjk' : base.family;
    if (family === base.family) return base;
    let known = this.scriptStyles.get(base);
    if (!known) {
      known = new Map();
      this.scriptStyles.set(base, known);
    }
    let style = known.get(family);
    if (!style) {
      style = { ...base, family };
      known.set(family, style);
    }
    return style;
  }

  /** Splits inline content into pieces of one font, with where lines may break between them. */
  pieces(
    inlines: readonly Inline[],
    base: RunStyle,
    styled: (base: RunStyle, marks: Marks) => RunStyle,
    muted: string,
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
        if (
          link &&
          !continues &&
          !link.endsWith(inline.text.trim()) &&
          !`mailto:${inline.text.trim()}`.endsWith(link)
        ) {
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
        const breakAfter = breaks.has(offset + end) || space;
        if (space) {
          // Spaces take the font of the word before them, so a phrase in one script stays one run.
          const style = previous ?? atom.style;
          pieces.push({
            text,
            style,
            width: this.width(text, style),
            place: atom.place,
            space: true,
            breakAfter: true,
          });
        } else {
          const runs = scriptRuns(text);
          let runStart = start;
          runs.forEach((run, index) => {
            const style = this.styleFor(run.script, atom.style);
            this.checkGlyphs(run.text, style, atom.place, runStart);
            runStart += run.text.length;
            pieces.push({
              text: run.text,
              style,
              width: this.width(run.text, style),
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

  /** Breaks pieces into lines of at most `width` points, where the pieces allow. */
  lines(pieces: readonly Piece[], width: number, minSize: number): Line[] {
    const lines: Line[] = [];
    let current: Piece[] = [];
    let lineWidth = 0;
    const baseStyle = pieces[0]?.style;
    const finish = () => {
      while (current.length > 0 && current[current.length - 1]!.space) lineWidth -= current.pop()!.width;
      const styles = current.filter((piece) => !piece.image).map((piece) => piece.style);
      const size = Math.max(minSize, ...styles.map((style) => style.size));
      const ascent = Math.max(
        baseStyle ? this.ascent({ ...baseStyle, size: minSize, rise: 0 }) : minSize * 0.8,
        ...styles.map((style) => this.ascent(style)),
      );
      lines.push({ pieces: current, width: lineWidth, height: this.lineHeight(size), ascent });
      current = [];
      lineWidth = 0;
    };
    // A unit is what lies between two break opportunities: it goes on a line whole.
    let unit: Piece[] = [];
    const place = () => {
      const unitWidth = unit.reduce((sum, piece) => sum + piece.width, 0);
      const visible = unit.filter((piece) => !piece.space).reduce((sum, piece) => sum + piece.width, 0);
      if (lineWidth + visible > width && current.length > 0) finish();
      if (unit.every((piece) => piece.space) && current.length === 0) {
        unit = [];
        return;
      }
      if (visible > width) {
        for (const piece of unit)
          this.splitLong(
            piece,
            width,
            () => lineWidth,
            (part) => {
              current.push(part);
              lineWidth += part.width;
            },
            finish,
          );
      } else {
        for (const piece of unit) current.push(piece);
        lineWidth += unitWidth;
      }
      unit = [];
    };
    for (const piece of pieces) {
      if (piece.hardBreak) {
        place();
        finish();
        continue;
      }
      if (piece.image) {
        place();
        if (current.length > 0) finish();
        lines.push({ pieces: [piece], width: 0, height: 0, ascent: 0 });
        continue;
      }
      unit.push(piece);
      if (piece.breakAfter) place();
    }
    place();
    if (current.length > 0 || lines.length === 0) finish();
    return lines;
  }

  /**
   * Breaks a piece wider than the line (a long address) between characters: each line takes the most
   * characters that fit, at least one. A text only grows wider as characters are added, so the most
   * that fit are found by doubling, then halving: measuring every longer prefix in turn made a 4 KB
   * inline code span take two seconds of layout. No text measured is more than twice a line's worth.
   */
  private splitLong(
    piece: Piece,
    width: number,
    used: () => number,
    add: (part: Piece) => void,
    finish: () => void,
  ): void {
    const characters = [...piece.text];
    const text = (start: number, end: number) => characters.slice(start, end).join('');
    const fits = (start: number, end: number, available: number) =>
      this.width(text(start, end), piece.style) <= available;
    for (let start = 0; start < characters.length;) {
      const available = width - used();
      // `low` characters fit (one always goes on the line); `high` is past the most that fit.
      let low = 1;
      let high = 2;
      while (start + high <= characters.length && fits(start, start + high, available)) {
        low = high;
        high *= 2;
      }
      high = Math.min(high, characters.length - start + 1);
      while (high - low > 1) {
        const middle = (low + high) >> 1;
        if (fits(start, start + middle, available)) low = middle;
        else high = middle;
      }
      const end = start + low;
      const part = text(start, end);
      add({ ...piece, text: part, width: this.width(part, piece.style) });
      if (end < characters.length) finish();
      start = end;
    }
  }

  /** Draws a line between `start` and `end` at `top`: aligned to the start of its direction. */
  drawLine(line: Line, start: number, end: number, top: number): void {
    const text = line.pieces.map((piece) => piece.text).join('');
    if (this.direction === 'ltr' && !RIGHT_TO_LEFT_TEXT.test(text)) {
      this.drawRuns(this.mergeRuns(line.pieces.map((piece) => ({ piece, level: 0 }))), start, top, line);
      return;
    }
    // The bidirectional algorithm gives each character a level; runs of one level and style are
    // ordered for display (the highest levels reversed first), then drawn in reading order.
    const levels = bidi.getEmbeddingLevels(text, this.direction).levels;
    const parts: { piece: Piece; level: number }[] = [];
    let offset = 0;
    for (const piece of line.pieces) {
      let from = 0;
      for (let index = 1; index <= piece.text.length; index += 1) {
        if (index === piece.text.length || levels[offset + index] !== levels[offset + from]) {
          const slice = piece.text.slice(from, index);
          parts.push({
            piece: { ...piece, text: slice, width: this.width(slice, piece.style) },
            level: levels[offset + from] ?? 0,
          });
          from = index;
        }
      }
      offset += piece.text.length;
    }
    const runs = this.mergeRuns(parts);
    const width = runs.reduce((sum, run) => sum + run.width, 0);
    const left = this.direction === 'rtl' ? end - width : start;
    this.drawRuns(runs, left, top, line);
  }

  /** Joins neighbouring parts of one style and level into runs. */
  private mergeRuns(parts: readonly { piece: Piece; level: number }[]): Run[] {
    const runs: Run[] = [];
    // A run's width is the sum of its pieces' (measured, and remembered, word by word): shaping whole
    // lines, each one new, cost a tenth of a PDF build.
    for (const { piece, level } of parts) {
      const last = runs[runs.length - 1];
      if (last && keyOf(last.style) === keyOf(piece.style) && last.level === level) {
        last.text += piece.text;
        last.width += piece.width;
      } else runs.push({ text: piece.text, style: piece.style, level, width: piece.width });
    }
    return runs;
  }

  /** Places runs in display order from `left`, and draws them in reading order. */
  private drawRuns(runs: readonly Run[], left: number, top: number, line: Line): void {
    // Display order: from the highest level down to the lowest odd one, reverse each stretch at or above it.
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
    const xs = new Map<number, number>();
    let x = left;
    for (const index of order) {
      xs.set(index, x);
      x += runs[index]!.width;
    }
    // Direction marks for a reader that orders a line by a rule of its own (see pdf-text-layer.ts):
    // in a right-to-left line, a right-to-left mark at the left edge of each left-to-right stretch
    // (`2024.`, `(UNODC)`); in a left-to-right line, each right-to-left stretch between a right-to-left
    // mark at its left edge (where a letter's marks may stand) and a left-to-right one at its right.
    const odd = (position: number) =>
      position >= 0 && position < order.length && runs[order[position]!]!.level % 2 === 1;
    const before = new Map<number, string>();
    const after = new Map<number, string>();
    order.forEach((index, position) => {
      if (this.direction === 'rtl') {
        if (!odd(position) && odd(position - 1)) before.set(index, RIGHT_TO_LEFT_MARK);
        // A left-to-right stretch that ends with a sign (`CCPCJ (https://…)`): poppler read the sign
        // as right-to-left, on the other side of the stretch.
        if (!odd(position) && odd(position + 1) && /[^\p{L}\p{N}]$/u.test(runs[index]!.text))
          after.set(index, LEFT_TO_RIGHT_MARK);
      } else if (odd(position)) {
        if (!odd(position - 1)) before.set(index, RIGHT_TO_LEFT_MARK);
        if (!odd(position + 1)) after.set(index, LEFT_TO_RIGHT_MARK);
      }
    });
    const { ends, taken } = this.runEnds(runs);
    let endWritten = false;
    runs.forEach((run, index) => {
      const x = xs.get(index)!;
      const mark = before.get(index);
      if (mark) this.drawDirectionMark(mark, run.style, x - DIRECTION_MARK_INSET, top, line);
      // Right-to-left text in a left-to-right line is a text item of its own for pdf.js, which reverses
      // an item with mostly right-to-left letters whole: the quotation marks around it, in the same
      // font, came out reversed with it (`,»شكراً لكم«`).
      const isolated = this.direction === 'ltr' && run.level % 2 === 1;
      if (isolated) endTextItem(this.doc);
      // The sign is taken only when the run before wrote it (see `runEnds`).
      endWritten = this.drawRun(run, x, top, line, ends[index], taken.has(index) && endWritten);
      if (isolated) endTextItem(this.doc);
      const closing = after.get(index);
      // Just inside the stretch's right edge, so that it sorts before what follows the stretch.
      if (closing) this.drawDirectionMark(closing, run.style, x + run.width - DIRECTION_MARK_INSET, top, line);
    });
    this.fillLineOutlines();
  }

  /** Writes an invisible direction mark into the text layer at `x`, `y` (the top of the text), in the style's font. */
  writeMark(mark: string, style: RunStyle, x: number, y: number): void {
    this.select(style);
    writeDirectionMark(this.doc, this.font(style), mark, x, y);
  }

  /** Writes an invisible direction mark into the text layer at `x`, in the style's font. */
  private drawDirectionMark(mark: string, style: RunStyle, x: number, top: number, line: Line): void {
    this.writeMark(mark, style, x, top + line.ascent - this.ascent(style) - (style.rise ?? 0));
  }

  /**
   * What the text layer holds before each right-to-left run of a right-to-left line drawn from a mark
   * (see `drawRightToLeft`): a space where a space or the end of the line follows the run, else the sign
   * that follows it when that is a piece of its own (`**أولاً**.`), whose own glyph is then written
   * as nothing (`taken`, by run index).
   */
  private runEnds(runs: readonly Run[]): { ends: (string | undefined)[]; taken: Set<number> } {
    const taken = new Set<number>();
    const ends = runs.map((run, index) => {
      if (this.direction !== 'rtl' || run.level % 2 === 0 || !MARK_AT_END.test(run.text)) return undefined;
      const next = runs[index + 1];
      if (next === undefined || next.text.startsWith(' ')) return SPACE_KEPT;
      const sign = firstSign(next);
      if (sign === undefined) return undefined;
      taken.add(index + 1);
      return `${RIGHT_TO_LEFT_MARK}${sign}`;
    });
    return { ends, taken };
  }

  /** Draws a run; true when it wrote `end` before its text (see `runEnds`). */
  private drawRun(run: Run, x: number, top: number, line: Line, end?: string, signTaken = false): boolean {
    const y = top + line.ascent - this.ascent(run.style) - (run.style.rise ?? 0);
    const options = {
      lineBreak: false,
      link: run.style.link ?? null,
      strike: run.style.strike === true,
      underline: run.style.link !== undefined,
    };
    this.select(run.style);
    if (run.level % 2 === 0) {
      // Arabic-Indic figures are of the Arabic script, so the shaper lays them out right to left; a
      // figure is a left-to-right run whatever its digits, so it is handed over in reverse (١٢٫٥, not ٥٫٢١).
      const text = ARABIC_SCRIPT_FIGURES.test(run.text) ? [...run.text].reverse().join('') : run.text;
      this.put(text, x, y, options, run.width);
      return false;
    }
    // A right-to-left run is drawn a piece at a time: brackets and other mirrored characters on their
    // own, drawn mirrored (the text layer keeps the source's character), the rest as it is. Arabic
    // comes out of the shaper in display order; spaces and signs alone are put in display order here.
    // Pieces go in display order, so that pdf.js, which reverses a text item with right-to-left
    // letters in it, reads the run in one item; a run of signs alone (`).` after a left-to-right
    // symbol), which pdf.js does not reverse, goes from its right, a text item a piece.
    const style = run.style;
    // The spaces at either end of the run (at a change of style or direction) are written as spaces
    // pdf.js keeps (see `writeEdgeSpace`): it ends a text item there, and dropped them (`عام2024`).
    const [, before = '', text = '', after = ''] = /^( *)(.*?)( *)$/su.exec(run.text) ?? [];
    const pieces: { piece: string; drawn: string; left: number }[] = [];
    let left = x + (after === '' ? 0 : this.width(after, style));
    for (const piece of splitPieces(text).reverse()) {
      const drawn = piece.length === 1 && MIRRORED.has(piece) ? mirror(piece) : piece;
      pieces.push({ piece, drawn, left });
      left += this.width(drawn, style);
    }
    const lettered = [...text].some((character) => STRONG_RIGHT_TO_LEFT.has(bidi.getBidiCharTypeName(character)));
    const ordered = lettered ? pieces : pieces.reverse();
    // In reading order for pdf.js: from the left where it reverses the item, from the right where not.
    const [firstSpace, firstX, lastSpace, lastX] = lettered ? [after, x, before, left] : [before, left, after, x];
    if (firstSpace !== '') this.writeEdgeSpace(firstSpace, style, firstX, y);
    let endWritten = false;
    for (const [position, { piece, drawn, left }] of ordered.entries()) {
      // poppler reads a separator (`.`, `،`, `%`) as part of a number: marks on both sides keep it apart.
      const separator = piece.length === 1 && SEPARATOR_TYPES.has(bidi.getBidiCharTypeName(piece));
      if (separator) this.drawDirectionMark(RIGHT_TO_LEFT_MARK, style, left, top, line);
      this.select(style);
      if (drawn !== piece) {
        const mirrored = mirroredFont(this.font(style), mirror);
        withLayout(this.doc, mirrored, () =>
          this.put(piece, left, y, { ...options, features: [] }, this.width(drawn, style)),
        );
      } else if (signTaken && position === (lettered ? ordered.length - 1 : 0)) {
        // The sign written before the run that ends with a mark (see `runEnds`): drawn, recorded as nothing.
        withLayout(this.doc, silentFont(this.font(style), drawn), () =>
          this.put(drawn, left, y, { ...options, features: [] }, this.width(drawn, style)),
        );
      } else if (/^ +$/.test(drawn)) {
        // Spaces between signs (`) (`), which pdf.js reads a text item apart when no letter is near.
        this.writeEdgeSpace(drawn, style, left, y);
      } else if (RIGHT_TO_LEFT_TEXT.test(drawn)) {
        const ending = lettered && after === '' && position === 0 ? end : undefined;
        endWritten = this.drawRightToLeft(drawn, style, left, y, options, ending) || endWritten;
      } else this.put([...drawn].reverse().join(''), left, y, options, this.width(drawn, style));
      if (separator) this.drawDirectionMark(RIGHT_TO_LEFT_MARK, style, left + this.width(drawn, style), top, line);
    }
    if (lastSpace !== '') this.writeEdgeSpace(lastSpace, style, lastX, y);
    return endWritten;
  }

  /** Writes `spaces` at `x` as one space that pdf.js keeps at the edge of a text item (see `writeEdgeSpace` in pdf-text-layer.ts). */
  private writeEdgeSpace(spaces: string, style: RunStyle, x: number, y: number): void {
    this.select(style);
    writeEdgeSpace(
      this.doc,
      this.font(style),
      (this.width(spaces, style) * this.font(style).unitsPerEm) / style.size,
      x,
      y,
    );
  }
}
