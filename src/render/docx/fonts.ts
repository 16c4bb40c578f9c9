/**
 * The fonts a DOCX handout uses, embedded in it as Word does with "Embed fonts in the file", so that
 * Word and LibreOffice on a PC without Noto lay the handout out as the PDF: each face subset (HarfBuzz's
 * hb-subset, fonts/subset.ts) and obfuscated as the standard asks.
 *
 * Every handout embeds the same subset of a face: the blocks real statements draw on in the six
 * languages (Latin with its extensions, combining accents, Greek, Cyrillic, Arabic, punctuation,
 * currency, letterlike symbols such as №, the minus sign). LibreOffice keeps the first embedded font of
 * a name it meets for the rest of a session, so per-document subsets would leave a second handout with
 * the first one's letters only. Characters outside those blocks (Chinese) are added to the handout's own,
 * and the face of their script is then named for what it holds (`Noto Sans SC 1a2b3c4d`, in the font's
 * name table, the font table and the runs), so that a handout opened after another in one LibreOffice
 * session never draws its rarer characters blank. Each subset is made, obfuscated and deflated once per
 * process.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Handout, Block, Inline } from '../model/handout.js';
import { decodeEntities, escapeHtml } from '../../model/html-text.js';
import { fontFiles, missingFontPackage, type FontStyle } from '../fonts/files.js';
import { renameFamily } from '../fonts/rename.js';
import { hasScript, scriptFamilies } from '../fonts/scripts.js';
import type { FontChoice } from '../model/template.js';

/** The parts of a package, path → XML or bytes, as the renderer assembles them. */
type Parts = Map<string, string | Uint8Array>;

