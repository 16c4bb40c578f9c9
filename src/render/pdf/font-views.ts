/**
 * Views of a font that change what a PDF's text layer records, not what the page shows. Each is drawn
 * in the document's own embedded font of the family (see `withLayout` in text-layer.ts): pdf.js
 * starts a new text item at every change of font, and text items of a right-to-left line split
 * apart come out in display order, words reversed.
 *
 * A glyph recorded with other text than its own is given an alias: an id of its own, for the same
 * outline, so that the text layer holds one entry for each (glyph, text) and no entry is shared.
 */
import type { Font } from 'fontkit';
import { CachedRun, perFont, type GlyphRun } from '../fonts/parsed.js';

type Glyph = GlyphRun['glyphs'][number];

/** Glyph ids from here up are aliases: `ALIAS_STEP × n + id` is the glyph `id` recorded as text `n`. */
export const ALIAS_STEP = 1 << 17;
const aliasTexts = new Map<string, number>();

/**
 * The glyph id that draws glyph `id`, is recorded in the text layer as `text` and advances `advance`
 * font units (a PDF holds one width for each glyph of a font).
 */
function aliasOf(id: number, text: string, advance: number): number {
  const key = `${advance} ${text}`;
  let number = aliasTexts.get(key);
  if (number === undefined) {
    number = aliasTexts.size + 1;
    aliasTexts.set(key, number);
  }
  return ALIAS_STEP * number + id;
}

/** A glyph drawn as `glyph` and recorded as `text`, advancing `advanceWidth` (its own by default). */
function recordedAs(glyph: Glyph, text: string, advanceWidth = glyph.advanceWidth): Glyph {
  return Object.create(glyph, {
    id: { value: aliasOf(glyph.id, text, advanceWidth) },
    codePoints: { value: [...text].map((character) => character.codePointAt(0)!) },
    advanceWidth: { value: advanceWidth },
  }) as Glyph;
}

/** A view of `font` whose layouts are `layout`'s. */
function withLayoutOf(font: Font, layout: (text: string, ...rest: unknown[]) => GlyphRun): Font {
  return Object.create(font, { layout: { value: layout } }) as Font;
}

function layoutOf(font: Font): (text: string, ...rest: unknown[]) => GlyphRun {
  return font.layout.bind(font) as (text: string, ...rest: unknown[]) => GlyphRun;
}

/**
 * The font as it draws the mirrored form of a character in right-to-left text (the `)` drawn for a
 * `(`): the same glyphs, recorded as the characters of the source, so that copied text reads
 * `(مقارنة …)` and not `)مقارنة …(`.
 */
export const mirroredFont = perFont((font, mirror: (character: string) => string) =>
  withLayoutOf(font, (text, ...rest) => {
    const run = layoutOf(font)([...text].map(mirror).join(''), ...rest);
    const source = [...text];
    return new CachedRun(
      run.glyphs.map((glyph, index) => recordedAs(glyph, source[index] ?? '')),
      run.positions.map((position) => ({ ...position })),
    ) as unknown as GlyphRun;
  }),
);

/**
 * The font as it writes the text layer of right-to-left text with combining marks (harakat, tanwin,
 * shadda): each letter a glyph of its own at its pen position, with its marks where it begins. poppler reads a mark where
 * the font places it, above and into its letter, as a word of its own on the line above (`الضحايا ً` /
 * `أولا`), and readers take the letters of a ligature (`بر`, `ني`) as equally wide, so a mark over its
 * first letter came after the second. Such text is written invisibly this way, scaled to the width of
 * what is drawn (`unligatedWidth`), and drawn as outlines (`outlineOperators`).
 */
export function marksAtLetters(font: Font): Font {
  return marksView(font, null);
}

/** Features off for the text layer of text with marks: ligatures, whose letters readers take as equally wide. */
const UNLIGATED = { rlig: false, liga: false, clig: false, dlig: false };

const marksView = perFont((font, _key: null) =>
  withLayoutOf(font, (text) => {
    const glyphs = spacesBeforeMarks(layoutOf(font)(text, UNLIGATED).glyphs);
    // Each glyph advances by its own width, moved by nothing, marks (of no width) where their letter
    // begins: readers see no gap inside a word (a kerned letter left one, `ج زيلاً`), and pdfkit places
    // no glyph by itself, unscaled by the horizontal scaling the text is written with (`جز يلاً`).
    return new CachedRun(
      glyphs,
      glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })),
    ) as unknown as GlyphRun;
  }),
);

const MARK = /^\p{M}/u;

/**
 * The glyphs (display order) with a space just before a mark (at the left end of a word that ends
 * with a mark) recorded as a right-to-left mark and a space. pdf.js takes a space for the gap before
 * the first glyph after it that is no mark, and a mark for no glyph at all: it put the space inside
 * the word (`شكرا ً`). Recorded so, the space is a glyph pdf.js places, and the mark follows it.
 */
function spacesBeforeMarks(glyphs: readonly Glyph[]): Glyph[] {
  return glyphs.map((glyph, index) => {
    const next = glyphs[index + 1];
    if (glyph.codePoints.length !== 1 || glyph.codePoints[0] !== 0x20 || !next) return glyph;
    return MARK.test(String.fromCodePoint(...next.codePoints)) ? recordedAs(glyph, SPACE_KEPT) : glyph;
  });
}

