/**
 * Work pdfkit and fontkit repeat for every PDF, done once per process instead, through their internals
 * (pinned, and listed in docs/dependencies.md; the handouts are byte-identical with and without each
 * patch, which test/library-patches.test.ts checks, switching each off). Measured on 200
 * statements to PDF: laying each word out and scaling it again, and decoding each glyph again to
 * subset the fonts, took a tenth of the build each.
 */
import type { Font } from 'fontkit';
import { patchApplied, patchOn } from '../../data/patches.js';
import { perFont } from '../fonts/parsed.js';

/** What pdfkit's embedded font does to lay text out: fontkit's layout, its positions scaled to thousandths of an em. */
interface LayingOut {
  font: Font;
  layoutRun(text: string, features?: unknown[]): ScaledRun;
}

interface ScaledRun {
  glyphs: unknown[];
  positions: ScaledPosition[];
  advanceWidth: number;
}

/** A glyph's place as pdfkit scales it. */
interface ScaledPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/**
 * A position as an object of one shape: pdfkit reads every position of every line it draws, and read
 * fontkit's objects and the views' own (font-views.ts), each of another shape, slowly.
 */
function alike(position: ScaledPosition): ScaledPosition {
  const { xAdvance, yAdvance, xOffset, yOffset, advanceWidth } = position;
  return { xAdvance, yAdvance, xOffset, yOffset, advanceWidth };
}

const scaledRuns = new WeakMap<Font, Map<string, ScaledRun>>();
const sharing = new WeakSet<object>();
const MAX_RUNS = 100_000;

/**
 * Makes pdfkit's embedded fonts share their scaled layouts across documents: they come from fontkit
 * (remembered by fonts.ts) and depend only on the font and the text. Each caller gets its own array of
 * positions, as pdfkit may replace one.
 */
function shareLayouts(font: object): void {
  const prototype = Object.getPrototypeOf(font) as Partial<LayingOut>;
  if (sharing.has(prototype) || typeof prototype.layoutRun !== 'function' || !patchOn('pdfkit-shared-layouts')) return;
  sharing.add(prototype);
  patchApplied('pdfkit-shared-layouts');
  const layoutRun = prototype.layoutRun;
  prototype.layoutRun = function (this: LayingOut, text: string, features?: unknown[]): ScaledRun {
    const key = features === undefined ? text : features.length === 0 ? `${text}\u0000[]` : undefined;
    if (key === undefined) return layoutRun.call(this, text, features);
    let known = scaledRuns.get(this.font);
    if (!known) {
      known = new Map();
      scaledRuns.set(this.font, known);
    }
    let run = known.get(key);
    if (!run) {
      if (known.size >= MAX_RUNS) known.clear();
      const laid = layoutRun.call(this, text, features);
      run = { glyphs: laid.glyphs, positions: laid.positions.map(alike), advanceWidth: laid.advanceWidth };
      known.set(key, run);
    }
    return { glyphs: run.glyphs, positions: run.positions.slice(), advanceWidth: run.advanceWidth };
  };
}

