/**
 * Fonts for PDF handouts, parsed once per process by fontkit and shared by every document (pdfkit
 * accepts a parsed font). Where their files are: files.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { fontFiles, type FontStyle } from './files.js';
import type { FontChoice } from '../model/template.js';

const parsed = new Map<string, Font>();

/** A run of glyphs laid out by fontkit. */
export type GlyphRun = ReturnType<Font['layout']>;

/** A laid-out run handed to pdfkit: shared glyphs, its own copy of the positions (pdfkit scales them in place). */
export class CachedRun {
  constructor(
    readonly glyphs: GlyphRun['glyphs'],
    readonly positions: GlyphRun['positions'],
  ) {}

  /** The run's width, from its positions as they are now (pdfkit reads it after scaling them). */
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

const MAX_RUNS = 100_000;

/**
 * The glyphs of a right-to-left run as pdfkit records them for the PDF's text layer. Readers of PDFs
 * (pdf.js, poppler) take the glyphs in display order and reverse them, text of a ligature included:
 * a ligature's letters are given in display order too, so that "لا" reads back as "لا", not "ال".
 */
function readableGlyphs(run: GlyphRun): GlyphRun['glyphs'] {
  if (run.direction !== 'rtl') return run.glyphs;
  return run.glyphs.map((glyph) =>
    glyph.codePoints.length > 1
      ? ({
          id: glyph.id,
          advanceWidth: glyph.advanceWidth,
          codePoints: [...glyph.codePoints].reverse(),
        } as unknown as GlyphRun['glyphs'][number])
      : glyph,
  );
}

/**
 * Makes a font remember its layouts across documents. OpenType shaping (GSUB, GPOS) took most of the
 * time of a PDF build, and pdfkit only remembers a word's shape within one document; the same words
 * recur in every statement. An empty list of features (how a whole right-to-left run is asked for),
 * and features turned on or off by name, are remembered too.
 */
function rememberLayouts(font: Font): Font {
  const layout = font.layout.bind(font);
  const runs = new Map<string, { glyphs: GlyphRun['glyphs']; positions: GlyphRun['positions'] }>();
  font.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    // Remembered: no features, none beyond the font's own (`[]`), or features turned on and off by name.
    const named = features !== null && typeof features === 'object' && !Array.isArray(features);
    const plain = features === undefined || (Array.isArray(features) && features.length === 0);
    if ((!plain && !named) || rest.length > 0) return layout(text, features as never, ...(rest as []));
    const key = features === undefined ? text : `${text}\u0000${named ? JSON.stringify(features) : '[]'}`;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= MAX_RUNS) runs.clear();
      // fontkit keeps one glyph object per glyph id, with the characters of the text it was first made
      // for; the PDF's text layer reads them. During this layout each glyph is handed out as a view of
      // the shared one carrying this text's characters, so what is written never depends on what was
      // laid out before in this or another document (a batch's Arabic PDF lost letters from its text
      // layer that the same PDF built alone kept), and the shared glyphs keep their decoded outlines.
      const shared = font.getGlyph.bind(font);
      font.getGlyph = (id: number, codePoints: number[] = []) => {
        const glyph = shared(id, codePoints);
        return codePoints.length > 0
          ? (Object.create(glyph, { codePoints: { value: codePoints } }) as typeof glyph)
          : glyph;
      };
      let laid: GlyphRun;
      try {
        laid = layout(text, named ? (features as never) : undefined);
      } finally {
        delete (font as { getGlyph?: unknown }).getGlyph;
      }
      run = { glyphs: readableGlyphs(laid), positions: laid.positions };
      runs.set(key, run);
    }
    return new CachedRun(
      run.glyphs,
      run.positions.map((position) => ({ ...position })),
    ) as unknown as GlyphRun;
  };
  return font;
}

/** Parses a font file once per process, and again if it changes (a template's own font, edited during `--watch`). */
export function fontAt(path: string): Font {
  const stat = statSync(path);
  const key = `${path}\0${stat.size}\0${stat.mtimeMs}`;
  let font = parsed.get(key);
  if (!font) {
    font = rememberLayouts(create(readFileSync(path)) as Font);
    parsed.set(key, font);
  }
  return font;
}

/** The font of a style of a font choice, parsed the first time text needs it. */
export function fontOf(choice: FontChoice, style: FontStyle): Font {
  return fontAt(fontFiles(choice)[style]);
}

/** The most values remembered per font and kind, before they are forgotten and measured anew. */
const MAX_PER_FONT = 200_000;

/** Wraps `compute` in a cache per font and key, kept while the font is (fonts are shared across documents). */

export function perFont<K, V extends object | string | number | boolean>(
  compute: (font: Font, key: K) => V,
): (font: Font, key: K) => V {
  const caches = new WeakMap<Font, Map<K, V>>();
  return (font, key) => {
    let known = caches.get(font);
    if (!known) {
      known = new Map();
      caches.set(font, known);
    }
    let value = known.get(key);
    if (value === undefined) {
      value = compute(font, key);
      // Bounded: hostile text (a long address broken into many parts) must not grow it without end.
      if (known.size >= MAX_PER_FONT) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

/** True when the font has a glyph for the code point. */
export const covers = perFont((font, codePoint: number) => font.hasGlyphForCodePoint(codePoint));
