/**
 * A font file given another family name: its `name` table rewritten (family, full name, PostScript name,
 * unique id, typographic family) and its checksums made again. A DOCX's Chinese face is a subset of
 * what that handout uses; LibreOffice keeps the first embedded font of a name for its whole session, so
 * each such subset is named for its content, and a second handout never gets the first one's letters.
 */

/** The name ids that carry the family: family, unique id, full name, PostScript name, typographic family. */
const FAMILY_IDS = new Set([1, 3, 4, 6, 16]);

interface TableRecord {
  tag: string;
  data: Uint8Array;
}

/** The sum of a table's big-endian 32-bit words, as the OpenType checksum is defined. */
function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded = data.length % 4 === 0 ? data : new Uint8Array([...data, ...new Uint8Array(4 - (data.length % 4))]);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0;
  return sum;
}

/** Decodes a name record's string: UTF-16BE on the Unicode and Windows platforms, one byte a character on the Mac. */
function decodeName(platform: number, bytes: Uint8Array): string {
  if (platform === 1) return String.fromCharCode(...bytes);
  let text = '';
  for (let index = 0; index + 1 < bytes.length; index += 2)
    text += String.fromCharCode((bytes[index]! << 8) | bytes[index + 1]!);
  return text;
}

function encodeName(platform: number, text: string): Uint8Array {
  if (platform === 1) return Uint8Array.from(text, (character) => character.charCodeAt(0) & 0xff);
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index += 1) {
    bytes[index * 2] = text.charCodeAt(index) >> 8;
    bytes[index * 2 + 1] = text.charCodeAt(index) & 0xff;
  }
  return bytes;
}

/** The `name` table with every family-bearing name renamed from `from` to `to` (spaces dropped in PostScript names). */
function renamedNameTable(table: Uint8Array, from: string, to: string): Uint8Array {
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = view.getUint16(2);
  const storage = view.getUint16(4);
  const records: { platform: number; encoding: number; language: number; id: number; bytes: Uint8Array }[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = 6 + index * 12;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((field) =>
      view.getUint16(at + field),
    ) as [number, number, number, number, number, number];
    let bytes = table.subarray(storage + offset, storage + offset + length);
    if (FAMILY_IDS.has(id)) {
      const text = decodeName(platform, bytes);
      const renamed =
        id === 6
          ? text.replace(from.replace(/ /g, ''), to.replace(/ /g, ''))
          : text.includes(from)
            ? text.replace(from, to)
            : text;
      bytes = encodeName(platform, renamed);
    }
    records.push({ platform, encoding, language, id, bytes });
  }
  const header = 6 + records.length * 12;
  const size = header + records.reduce((total, record) => total + record.bytes.length, 0);
  const out = new Uint8Array(size);
  const writer = new DataView(out.buffer);
  writer.setUint16(0, 0);
  writer.setUint16(2, records.length);
  writer.setUint16(4, header);
  let offset = 0;
  records.forEach((record, index) => {
    const at = 6 + index * 12;
    [record.platform, record.encoding, record.language, record.id, record.bytes.length, offset].forEach(
      (value, field) => writer.setUint16(at + field * 2, value),
    );
    out.set(record.bytes, header + offset);
    offset += record.bytes.length;
  });
  return out;
}

/**
 * The font in `font` (a TrueType or OpenType file) named `to` where it was named `from`; the same bytes
 * when it has no `name` table or is not an sfnt.
 */
export function renameFamily(font: Uint8Array, from: string, to: string): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.length < 12) return font;
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x4f54544f) return font;
  const count = view.getUint16(4);
  const tables: TableRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = 12 + index * 16;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > font.length) return font;
    tables.push({ tag, data: font.subarray(offset, offset + length) });
  }
  const name = tables.find((table) => table.tag === 'name');
  if (!name) return font;
  name.data = renamedNameTable(name.data, from, to);
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const directory = 12 + tables.length * 16;
  const total = directory + tables.reduce((sum, table) => sum + Math.ceil(table.data.length / 4) * 4, 0);
  const out = new Uint8Array(total);
  const writer = new DataView(out.buffer);
  out.set(font.subarray(0, 12));
  let offset = directory;
  let headOffset = -1;
  tables.forEach((table, index) => {
    const at = 12 + index * 16;
    out.set(
      Uint8Array.from(table.tag, (character) => character.charCodeAt(0)),
      at,
    );
    const data = table.data.slice();
    if (table.tag === 'head' && data.length >= 12) {
      new DataView(data.buffer).setUint32(8, 0);
      headOffset = offset;
    }
    writer.setUint32(at + 4, checksum(data));
    writer.setUint32(at + 8, offset);
    writer.setUint32(at + 12, data.length);
    out.set(data, offset);
    offset += Math.ceil(data.length / 4) * 4;
  });
  if (headOffset >= 0) writer.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
