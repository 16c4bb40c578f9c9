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
import { drawText } from './pdf-font-work.js';

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
  withLayout(doc, directionMarkFont(font, mark), () =>
    drawText(doc, mark, x, y, { lineBreak: false, features: [] }, 0),
  );
  doc.restore();
}
