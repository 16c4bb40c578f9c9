/**
 * Makes a DOCX reproducible: the docx library writes the current time into the document properties
 * and the zip entries, random relationship ids, and drawing ids counted across documents. The package
 * is rewritten with the given date, sequential ids, the document's language in its properties, and
 * entries in a fixed order.
 */
import { strFromU8, strToU8 } from 'fflate';
import { embeddedPartKeys } from './fonts.js';
import { zip, type ZipEntry } from './zip.js';

/** What the normalized package carries. */
export interface NormalizeOptions {
  date: Date;
  language: string;
}

const RANDOM_ID = /rId[A-Za-z0-9_-]{12,}/g;
/**
 * Characters XML 1.0 does not allow, which the library writes as they come: U+FFFE, U+FFFF and
 * unpaired surrogates (it drops the C0 controls itself). Word refuses a file that holds one.
 */
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any of those, or a surrogate that may be paired. */
const MAY_BE_NOT_XML = /[\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Parts that are the same in every handout of a template: encoded and deflated once, reused. */
const SHARED =
  /^(word\/(styles|settings|fontTable|webSettings|endnotes)\.xml|word\/theme\/.*|docProps\/(app|custom)\.xml|.*\.rels)$/;
/** Parts this small (rels, content types, footers, empty notes) often repeat from one handout to the next. */
const SMALL_PART = 4096;
/** Encoded texts of repeating parts, by text. */
const encoded = new Map<string, Uint8Array>();
const MAX_ENCODED = 256;

/** The UTF-8 bytes of a part's text, kept for the next document when the part is one that repeats. */
function encode(text: string, repeats: boolean): Uint8Array {
  if (!repeats) return strToU8(text);
  let bytes = encoded.get(text);
  if (!bytes) {
    bytes = strToU8(text);
    if (encoded.size < MAX_ENCODED) encoded.set(text, bytes);
  }
  return bytes;
}

/** True for parts given as a map. */
function isPartMap(
  parts: ReadonlyMap<string, string | Uint8Array> | Readonly<Record<string, Uint8Array>>,
): parts is ReadonlyMap<string, string | Uint8Array> {
  return parts instanceof Map;
}

/** Zips the parts of a .docx (path → XML text or bytes) so the same document always gives the same bytes. */
export function packDocx(
  parts: ReadonlyMap<string, string | Uint8Array> | Readonly<Record<string, Uint8Array>>,
  options: NormalizeOptions,
): Uint8Array {
  const entries: Record<string, string | Uint8Array> = isPartMap(parts) ? Object.fromEntries(parts) : { ...parts };
  const names = Object.keys(entries).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const ids = new Map<string, string>();
  const stamp = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files: ZipEntry[] = [];
  const texts = new Map<ZipEntry, string>();
  // The docx library numbers drawings with a counter that runs on across documents: renumber per document.
  let drawing = 0;
  // Ids are renamed in a fixed order of files, so the same document gets the same ids.
  for (const name of names) {
    const entry = entries[name]!;
    if (!/\.(xml|rels)$/.test(name)) {
      files.push({
        name,
        data: typeof entry === 'string' ? strToU8(entry) : entry,
        store: name.startsWith('word/media/'),
      });
      continue;
    }
    let text = typeof entry === 'string' ? entry : strFromU8(entry);
    // Each pass only where a quick look finds what it rewrites (the full patterns are slow on long parts).
    if (MAY_BE_NOT_XML.test(text)) text = text.replace(NOT_XML, '');
    if (text.includes('<wp:docPr'))
      text = text.replace(/(<wp:docPr id=")\d+"/g, (_, start: string) => `${start}${(drawing += 1)}"`);
    if (text.includes('rId'))
      text = text.replace(RANDOM_ID, (id) => {
        let stable = ids.get(id);
        if (!stable) {
          stable = `rIdH${ids.size + 1}`;
          ids.set(id, stable);
        }
        return stable;
      });
    if (name === 'docProps/core.xml') {
      text = text
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
      if (!text.includes('<dc:language>'))
        text = text.replace(
          '</cp:coreProperties>',
          `<dc:language>${escapeXml(options.language)}</dc:language></cp:coreProperties>`,
        );
    }
    const repeats = name !== 'docProps/core.xml' && (SHARED.test(name) || text.length <= SMALL_PART);
    const file = { name, data: encode(text, repeats) };
    if (repeats) texts.set(file, text);
    files.push(file);
  }
  // Deflated bytes depend on the text alone: the same text under any name is deflated once.
  return zip(files, options.date, (file) => texts.get(file) ?? embeddedPartKeys.get(file.data));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
