/**
 * Fonts for PDF handouts: the faces the built-in template uses, shipped in the package's `fonts/`
 * (Latin, Cyrillic, Greek and Arabic); larger families from their npm packages, when a project
 * installs them (Chinese, Noto Serif); or a template's own TrueType files. Each is parsed once per
 * process by fontkit and shared by every document (pdfkit accepts a parsed font).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, type Font } from 'fontkit';
import type { FontChoice } from './template.js';

/** The four styles of a family. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const require = createRequire(import.meta.url);

/** The files of a family with italics, by style. */
const WITH_ITALICS: Record<FontStyle, string> = {
  regular: '400Regular',
  bold: '700Bold',
  italic: '400Regular_Italic',
  boldItalic: '700Bold_Italic',
};
/** The files of a family without italics: its italic styles are drawn upright. */
const UPRIGHT_ONLY: Record<FontStyle, string> = {
  regular: '400Regular',
  bold: '700Bold',
  italic: '400Regular',
  boldItalic: '700Bold',
};

/** The package's own folder of fonts. */
const BUNDLED = fileURLToPath(new URL('../../fonts/', import.meta.url));

/**
 * The TrueType files of the families alliance knows, by package and style: `bundled` ones ship in
 * `fonts/`; the others come from their package, installed by a project that needs them.
 */
const SHIPPED: Record<
  string,
  { package: string; prefix: string; styles: Record<FontStyle, string>; bundled?: boolean }
> = {
  'Noto Sans': {
    package: '@expo-google-fonts/noto-sans',
    prefix: 'NotoSans',
    styles: WITH_ITALICS,
    bundled: true,
  },
  'Noto Serif': {
    package: '@expo-google-fonts/noto-serif',
    prefix: 'NotoSerif',
    styles: WITH_ITALICS,
  },
  'Noto Sans Mono': {
    package: '@expo-google-fonts/noto-sans-mono',
    prefix: 'NotoSansMono',
    styles: UPRIGHT_ONLY,
    bundled: true,
  },
  // Arabic and Chinese have no italics: emphasis in them is drawn upright. The Arabic font draws each
  // letter form whole: Noto's Arabic fonts build dotted letters from shared shapes, which a PDF's text
  // layer cannot tell apart (copied text came out جريمة → حرتمة).
  'IBM Plex Sans Arabic': {
    package: '@expo-google-fonts/ibm-plex-sans-arabic',
    prefix: 'IBMPlexSansArabic',
    styles: UPRIGHT_ONLY,
    bundled: true,
  },
  'Noto Sans SC': {
    package: '@expo-google-fonts/noto-sans-sc',
    prefix: 'NotoSansSC',
    styles: UPRIGHT_ONLY,
  },
};

/** The families for Arabic and for Chinese (and Japanese kana) text, whatever the template's fonts. */
export const SCRIPT_FAMILIES = { arabic: 'IBM Plex Sans Arabic', cjk: 'Noto Sans SC' } as const;

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

/** The folder of a family's package, or undefined when the project has not installed it. */
function packageFolder(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/**
 * The npm package a known family needs and that is not installed (`@expo-google-fonts/noto-sans-sc`),
 * or undefined when the family can be used: `alliance build` names it instead of printing blanks.
 */
export function missingFontPackage(family: string): string | undefined {
  const entry = SHIPPED[family];
  if (!entry || entry.bundled) return undefined;
  return packageFolder(entry.package) === undefined ? entry.package : undefined;
}

/** The file of a shipped family's style. */
export function shippedFontFile(family: string, style: FontStyle): string {
  const entry = SHIPPED[family] ?? SHIPPED['Noto Sans']!;
  const weight = entry.styles[style];
  const name = `${entry.prefix}_${weight}.ttf`;
  if (entry.bundled && existsSync(join(BUNDLED, name))) return join(BUNDLED, name);
  const folder = packageFolder(entry.package);
  if (folder === undefined)
    throw new Error(
      `Expected the font package \`${entry.package}\` for \`${family}\`, found it not installed: run \`npm install ${entry.package}\``,
    );
  return join(folder, weight, name);
}

const filesOfFamily = new Map<string, Record<FontStyle, string>>();

/** The files of a font choice by style: a template's own files, falling back to its regular one. */
export function fontFiles(choice: FontChoice): Record<FontStyle, string> {
  if (!('files' in choice)) {
    let files = filesOfFamily.get(choice.family);
    if (!files) {
      files = shippedFiles(choice.family);
      filesOfFamily.set(choice.family, files);
    }
    return files;
  }
  return ownFiles(choice);
}

function shippedFiles(family: string): Record<FontStyle, string> {
  const styles: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];
  return Object.fromEntries(styles.map((style) => [style, shippedFontFile(family, style)])) as Record<
    FontStyle,
    string
  >;
}

function ownFiles(choice: Extract<FontChoice, { files: unknown }>): Record<FontStyle, string> {
  const { files } = choice;
  return {
    regular: files.regular,
    bold: files.bold ?? files.regular,
    italic: files.italic ?? files.regular,
    boldItalic: files.boldItalic ?? files.bold ?? files.regular,
  };
}

/** The font of a style of a font choice, parsed the first time text needs it. */
export function fontOf(choice: FontChoice, style: FontStyle): Font {
  return fontAt(fontFiles(choice)[style]);
}

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
      known.set(key, value);
    }
    return value;
  };
}

/** True when the font has a glyph for the code point. */
export const covers = perFont((font, codePoint: number) => font.hasGlyphForCodePoint(codePoint));