/** The Unicode blocks every embedded subset holds (start, end). */
const BLOCKS: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x00ff],
  [0x0100, 0x017f],
  [0x0180, 0x024f],
  [0x0300, 0x036f],
  [0x0370, 0x03ff],
  [0x0400, 0x04ff],
  [0x0600, 0x06ff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
  [0x2150, 0x218f],
  [0x2200, 0x22ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];

/** The characters of every block, once. */
const BLOCK_TEXT = BLOCKS.map(([start, end]) =>
  Array.from({ length: end - start + 1 }, (_, index) => String.fromCodePoint(start + index)).join(''),
).join('');

/** The characters outside the blocks every subset holds, sorted. */
function outsideBlocks(characters: Iterable<string>): string {
  const others = new Set<string>();
  for (const character of characters) {
    const code = character.codePointAt(0)!;
    if (!BLOCKS.some(([start, end]) => code >= start && code <= end)) others.add(character);
  }
  return [...others].sort().join('');
}

/** The text a subset covers for a handout whose characters outside the blocks are `others`: every block, and those. */
function repertoire(others: string): string {
  return BLOCK_TEXT + others;
}

/**
 * The name a script's face is embedded under when the handout uses characters of that script outside
 * the shared blocks (`others`): the family and a hash of those characters. Undefined for every other face.
 */
function contentFamily(family: string, others: string): string | undefined {
  const script = scriptFamilies().find((entry) => entry.family === family)?.script;
  if (others === '' || script === undefined || !hasScript(others, script)) return undefined;
  return `${family} ${createHash('sha256').update(others).digest('hex').slice(0, 8)}`;
}

/** A face to embed: the family Word knows it by, its style, and its file. */
interface Face {
  family: string;
  style: FontStyle;
  file: string;
  /** A template's own file, which may be edited while the process runs; the package's fonts are not. */
  own: boolean;
}

/** An embedded face, ready to write: obfuscated bytes, the key they are obfuscated with. */
interface EmbeddedFace {
  bytes: Uint8Array;
  key: string;
}

const made = new Map<string, Promise<EmbeddedFace | null>>();
const MAX_MADE = 256;
/** Keys under which the zip writer may deflate a face once for every handout that embeds it. */
export const embeddedPartKeys = new WeakMap<Uint8Array, string>();

/** Obfuscates a font as ECMA-376 asks: its first 32 bytes XORed with the key's bytes, in reverse order. */
export function obfuscate(font: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const bytes = Array.from({ length: 16 }, (_, index) => parseInt(hex.slice(30 - index * 2, 32 - index * 2), 16));
  const out = new Uint8Array(font);
  for (let index = 0; index < 32 && index < out.length; index += 1) out[index]! ^= bytes[index % 16]!;
  return out;
}

/** A GUID made from the subset's bytes: the same face gives the same key, and the same handout the same bytes. */
function keyOf(bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex').toUpperCase();
  return `{${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}}`;
}

/**
 * The face subset to `text`, named `name` where given, and obfuscated, once per process for each file
 * and repertoire; null if it cannot be.
 */
function embed(face: Face, text: string, name?: string): Promise<EmbeddedFace | null> {
  // A template's own font edited during `--watch` is subset anew.
  let stamp = '';
  try {
    if (face.own) {
      const stat = statSync(face.file);
      stamp = `${stat.size}\0${stat.mtimeMs}`;
    }
  } catch {
    // Unreadable: the subset below fails, and the face is left out.
  }
  const cacheKey = `${face.file}\0${stamp}\0${name ?? ''}\0${text}`;
  let face$ = made.get(cacheKey);
  if (!face$) {
    face$ = (async () => {
      const { subsetFont } = await import('../fonts/subset.js');
      const cut = await subsetFont(() => readFileSync(face.file), text, `${face.file}\0${stamp}`);
      const subset = name === undefined ? cut : renameFamily(cut, face.family, name);
      const key = keyOf(subset);
      const bytes = obfuscate(subset, key);
      embeddedPartKeys.set(bytes, `font\0${key}`);
      return { bytes, key };
    })().catch(() => null);
    if (made.size >= MAX_MADE) made.clear();
    made.set(cacheKey, face$);
  }
  return face$;
}

/** Text that may hold a character outside printable ASCII: written out, or as a reference other than XML's five. */
const MAY_BE_UNUSUAL = /[^\x20-\x7e]|&(?!(?:amp|lt|gt|quot|apos);)/;

/**
 * What the handout's text uses: its characters beyond printable ASCII (which every subset holds), and whether any
 * of it is bold, italic or code.
 */
function usage(handout: Handout, parts: Parts): { characters: Set<string>; italic: boolean; code: boolean } {
  const characters = new Set<string>();
  for (const [path, data] of parts) {
    if (!/^word\/(document|header\d*|footer\d*|footnotes|numbering)\.xml$/.test(path) || typeof data !== 'string')
      continue;
    // The text of runs, and the bullets of lists.
    for (const match of data.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:lvlText w:val="([^"]*)"/g)) {
      const written = match[1] ?? match[2] ?? '';
      if (!MAY_BE_UNUSUAL.test(written)) continue;
      for (const character of decodeEntities(written))
        if (character < ' ' || character > '\x7e') characters.add(character);
    }
  }
  let italic = false;
  let code = false;
  const inline = (item: Inline) => {
    if (item.type !== 'text') return;
    italic ||= item.marks.italic === true;
    code ||= item.marks.code === true;
  };
  const block = (item: Block): void => {
    if (item.type === 'paragraph' || item.type === 'heading') item.inlines.forEach(inline);
    else if (item.type === 'quote') {
      // Quotes are set in italics (the Handout Quote style).
      italic = true;
      item.blocks.forEach(block);
    } else if (item.type === 'list') item.items.forEach((entry) => entry.blocks.forEach(block));
    else if (item.type === 'table') item.rows.forEach((row) => row.forEach((cell) => cell.forEach(inline)));
    else if (item.type === 'code') code = true;
  };
  handout.blocks.forEach(block);
  handout.notes.forEach((note) => note.blocks.forEach(block));
  return { characters, italic, code };
}

/** The faces the handout's runs name: the template's families, and those of Arabic and Chinese text. */
function facesOf(handout: Handout, use: ReturnType<typeof usage>): Face[] {
  const faces = new Map<string, Face>();
  const add = (family: string, choice: FontChoice, styles: FontStyle[]) => {
    let files: Record<FontStyle, string>;
    try {
      files = fontFiles(choice);
    } catch {
      return; // A family not installed: the DOCX names it, as before, and the PDF's build says what to install.
    }
    for (const style of styles) {
      const file = files[style];
      // A style drawn with another's file (no italics) is that face: Word synthesizes the slant.
      if (![...faces.values()].some((face) => face.family === family && face.file === file))
        faces.set(`${family}\0${style}`, { family, style, file, own: 'files' in choice });
    }
  };
  const { fonts } = handout.template;
  const styles: FontStyle[] = use.italic ? ['regular', 'bold', 'italic', 'boldItalic'] : ['regular', 'bold'];
  add(fonts.body.family, fonts.body, styles);
  add(fonts.headings.family, fonts.headings, ['regular', 'bold']);
  if (use.code) add(fonts.code.family, fonts.code, ['regular', 'bold']);
  const characters = [...use.characters].join('');
  for (const { script, family } of scriptFamilies())
    if (hasScript(characters, script) && !missingFontPackage(family)) add(family, { family }, ['regular', 'bold']);
  return [...faces.values()];
}

