/**
 * Where the fonts of handouts are: the faces the built-in template uses, shipped in the package's
 * `fonts/` (Latin, Cyrillic, Greek and Arabic); larger families from their npm packages, when a project
 * installs them (Chinese, Noto Serif); or a template's own TrueType files. Reading them is fonts.ts's
 * job: a DOCX, which embeds the files, does not load the font parser.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontChoice } from '../model/template.js';

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
const BUNDLED = fileURLToPath(new URL('../../../fonts/', import.meta.url));

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
  // Arabic and Chinese have no italics: emphasis in them is drawn upright (which family draws which
  // script: src/data/scripts.yaml).
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
