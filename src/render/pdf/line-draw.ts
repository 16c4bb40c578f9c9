/**
 * A PDF line drawn: its pieces cut at changes of bidirectional level, joined into runs, placed in
 * display order and drawn in reading order, so that a reader extracting the text gets the words in the
 * order they are read. Right-to-left runs are drawn a piece at a time (mirrored brackets, signs, words
 * with marks as outlines), with the text layer's workarounds for poppler and pdf.js: direction marks,
 * edge spaces, open ends (docs/text-layer.md tells why each is there).
 */
import type { Font } from 'fontkit';
import {
  marksAtLetters,
  mirroredFont,
  outlineOperators,
  runGlyphs,
  silentFont,
  SPACE_KEPT,
  spacedApart,
  unligatedWidth,
} from './font-views.js';
import { drawText } from './font-work.js';
import { hasRightToLeft, stretchLanguage } from '../fonts/scripts.js';
import {
  endTextItem,
  fillOutline,
  withLayout,
  writeDirectionMark,
  writeEdgeSpace,
  writeOpenEnd,
} from './text-layer.js';
import {
  bidiType,
  displayOrder,
  embeddingLevels,
  firstSign,
  mirror,
  MIRRORED,
  SEPARATOR_TYPES,
  splitPieces,
  STRONG_RIGHT_TO_LEFT,
  type Run,
} from './bidi.js';
import { keyOf, type FontChoices, type RunStyle } from './font-choice.js';
import type { Line } from './line-break.js';
import type { Piece } from './pieces.js';
import type { Tagger } from './tags.js';

/** Digits and number signs of the Arabic script (Arabic-Indic, Persian), which the shaper reverses. */
const ARABIC_SCRIPT_FIGURES = /[\u0660-\u066c\u06f0-\u06f9]/;

const MARKS = /\p{M}/u;
const MARK_AT_END = /\p{M}$/u;
/** Letters of a script the shaper lays out right to left. */
const SHAPED_RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const RIGHT_TO_LEFT_MARK = '\u200f';
const LEFT_TO_RIGHT_MARK = '\u200e';
/** How far left of a stretch's edge its direction mark goes, in points: enough to sort before what is right of it. */
const DIRECTION_MARK_INSET = 0.01;