/** The width of `text` as `marksAtLetters` writes it, in font units. */
export function unligatedWidth(font: Font, text: string): number {
  return layoutOf(font)(text, UNLIGATED).glyphs.reduce((width, glyph) => width + glyph.advanceWidth, 0);
}

/**
 * The font as it writes one direction mark (U+200E or U+200F) into the text layer: its own glyph for
 * it, or a copy of its space, recorded as the mark and advancing nothing.
 */
export const directionMarkFont = perFont((font, mark: string) => invisibleFont(font, mark, 0));

/**
 * A space as the text layer holds it where pdf.js would drop one (see `writeEdgeSpace` and
 * `writeOpenEnd` in text-layer.ts): a right-to-left mark and a space, which pdf.js, unlike a space,
 * does not take for white space. pdf.js drops the right-to-left mark of its own accord only alone.
 */
export const SPACE_KEPT = '\u200f ';

/** The font as it writes `text` with one glyph a thousandth of an em wide (see `writeOpenEnd` in text-layer.ts). */
export const openEndFont = perFont((font, text: string) => invisibleFont(font, text, font.unitsPerEm / 1000));

/**
 * The font as it draws `drawn` (a sign) and records nothing of it but a right-to-left mark, which
 * pdf.js drops: the sign is written elsewhere (see `runEnds` in line-draw.ts).
 */
export const silentFont = perFont((font, drawn: string) =>
  withLayoutOf(font, () => {
    const run = layoutOf(font)(drawn, []);
    return new CachedRun(
      run.glyphs.map((glyph) => recordedAs(glyph, '\u200f')),
      run.positions.map((position) => ({ ...position })),
    ) as unknown as GlyphRun;
  }),
);

/** The font as it writes `SPACE_KEPT` as a space `advance` font units wide (see `writeEdgeSpace` in text-layer.ts). */
export const edgeSpaceFont = perFont((font, advance: number) => invisibleFont(font, SPACE_KEPT, advance));

/** The font as it writes `text` with one glyph: its own for the text's first character or a copy of its space, advancing `advance`. */
function invisibleFont(font: Font, text: string, advance: number): Font {
  const own = font.glyphForCodePoint(text.codePointAt(0)!);
  const glyph = recordedAs(own.id !== 0 ? own : font.glyphForCodePoint(0x20), text, advance);
  return withLayoutOf(
    font,
    () =>
      new CachedRun([glyph], [
        { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0 },
      ] as GlyphRun['positions']) as unknown as GlyphRun,
  );
}

/** A glyph of a run placed on the page: its id, and where its origin goes, in font units from the run's left end on its baseline (y up). */
export interface PlacedGlyph {
  id: number;
  x: number;
  y: number;
}

/** How far past its own width the shaper may move a glyph (a share of the em) before readers see a gap: both take about a tenth of the em for a space. */
const GAP_SHARE = 0.08;

/**
 * True when the shaper advances a glyph of `text` well past its own width: IBM Plex Sans Arabic puts
 * 140 units after the alef of `أكثر` and `أكتوبر`, which a PDF writes as a gap between glyphs, and
 * poppler and pdf.js both read as a space (`أ كثر`). Such words are written as words with marks are.
 */
export const spacedApart = perFont((font, text: string) => {
  const run = font.layout(text, []);
  const gap = font.unitsPerEm * GAP_SHARE;
  return run.glyphs.some((glyph, index) => run.positions[index]!.xAdvance - glyph.advanceWidth > gap);
});

/** The glyphs of a right-to-left run shaped whole (display order), each where the font places it. */
export function runGlyphs(font: Font, text: string): PlacedGlyph[] {
  const run = font.layout(text, []);
  const placed: PlacedGlyph[] = [];
  let pen = 0;
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index]!;
    placed.push({ id: glyph.id, x: pen + position.xOffset, y: position.yOffset });
    pen += position.xAdvance;
  });
  return placed;
}

/** A fontkit path command. */
interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

/**
 * The outline of a glyph as the operators of a PDF content stream that fill it, in font units (y up);
 * empty for a glyph with no outline. Quadratic curves (TrueType) become the cubic ones PDF draws.
 */
export const outlineOperators = perFont((font, id: number): string => {
  const commands = (font.getGlyph(id) as unknown as { path: { commands: PathCommand[] } }).path.commands;
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  for (const { command, args } of commands) {
    if (command === 'moveTo' || command === 'lineTo') {
      [x, y] = args as [number, number];
      parts.push(`${x} ${y} ${command === 'moveTo' ? 'm' : 'l'}`);
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy, ex, ey] = args as [number, number, number, number];
      const round = (value: number) => Math.round(value * 100) / 100;
      parts.push(
        `${round(x + ((cx - x) * 2) / 3)} ${round(y + ((cy - y) * 2) / 3)} ${round(ex + ((cx - ex) * 2) / 3)} ${round(ey + ((cy - ey) * 2) / 3)} ${ex} ${ey} c`,
      );
      [x, y] = [ex, ey];
    } else if (command === 'bezierCurveTo') {
      parts.push(`${args.join(' ')} c`);
      [x, y] = [args[4]!, args[5]!];
    } else parts.push('h');
  }
  return parts.length > 0 ? `${parts.join('\n')}\nf` : '';
});
