/**
 * A ZIP writer for DOCX packages, on Node's native zlib: deflating in C is several times faster than
 * in JavaScript, and the parts every handout of a template shares (styles, theme, settings) are
 * deflated once per process and reused. fflate, used elsewhere, has no way to take data already
 * deflated. Entries get a fixed date, so the same parts always give the same bytes.
 */
import * as zlib from 'node:zlib';
import { deflateRawSync } from 'node:zlib';

/** One file of the archive. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Store without compressing (images, already compressed). */
  store?: boolean;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value;
});

/** CRC-32 of bytes: Node's own where it has one (20.15 and later), else a table. */
function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(data);
  let crc = -1;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

const compressed = new Map<string, { crc: number; deflated: Uint8Array }>();
const MAX_CACHED = 256;

function deflate(entry: ZipEntry, key: string | undefined): { crc: number; deflated: Uint8Array } {
  const cached = key === undefined ? undefined : compressed.get(key);
  if (cached) return cached;
  const result = {
    crc: crc32(entry.data),
    deflated: entry.store ? entry.data : new Uint8Array(deflateRawSync(entry.data, { level: 6 })),
  };
  if (key !== undefined && compressed.size < MAX_CACHED) compressed.set(key, result);
  return result;
}

/** The DOS time and date fields of a date, read in UTC (so every time zone writes the same bytes). */
function dosTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** What a file's local header and its central directory entry both say about it. */
interface EntryFields {
  method: number;
  time: number;
  day: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/** Writes the run of fields both headers share (version needed to the name's length), from `at`. */
function writeEntryFields(header: Buffer, at: number, fields: EntryFields): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(fields.time, at + 6);
  header.writeUInt16LE(fields.day, at + 8);
  header.writeUInt32LE(fields.crc >>> 0, at + 10);
  header.writeUInt32LE(fields.compressed, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
}

/**
 * Writes a ZIP archive of `entries`, in their order, each dated `date`. `shared` names entries whose
 * text repeats across documents: their deflated bytes are kept for the next archive.
 */
export function zip(
  entries: readonly ZipEntry[],
  date: Date,
  shared: (entry: ZipEntry) => string | undefined = () => undefined,
): Uint8Array {
  const { time, day } = dosTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { crc, deflated } = deflate(entry, shared(entry));
    const fields: EntryFields = {
      method: entry.store ? 0 : 8,
      time,
      day,
      crc,
      compressed: deflated.length,
      size: entry.data.length,
      nameLength: name.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeEntryFields(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(deflated.buffer, deflated.byteOffset, deflated.length));
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
