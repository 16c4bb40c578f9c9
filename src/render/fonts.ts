/**
 * Fonts for PDF handouts: the Noto families shipped as npm packages (or a template's own TrueType
 * files), each parsed once per process by fontkit and shared by every document (pdfkit accepts a
 * parsed font), and which characters each can draw.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import type { FontChoice } from './template.js';

/** The four styles of a family. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A family as parsed fonts, by style. */
export type FontSet = Record<FontStyle, Font>;

const require = createRequire(import.meta.url);

/** The TrueType files of the families shipped with alliance, by package and style. */
const SHIPPED: Record<string, { package: string; prefix: string; styles: Record<FontStyle, string> }> = {
  'Noto Sans': {
    package: '@expo-google-fonts/noto-sans',
    prefix: 'NotoSans',
    styles: { regular: '400Regular', bold: '700Bold', italic: '400Regular_Italic', boldItalic: '700Bold_Italic' },
  },
  'Noto Serif': {
    package: '@expo-google-fonts/noto-serif',
    prefix: 'NotoSerif',
    styles: { regular: '400Regular', bold: '700Bold', italic: '400Regular_Italic', boldItalic: '700Bold_Italic' },
  },
  'Noto Sans Mono': {
    package: '@expo-google-fonts/noto-sans-mono',
    prefix: 'NotoSansMono',
    styles: { regular: '400Regular', bold: '700Bold', italic: '400Regular', boldItalic: '700Bold' },
  },
};

const parsed = new Map<string, Font>();

type GlyphRun = ReturnType<Font['layout']>;

/** A laid-out run handed to pdfkit: shared glyphs, its own copy of the positions (pdfkit scales them in place). */
class CachedRun {
  constructor(readonly glyphs: GlyphRun['glyphs'], readonly positions: GlyphRun['positions']) {}

  /** The run's width, from its positions as they are now (pdfkit reads it after scaling them). */
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

const MAX_RUNS = 100_000;

/**
 * Makes a font remember its layouts across documents. OpenType shaping (GSUB, GPOS) took most of the
 * time of a PDF build, and pdfkit only remembers a word's shape within one document; the same words
 * recur in every statement.
 */
function rememberLayouts(font: Font): Font {
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = ((text: string, features?: unknown, ...rest: unknown[]) => {
    if (features !== undefined || rest.length > 0) return layout(text, features as never, ...(rest as []));
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= MAX_RUNS) runs.clear();
      run = layout(text);
      runs.set(text, run);
    }
    return new CachedRun(run.glyphs, run.positions.map((position) => ({ ...position }))) as unknown as GlyphRun;
  }) as Font['layout'];
  return font;
}

/** Parses a font file once per process. */
export function fontAt(path: string): Font {
  let font = parsed.get(path);
  if (!font) {
    font = rememberLayouts(create(readFileSync(path)) as Font);
    parsed.set(path, font);
  }
  return font;
}

/** The file of a shipped family's style. */
export function shippedFontFile(family: string, style: FontStyle): string {
  const entry = SHIPPED[family] ?? SHIPPED['Noto Sans']!;
  const folder = dirname(require.resolve(`${entry.package}/package.json`));
  const weight = entry.styles[style];
  return join(folder, weight, `${entry.prefix}_${weight}.ttf`);
}

/** The files of a font choice by style: a template's own files, falling back to its regular one. */
export function fontFiles(choice: FontChoice): Record<FontStyle, string> {
  const styles: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];
  if ('files' in choice) {
    const { files } = choice;
    return { regular: files.regular, bold: files.bold ?? files.regular, italic: files.italic ?? files.regular, boldItalic: files.boldItalic ?? files.bold ?? files.regular };
  }
  return Object.fromEntries(styles.map((style) => [style, shippedFontFile(choice.family, style)])) as Record<FontStyle, string>;
}

/** The parsed fonts of a font choice. */
export function fontSet(choice: FontChoice): FontSet {
  const files = fontFiles(choice);
  return { regular: fontAt(files.regular), bold: fontAt(files.bold), italic: fontAt(files.italic), boldItalic: fontAt(files.boldItalic) };
}

const coverage = new WeakMap<Font, Map<number, boolean>>();

/** True when the font has a glyph for the code point. */
export function covers(font: Font, codePoint: number): boolean {
  let known = coverage.get(font);
  if (!known) {
    known = new Map();
    coverage.set(font, known);
  }
  let has = known.get(codePoint);
  if (has === undefined) {
    has = font.hasGlyphForCodePoint(codePoint);
    known.set(codePoint, has);
  }
  return has;
}
