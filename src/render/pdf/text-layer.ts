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
 *
 * And the spaces pdf.js would drop (see `SPACE_KEPT` in font-views.ts), and the ends of its text items.
 */
import type { Font } from 'fontkit';
import { ALIAS_STEP, directionMarkFont, edgeSpaceFont, openEndFont, SPACE_KEPT } from './font-views.js';
import { drawText } from './font-work.js';

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

/** Writes `text` invisibly at `x`, `y` (the top of the text, as pdfkit places it) as the font `view` lays it out. */
function writeInvisibly(doc: PDFKit.PDFDocument, view: Font, text: string, x: number, y: number): void {
  doc.save().addContent('3 Tr');
  withLayout(doc, view, () => drawText(doc, text, x, y, { lineBreak: false, features: [] }, 0));
  doc.restore();
}

/** Writes `mark` invisibly into the text layer at `x`, `y` (the top of the text), in the current font. */
export function writeDirectionMark(doc: PDFKit.PDFDocument, font: Font, mark: string, x: number, y: number): void {
  writeInvisibly(doc, directionMarkFont(font, mark), mark, x, y);
}

/**
 * Writes `text` invisibly at `x`, `y` (the top of the text), before right-to-left text drawn from a mark
 * (at its left: the mark of its last word), as a glyph a hair wide (pdf.js measures from the last
 * glyph with a width): what follows the text, after a right-to-left mark, which keeps pdf.js from
 * taking it for white space or a format character.
 */
export function writeOpenEnd(doc: PDFKit.PDFDocument, font: Font, text: string, x: number, y: number): void {
  writeInvisibly(doc, openEndFont(font, text), text, x, y);
}

/**
 * Writes, invisibly at `x`, `y` (the top of the text), a space `advance` font units wide that pdf.js
 * keeps: recorded as a right-to-left mark and a space, which pdf.js does not take for white space. It
 * drops white space where a text item ends, at a change of style or direction in a line (`عام2024`,
 * `إنسانيجب`), and sets the end of an item from the last glyph it keeps.
 */
export function writeEdgeSpace(doc: PDFKit.PDFDocument, font: Font, advance: number, x: number, y: number): void {
  writeInvisibly(doc, edgeSpaceFont(font, Math.round(advance)), SPACE_KEPT, x, y);
}

/**
 * Ends the text item pdf.js is reading, writing nothing: pdf.js ends one where text is shown in another
 * size, here an empty string in the current font. Text drawn after starts an item of its own.
 */
export function endTextItem(doc: PDFKit.PDFDocument): void {
  const { _font: font, page } = doc as unknown as {
    _font: { id: string; ref(): unknown };
    page: { fonts: Record<string, unknown> };
  };
  page.fonts[font.id] ??= font.ref();
  doc.addContent(`q BT /${font.id} 1 Tf <> Tj ET Q`);
}

/** What this module uses of pdfkit's page. */
interface PageState {
  xobjects: Record<string, unknown>;
}

/** A document's outlines of one font: how often each glyph's was drawn, and the form it has, once it has one. */
interface FontOutlines {
  uses: Map<number, number>;
  forms: Map<number, string>;
}

/** A document's outlines: by font, and the forms by name. */
interface DocumentOutlines {
  fonts: WeakMap<Font, FontOutlines>;
  forms: Map<string, unknown>;
}

const outlines = new WeakMap<PDFKit.PDFDocument, DocumentOutlines>();

/** How many times an outline is drawn in place before it is written as a form (an object of its own). */
const INLINE_USES = 4;

/** The number as pdfkit writes numbers into content streams. */
function number(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/**
 * Fills the outline of a glyph (`operators`, in font units, y up) scaled by `scale` with its origin at
 * `x`, `y`, in the current fill colour. An outline drawn often is written once per document, as a
 * form, and drawn from there: a vocalized Arabic statement draws the same marks thousands of times.
 */
export function fillOutline(
  doc: PDFKit.PDFDocument,
  font: Font,
  id: number,
  operators: string,
  scale: number,
  x: number,
  y: number,
): void {
  let own = outlines.get(doc);
  if (!own) {
    own = { fonts: new WeakMap(), forms: new Map() };
    outlines.set(doc, own);
  }
  let ofFont = own.fonts.get(font);
  if (!ofFont) {
    ofFont = { uses: new Map(), forms: new Map() };
    own.fonts.set(font, ofFont);
  }
  const uses = (ofFont.uses.get(id) ?? 0) + 1;
  ofFont.uses.set(id, uses);
  const placed = `q ${number(scale)} 0 0 ${number(-scale)} ${number(x)} ${number(y)} cm`;
  if (uses <= INLINE_USES) {
    doc.addContent(`${placed}\n${operators}\nQ`);
    return;
  }
  let name = ofFont.forms.get(id);
  if (name === undefined) {
    name = `Outline${own.forms.size + 1}`;
    const bbox = font.getGlyph(id).bbox;
    const form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY] });
    (form as unknown as { end(data: string): void }).end(operators);
    own.forms.set(name, form);
    ofFont.forms.set(id, name);
  }
  const page = (doc as unknown as { page: PageState }).page;
  page.xobjects[name] ??= own.forms.get(name);
  doc.addContent(`${placed} /${name} Do Q`);
}
