/**
 * Makes a DOCX reproducible: the docx library writes the current time into the document properties
 * and the zip entries, and random relationship ids. The package is rewritten with the given date,
 * sequential ids, the document's language in its properties, and entries in a fixed order.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** What the normalized package carries. */
export interface NormalizeOptions {
  date: Date;
  language: string;
}

const RANDOM_ID = /rId[A-Za-z0-9_-]{12,}/g;

/** Rewrites a packed .docx so the same document always gives the same bytes. */
export function normalizeDocx(packed: Uint8Array, options: NormalizeOptions): Uint8Array {
  const entries = unzipSync(packed);
  const names = Object.keys(entries).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const ids = new Map<string, string>();
  const stamp = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Zip entries store local time: shift the date so every time zone writes the same fields.
  const zipTime = new Date(options.date.getTime() + options.date.getTimezoneOffset() * 60_000);
  const files: Zippable = {};
  // Ids are renamed in a fixed order of files, so the same document gets the same ids.
  for (const name of names) {
    let bytes = entries[name]!;
    if (/\.(xml|rels)$/.test(name)) {
      let text = strFromU8(bytes);
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
        if (!text.includes('<dc:language>')) text = text.replace('</cp:coreProperties>', `<dc:language>${escapeXml(options.language)}</dc:language></cp:coreProperties>`);
      }
      bytes = strToU8(text);
    }
    files[name] = [bytes, { mtime: zipTime, level: name.startsWith('word/media/') ? 0 : 6 }];
  }
  return zipSync(files, { mtime: zipTime });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