/** Draws the lines of one document in their direction. */
export class LineDrawer {
  /**
   * The outlines of the line being drawn, filled once its text is written: pdf.js ends a text item at
   * each form drawn, and the items of a right-to-left line split apart read in display order.
   */
  private readonly lineOutlines: { style: RunStyle; font: Font; id: number; scale: number; x: number; y: number }[] =
    [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontChoices,
    /** The direction of the handout's paragraphs. */
    readonly direction: 'ltr' | 'rtl',
    /**
     * The document's structure tree and the handout's script: a link's run is a Link element holding
     * its annotation, a run of another script a span in that script's language.
     */
    private readonly tags?: { tree: Tagger; script: string },
  ) {}

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
    this.fonts.select(style);
    const font = this.fonts.font(style);
    // Words with marks, or with letters the font spaces apart, are written letter by letter.
    const apart = (word: string) => MARKS.test(word) || spacedApart(font, word);
    if (!apart(text)) {
      this.putRightToLeft(text, left, y, shaped, this.fonts.width(text, style));
      return false;
    }
    // Only those words are written invisibly and drawn as outlines (which weigh more than text); words
    // go in display order, the last leftmost, so that pdf.js reads them in one text item.
    const segments: { text: string; marked: boolean }[] = [];
    for (const word of text.match(/[^ ]+ *| +/g) ?? []) {
      const marked = apart(word);
      const last = segments[segments.length - 1];
      if (last && last.marked === marked) last.text += word;
      else segments.push({ text: word, marked });
    }
    let x = left;
    segments.reverse();
    // Text drawn from a mark (the one that ends its last word, at its left): pdf.js gives a mark to
    // the text item before it without asking where it stands, the run or the line drawn before. What
    // follows the text (`end`: a space, or the sign after a stretch in bold), written invisibly before
    // it, keeps the mark with its word.
    const endWritten = end !== undefined && segments[0]!.marked && MARK_AT_END.test(segments[0]!.text);
    if (endWritten) writeOpenEnd(this.doc, font, end, x, y);
    for (const segment of segments) {
      const width = this.fonts.width(segment.text, style);
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
    const baseline = y + this.fonts.ascent(style);
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
  private put(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions, width: number): void {
    drawText(this.doc, text, x, y, options, width);
  }

  /** Draws a line between `start` and `end` at `top`: aligned to the start of its direction. */
  drawLine(line: Line, start: number, end: number, top: number): void {
    const text = line.pieces.map((piece) => piece.text).join('');
    if (this.direction === 'ltr' && !hasRightToLeft(text)) {
      this.drawRuns(this.mergeRuns(line.pieces.map((piece) => ({ piece, level: 0 }))), start, top, line);
      return;
    }
    // The bidirectional algorithm gives each character a level; runs of one level and style are
    // ordered for display (the highest levels reversed first), then drawn in reading order.
    const levels = embeddingLevels(text, this.direction);
    const parts: { piece: Piece; level: number }[] = [];
    let offset = 0;
    for (const piece of line.pieces) {
      let from = 0;
      for (let index = 1; index <= piece.text.length; index += 1) {
        if (index === piece.text.length || levels[offset + index] !== levels[offset + from]) {
          const slice = piece.text.slice(from, index);
          parts.push({
            piece: { ...piece, text: slice, width: this.fonts.width(slice, piece.style) },
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
    const order = displayOrder(runs);
    const xs = new Map<number, number>();
    let x = left;
    for (const index of order) {
      xs.set(index, x);
      x += runs[index]!.width;
    }
    // Direction marks for a reader that orders a line by a rule of its own (see text-layer.ts):
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
      const tagged = this.openRun(run, x, top, line);
      // The sign is taken only when the run before wrote it (see `runEnds`).
      endWritten = this.drawRun(run, x, top, line, ends[index], taken.has(index) && endWritten, tagged === 'Link');
      if (tagged) {
        this.tags!.tree.end();
        this.tags!.tree.mark();
      }
      if (isolated) endTextItem(this.doc);
      const closing = after.get(index);
      // Just inside the stretch's right edge, so that it sorts before what follows the stretch.
      if (closing) this.drawDirectionMark(closing, run.style, x + run.width - DIRECTION_MARK_INSET, top, line);
    });
    this.fillLineOutlines();
  }

  /** Writes an invisible direction mark into the text layer at `x`, `y` (the top of the text), in the style's font. */
  writeMark(mark: string, style: RunStyle, x: number, y: number): void {
    this.fonts.select(style);
    writeDirectionMark(this.doc, this.fonts.font(style), mark, x, y);
  }

  /** Writes an invisible direction mark into the text layer at `x`, in the style's font. */
  private drawDirectionMark(mark: string, style: RunStyle, x: number, top: number, line: Line): void {
    this.writeMark(mark, style, x, top + line.ascent - this.fonts.ascent(style) - (style.rise ?? 0));
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

  /**
   * Opens the element a run is tagged as, if any: a link's run is a Link element holding one annotation
   * over the run (PDF/UA: every annotation in the tree, with a description); a run of another script
   * than the handout's, a span with that script's language. Undefined for other runs, or in an artifact.
   */
  private openRun(run: Run, x: number, top: number, line: Line): 'Link' | 'Span' | undefined {
    if (!this.tags || this.tags.tree.inArtifact) return undefined;
    const { tree, script } = this.tags;
    const address = run.style.link;
    const lang = stretchLanguage(run.text, script);
    if (address === undefined) {
      if (lang === undefined) return undefined;
      tree.begin('Span', { lang });
      tree.mark();
      return 'Span';
    }
    tree.begin('Link', { lang });
    tree.mark();
    // pdfkit writes a JavaScript String object as a PDF string (a primitive string is a name).
    const description = new String(address.replace(/^mailto:/, ''));
    this.doc.link(x, top, run.width, line.height, address, {
      structParent: tree.current,
      Contents: description,
    } as unknown as PDFKit.Mixins.AnnotationOption);
    return 'Link';
  }

  /** Draws a run; true when it wrote `end` before its text (see `runEnds`). `linked`: its annotation is made. */
  private drawRun(
    run: Run,
    x: number,
    top: number,
    line: Line,
    end?: string,
    signTaken = false,
    linked = false,
  ): boolean {
    const y = top + line.ascent - this.fonts.ascent(run.style) - (run.style.rise ?? 0);
    const options = {
      lineBreak: false,
      link: linked ? null : (run.style.link ?? null),
      strike: run.style.strike === true,
      underline: run.style.link !== undefined,
    };
    this.fonts.select(run.style);
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
    let left = x + (after === '' ? 0 : this.fonts.width(after, style));
    for (const piece of splitPieces(text).reverse()) {
      const drawn = piece.length === 1 && MIRRORED.has(piece) ? mirror(piece) : piece;
      pieces.push({ piece, drawn, left });
      left += this.fonts.width(drawn, style);
    }
    const lettered = [...text].some((character) => STRONG_RIGHT_TO_LEFT.has(bidiType(character)));
    const ordered = lettered ? pieces : pieces.reverse();
    // In reading order for pdf.js: from the left where it reverses the item, from the right where not.
    const [firstSpace, firstX, lastSpace, lastX] = lettered ? [after, x, before, left] : [before, left, after, x];
    if (firstSpace !== '') this.writeEdgeSpace(firstSpace, style, firstX, y);
    let endWritten = false;
    for (const [position, { piece, drawn, left }] of ordered.entries()) {
      // poppler reads a separator (`.`, `،`, `%`) as part of a number: marks on both sides keep it apart.
      const separator = piece.length === 1 && SEPARATOR_TYPES.has(bidiType(piece));
      if (separator) this.drawDirectionMark(RIGHT_TO_LEFT_MARK, style, left, top, line);
      this.fonts.select(style);
      if (drawn !== piece) {
        const mirrored = mirroredFont(this.fonts.font(style), mirror);
        withLayout(this.doc, mirrored, () =>
          this.put(piece, left, y, { ...options, features: [] }, this.fonts.width(drawn, style)),
        );
      } else if (signTaken && position === (lettered ? ordered.length - 1 : 0)) {
        // The sign written before the run that ends with a mark (see `runEnds`): drawn, recorded as nothing.
        withLayout(this.doc, silentFont(this.fonts.font(style), drawn), () =>
          this.put(drawn, left, y, { ...options, features: [] }, this.fonts.width(drawn, style)),
        );
      } else if (/^ +$/.test(drawn)) {
        // Spaces between signs (`) (`), which pdf.js reads a text item apart when no letter is near.
        this.writeEdgeSpace(drawn, style, left, y);
      } else if (hasRightToLeft(drawn)) {
        const ending = lettered && after === '' && position === 0 ? end : undefined;
        endWritten = this.drawRightToLeft(drawn, style, left, y, options, ending) || endWritten;
      } else this.put([...drawn].reverse().join(''), left, y, options, this.fonts.width(drawn, style));
      if (separator)
        this.drawDirectionMark(RIGHT_TO_LEFT_MARK, style, left + this.fonts.width(drawn, style), top, line);
    }
    if (lastSpace !== '') this.writeEdgeSpace(lastSpace, style, lastX, y);
    return endWritten;
  }

  /** Writes `spaces` at `x` as one space that pdf.js keeps at the edge of a text item (see `writeEdgeSpace` in text-layer.ts). */
  private writeEdgeSpace(spaces: string, style: RunStyle, x: number, y: number): void {
    this.fonts.select(style);
    writeEdgeSpace(
      this.doc,
      this.fonts.font(style),
      (this.fonts.width(spaces, style) * this.fonts.font(style).unitsPerEm) / style.size,
      x,
      y,
    );
  }
}
