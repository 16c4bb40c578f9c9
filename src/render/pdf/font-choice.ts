/**
 * Choosing fonts for a PDF's text: each run style's parsed font (the template's families, and the
 * Arabic and Chinese ones for text of those scripts), selected in the document on first use, its
 * measures (width, ascent), and the characters no font of the document can draw.
 */
import type { Font } from 'fontkit';
import type { Point } from '../../model/statement.js';
import { rememberFontWork } from './font-work.js';
import type { FontStyle } from '../fonts/files.js';
import { covers, fontOf, perFont } from '../fonts/parsed.js';
import { scriptFamilies, scriptFamily, type ScriptClass } from '../fonts/scripts.js';
import type { FontChoice, Template } from '../model/template.js';

/** A font family of a handout by role: the template's (`body`, `headings`, `code`), or a script with a family of its own (`arabic`, `han`). */
export type Family = string;

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

/** A character no font can draw, where it was first met. */
export interface MissingGlyph {
  character: string;
  place?: Point;
}

/** Characters nothing is drawn for: format controls, spaces, control characters. */
const INVISIBLE = /[\p{Cf}\p{Zs}\p{Cc}]/u;

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
export function keyOf(style: RunStyle): string {
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

/** The fonts of one document: chosen by family, style and script, registered with pdfkit on first use. */
export class FontChoices {
  readonly missing = new Map<string, MissingGlyph>();
  private readonly registered = new Set<string>();
  private readonly choices: Map<Family, FontChoice>;

  /** The fonts of this document by family and style. */
  private readonly fonts = new Map<string, Font>();

  private readonly scriptStyles = new WeakMap<RunStyle, Map<Family, RunStyle>>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    template: Template,
  ) {
    this.choices = new Map<Family, FontChoice>([
      ...Object.entries(template.fonts),
      ...scriptFamilies().map(({ script, family }): [Family, FontChoice] => [script, { family }]),
    ]);
  }

  /** The parsed font of a style (loaded the first time a document needs it, then kept for the document). */
  font(style: RunStyle): Font {
    const name = `${style.family}-${styleOf(style.bold, style.italic)}`;
    let font = this.fonts.get(name);
    if (!font) {
      font = fontOf(this.choices.get(style.family)!, styleOf(style.bold, style.italic));
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

  /** The width of `text` in points. */
  width(text: string, style: RunStyle): number {
    return (unitsWide(this.font(style), text) * style.size) / 1000;
  }

  /** The height of the font above the baseline, in points. */
  ascent(style: RunStyle): number {
    return ascentPerEm(this.font(style), 'ascent') * style.size;
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

  /** The style for text of a script: Arabic and Chinese take their own fonts; the rest keeps the style's. */
  styleFor(script: ScriptClass, base: RunStyle): RunStyle {
    const family: Family = scriptFamily(script) === undefined ? base.family : script;
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
}
