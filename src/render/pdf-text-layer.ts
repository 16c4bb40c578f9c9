/**
 * Drawing with a view of a font (font-views.ts) in the document's own embedded font of the family,
 * through pdfkit's internals (pinned in package.json, and read back by the text-layer tests): pdf.js
 * starts a new text item at every change of font, and the text items of a right-to-left line split
 * apart come out in display order, words reversed.
 *
 * Also the invisible direction marks. poppler orders a line by a rule of its own: in a right-to-left
 * line it reads separators (`.`, `،`, `%`) and the signs beside left-to-right text as part of it
 * (`منهم .ووراء`, `.2024`); in a left-to-right line, the signs after right-to-left text as part of
 * that. A direction mark (U+200F, U+200E) where the bidirectional algorithm ends a run ends poppler's
 * run there too. pdf.js drops format characters, so its text is unchanged.
 */
import type { Font } from 'fontkit';
import { ALIAS_STEP, directionMarkFont } from './font-views.js';

/** What this module uses of pdfkit's embedded font. */
interface EmbeddedFont {
  font: Font;
  subset: { glyphs: number[]; mapping: Record<number, number>; includeGlyph(glyph: number | { id: number }): number };
}

const aliased = new WeakSet<EmbeddedFont>();

/** Teaches an embedded font's subset that an alias id is a copy of its glyph (`id % ALIAS_STEP`). */
function acceptAliases(font: EmbeddedFont): void {
  if (aliased.has(font)) return;
  aliased.add(font);
  const subset = font.subset;
  const include = subset.includeGlyph.bind(subset);
  subset.includeGlyph = (glyph) => {
    const id = typeof glyph === 'object' ? glyph.id : glyph;
    if (id < ALIAS_STEP) return include(id);
    let index = subset.mapping[id];
    if (index === undefined) {
      subset.glyphs.push(id % ALIAS_STEP);
      index = subset.glyphs.length - 1;
      subset.mapping[id] = index;
    }
    return index;
  };
}

/**
 * Draws with `draw` while the document's current font lays text out as `view` does. Text drawn must ask
 * for features (`features: []`): pdfkit would otherwise answer from its cache of the font's own layouts.
 */
export function withLayout(doc: PDFKit.PDFDocument, view: Font, draw: () => void): void {
  const font = (doc as unknown as { _font: EmbeddedFont })._font;
  acceptAliases(font);
  const own = font.font;
  font.font = view;
  try {
    draw();
  } finally {
    font.font = own;
  }
}

/** Writes `mark` invisibly into the text layer at `x`, `y` (the top of the text, as pdfkit places it), in the current font. */
export function writeDirectionMark(doc: PDFKit.PDFDocument, font: Font, mark: string, x: number, y: number): void {
  doc.save().addContent('3 Tr');
  withLayout(doc, directionMarkFont(font, mark), () => doc.text(mark, x, y, { lineBreak: false, features: [] }));
  doc.restore();
}

/** What pdfkit's embedded font does to lay text out: fontkit's layout, its positions scaled to thousandths of an em. */
interface LayingOut {
  font: Font;
  layoutRun(text: string, features?: unknown[]): ScaledRun;
}

interface ScaledRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

const scaledRuns = new WeakMap<Font, Map<string, ScaledRun>>();
const sharing = new WeakSet<object>();
const MAX_RUNS = 100_000;

/**
 * Makes pdfkit's embedded fonts share their scaled layouts across documents. pdfkit lays each word out
 * again in every document and scales every glyph's position each time, which took a tenth of a PDF
 * build; the layouts come from fontkit (remembered by fonts.ts) and depend only on the font and text.
 * Each caller gets its own array of positions, as pdfkit may replace one.
 */
export function shareLayouts(doc: PDFKit.PDFDocument): void {
  const prototype = Object.getPrototypeOf((doc as unknown as { _font: object })._font) as Partial<LayingOut>;
  if (sharing.has(prototype) || typeof prototype.layoutRun !== 'function') return;
  sharing.add(prototype);
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
      run = { glyphs: laid.glyphs, positions: laid.positions, advanceWidth: laid.advanceWidth };
      known.set(key, run);
    }
    return { glyphs: run.glyphs, positions: run.positions.slice(), advanceWidth: run.advanceWidth };
  };
}