/** What fontkit's TrueType subsetter keeps while it writes a subset. */
interface TrueTypeSubset {
  font: Font & {
    _variationProcessor?: unknown;
    loca: { offsets: number[] };
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  glyphEncoder?: unknown;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

/** What the subsetter needs of a glyph: its bytes, the components of a compound glyph, its metrics. */
interface GlyphEntry {
  bytes: Uint8Array;
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/** What fontkit reads of a glyph to subset it, read once per font and glyph. */
const glyphEntry = perFont((plain, id: number): GlyphEntry => {
  const font = plain as TrueTypeSubset['font'];
  const glyph = font.getGlyph(id) as unknown as {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    _getMetrics(): { leftBearing: number };
  };
  const outline = glyph._decode();
  const stream = font._getTableStream('glyf');
  const start = font.loca.offsets[id]!;
  stream.pos += start;
  return {
    bytes: stream.readBuffer(font.loca.offsets[id + 1]! - start),
    components:
      outline && outline.numberOfContours < 0
        ? (outline.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos }))
        : null,
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing,
  };
});

/** Makes fontkit's TrueType subsetter read each glyph of a font once per process (what its `_addGlyph` does). */
function rememberGlyphs(subset: object): void {
  const prototype = Object.getPrototypeOf(subset) as Partial<TrueTypeSubset>;
  if (
    sharing.has(prototype) ||
    typeof prototype._addGlyph !== 'function' ||
    !('glyphEncoder' in subset) ||
    !patchOn('fontkit-subset-glyphs')
  )
    return;
  sharing.add(prototype);
  patchApplied('fontkit-subset-glyphs');
  const addGlyph = prototype._addGlyph;
  prototype._addGlyph = function (this: TrueTypeSubset, id: number): number {
    if (this.font._variationProcessor) return addGlyph.call(this, id);
    const entry = glyphEntry(this.font, id);
    let bytes = entry.bytes;
    if (entry.components) {
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const component of entry.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: entry.advance, bearing: entry.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

/** Makes the document's current font, and those like it, do their repeated work once per process. */
export function rememberFontWork(doc: PDFKit.PDFDocument): void {
  const state = doc as unknown as { _font: { subset?: object }; page?: { content?: object } };
  shareLayouts(state._font);
  if (state._font.subset) rememberGlyphs(state._font.subset);
  if (state.page?.content) batchContent(state.page.content);
}

/** What pdfkit keeps of a stream it writes (a page's content). */
interface PdfStream {
  write(chunk: string | Uint8Array): void;
  finalize(): void;
  pendingText?: string[];
}

/** Writes the text lines held back, as pdfkit would have written each. */
function flushText(stream: PdfStream, write: PdfStream['write']): void {
  const pending = stream.pendingText;
  if (pending === undefined || pending.length === 0) return;
  stream.pendingText = [];
  write.call(stream, pending.join('\n'));
}

/**
 * Makes pdfkit's streams take lines of content as text and turn them into bytes once, when the stream
 * ends or bytes follow: it made an array of bytes of every line (a few per word drawn).
 */
function batchContent(stream: object): void {
  const prototype = Object.getPrototypeOf(stream) as Partial<PdfStream>;
  if (
    sharing.has(prototype) ||
    typeof prototype.write !== 'function' ||
    typeof prototype.finalize !== 'function' ||
    !patchOn('pdfkit-batched-content')
  )
    return;
  sharing.add(prototype);
  patchApplied('pdfkit-batched-content');
  const { write, finalize } = prototype;
  prototype.write = function (this: PdfStream, chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      (this.pendingText ??= []).push(chunk);
      return;
    }
    flushText(this, write);
    write.call(this, chunk);
  };
  prototype.finalize = function (this: PdfStream): void {
    flushText(this, write);
    finalize.call(this);
  };
}

const lineFragmentOn = patchOn('pdfkit-line-fragment');
let fragmentUsed = false;

/** pdfkit's drawing of one line of text at a point (what `text()` ends in, for text with no line breaks). */
type Fragment = (text: string, x: number, y: number, options: object) => void;

/**
 * Draws one line of text, `width` points wide, at `x`, `y` (its top), as `doc.text` does for text it
 * does not wrap, without measuring it twice more: pdfkit measures a text to draw it, and again to move
 * its cursor, which nothing here uses.
 */
export function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  options: PDFKit.Mixins.TextOptions,
  width: number,
): void {
  const fragment = (doc as unknown as { _fragment?: Fragment })._fragment;
  if (typeof fragment !== 'function' || options.lineBreak !== false || !lineFragmentOn) {
    doc.text(text, x, y, { ...options, textWidth: width, wordCount: 1 } as PDFKit.Mixins.TextOptions);
    return;
  }
  if (!fragmentUsed) {
    fragmentUsed = true;
    patchApplied('pdfkit-line-fragment');
  }
  // What `text()` would hand on for a line it does not break, rotate or lay out in columns (named
  // one by one: spreading the caller's options cost a tenth of the drawing).
  fragment.call(doc, text, x, y, {
    lineBreak: false,
    link: options.link ?? null,
    strike: options.strike ?? false,
    underline: options.underline ?? false,
    features: options.features,
    horizontalScaling: (options as { horizontalScaling?: number }).horizontalScaling,
    textWidth: width,
    wordCount: 1,
    columns: 0,
    columnGap: 18,
    rotation: 0,
  });
}
