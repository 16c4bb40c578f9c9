/**
 * Text in a PDF handout, set by hand, by four jobs in four modules: choosing each piece's font by its
 * style and script (font-choice.ts), cutting inline content into pieces (pieces.ts), breaking lines
 * where the Unicode line breaking algorithm allows (line-break.ts), and ordering each line by the
 * Unicode bidirectional algorithm and drawing it with the text layer's workarounds (line-draw.ts).
 * This is the one object the page layout (index.ts) sets text through.
 */
import type { Point } from '../../model/statement.js';
import type { Inline, Marks } from '../model/handout.js';
import { LINE_HEIGHT, type Template } from '../model/template.js';
import { FontChoices, type MissingGlyph, type RunStyle } from './font-choice.js';
import { drawText } from './font-work.js';
import { breakLines, type Line } from './line-break.js';
import { LineDrawer } from './line-draw.js';
import { cutPieces, type Keep, type Piece } from './pieces.js';
import type { Tagger } from './tags.js';

export type { Family, MissingGlyph, RunStyle } from './font-choice.js';
export type { Line } from './line-break.js';
export type { Piece } from './pieces.js';

/** Sets text for one document: measures, breaks lines, orders and draws them, and notes missing glyphs. */
export class TextSetter {
  private readonly fonts: FontChoices;
  private readonly drawer: LineDrawer;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    template: Template,
    private readonly lineSpacing: number,
    /** The direction of the handout's paragraphs. */
    readonly direction: 'ltr' | 'rtl',
    /** Punctuation a space beside it never breaks a line at. */
    private readonly keep: Keep = { keepBefore: '', keepAfter: '' },
    /** The document's structure tree, where links and other languages are tagged as drawn, and the handout's script. */
    tags?: { tree: Tagger; script: string },
  ) {
    this.fonts = new FontChoices(doc, template);
    this.drawer = new LineDrawer(doc, this.fonts, direction, tags);
  }

  /** The characters no font of the document could draw, each where it was first met. */
  get missing(): ReadonlyMap<string, MissingGlyph> {
    return this.fonts.missing;
  }

  /** Selects the style's font, size and colour in the document, registering the font on first use. */
  select(style: RunStyle): void {
    this.fonts.select(style);
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
    return this.fonts.width(text, style);
  }

  /** The height of the font above the baseline, in points. */
  ascent(style: RunStyle): number {
    return this.fonts.ascent(style);
  }

  /** The height of a line of text of `size` points. */
  lineHeight(size: number): number {
    return size * this.lineSpacing * LINE_HEIGHT;
  }

  /** Notes which characters the style's font cannot draw (see `FontChoices.checkGlyphs`). */
  checkGlyphs(text: string, style: RunStyle, place: Point | undefined, column = 0): void {
    this.fonts.checkGlyphs(text, style, place, column);
  }

  /** Splits inline content into pieces of one font, with where lines may break between them. */
  pieces(
    inlines: readonly Inline[],
    base: RunStyle,
    styled: (base: RunStyle, marks: Marks) => RunStyle,
    muted: string,
  ): Piece[] {
    return cutPieces(this.fonts, inlines, base, styled, muted, this.keep);
  }

  /** Breaks pieces into lines of at most `width` points, where the pieces allow. */
  lines(pieces: readonly Piece[], width: number, minSize: number): Line[] {
    return breakLines(this.fonts, pieces, width, minSize, (size) => this.lineHeight(size));
  }

  /** Draws a line between `start` and `end` at `top`: aligned to the start of its direction. */
  drawLine(line: Line, start: number, end: number, top: number): void {
    this.drawer.drawLine(line, start, end, top);
  }

  /** Writes an invisible direction mark into the text layer at `x`, `y` (the top of the text), in the style's font. */
  writeMark(mark: string, style: RunStyle, x: number, y: number): void {
    this.drawer.writeMark(mark, style, x, y);
  }
}