/** Every run, style and font table entry of the package that names `family`, made to name `name`. */
function renameInParts(parts: Parts, family: string, name: string): void {
  const attribute = `="${escapeHtml(family)}"`;
  for (const [path, data] of parts)
    if (typeof data === 'string' && path.startsWith('word/') && path.endsWith('.xml') && data.includes(attribute))
      parts.set(path, data.replaceAll(attribute, `="${escapeHtml(name)}"`));
}

const EMBED_ELEMENT: Record<FontStyle, string> = {
  regular: 'w:embedRegular',
  bold: 'w:embedBold',
  italic: 'w:embedItalic',
  boldItalic: 'w:embedBoldItalic',
};

const FONT_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';

/**
 * Embeds the handout's fonts in its parts: the faces in word/fonts/, the font table naming them with
 * their keys, and the settings that tell Word the fonts are embedded, as subsets.
 */
export async function embedFonts(parts: Parts, handout: Handout): Promise<void> {
  const use = usage(handout, parts);
  // The characters beyond the shared blocks, found once: the subsets' text and the faces' names both need them.
  const others = outsideBlocks(use.characters);
  const text = repertoire(others);
  const faces = facesOf(handout, use);
  const names = new Map(faces.map((face) => [face.family, contentFamily(face.family, others)]));
  const embedded = await Promise.all(faces.map((face) => embed(face, text, names.get(face.family))));
  const byFamily = new Map<string, string[]>();
  const relationships: string[] = [];
  faces.forEach((face, index) => {
    const font = embedded[index];
    if (!font) return;
    const id = `rIdFont${relationships.length + 1}`;
    const target = `fonts/font${relationships.length + 1}.odttf`;
    parts.set(`word/${target}`, font.bytes);
    relationships.push(`<Relationship Id="${id}" Type="${FONT_RELATIONSHIP}" Target="${target}"/>`);
    const family = names.get(face.family) ?? face.family;
    const list = byFamily.get(family) ?? [];
    list.push(`<${EMBED_ELEMENT[face.style]} r:id="${id}" w:fontKey="${font.key}"/>`);
    byFamily.set(family, list);
  });
  if (relationships.length === 0) return;
  for (const [family, name] of names) if (name !== undefined && byFamily.has(name)) renameInParts(parts, family, name);
  const order = Object.values(EMBED_ELEMENT);
  const fonts = [...byFamily]
    .map(([family, elements]) => {
      // The schema's order: regular, bold, italic, bold italic.
      const sorted = elements.sort(
        (a, b) => order.indexOf(a.split(' ')[0]!.slice(1)) - order.indexOf(b.split(' ')[0]!.slice(1)),
      );
      // What Word substitutes by when it cannot use a face: a sans serif, or a monospaced one for code.
      const monospaced = family === handout.template.fonts.code.family;
      const kind = monospaced
        ? '<w:family w:val="modern"/><w:pitch w:val="fixed"/>'
        : '<w:family w:val="swiss"/><w:pitch w:val="variable"/>';
      return `<w:font w:name="${escapeHtml(family)}"><w:charset w:val="00"/>${kind}${sorted.join('')}</w:font>`;
    })
    .join('');
  const table = parts.get('word/fontTable.xml');
  if (typeof table === 'string')
    parts.set(
      'word/fontTable.xml',
      table.replace(/<w:fonts([^>]*?)\/>$|<w:fonts([^>]*)>/, (_whole, selfClosing?: string, open?: string) =>
        selfClosing !== undefined ? `<w:fonts${selfClosing}>${fonts}</w:fonts>` : `<w:fonts${open}>${fonts}`,
      ),
    );
  parts.set(
    'word/_rels/fontTable.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`,
  );
  const settings = parts.get('word/settings.xml');
  if (typeof settings === 'string' && !settings.includes('w:embedTrueTypeFonts')) {
    // CT_Settings' order: these come after displayBackgroundShape and before defaultTabStop.
    const flags = '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>';
    parts.set(
      'word/settings.xml',
      settings.includes('<w:displayBackgroundShape/>')
        ? settings.replace('<w:displayBackgroundShape/>', `<w:displayBackgroundShape/>${flags}`)
        : settings.includes('<w:defaultTabStop')
          ? settings.replace('<w:defaultTabStop', `${flags}<w:defaultTabStop`)
          : settings.replace(/(<w:settings[^>]*>)/, `$1${flags}`),
    );
  }
}
