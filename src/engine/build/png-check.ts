/**
 * Whether a PNG file is whole and as the standard has it: its chunks in bounds with their checksums,
 * a header, image data and an end, image data that inflates to exactly the size the header announces,
 * known filter types, and the palette and transparency chunks its colour type allows. The DOCX embeds
 * the file as it is, for Word to read: a damaged one is found here, with what is wrong in words, and
 * left out with a warning (the PDF gets the image decoded and written anew, see images.ts).
 */
import * as zlib from 'node:zlib';

/** Channels per pixel of each PNG colour type. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** The bit depths each colour type allows. */
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
/** The Adam7 passes of an interlaced image: first column and row, and steps. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The scanlines of an image of this size and format, as [count, bytes each with its filter byte], pass by pass. */
function scanlines(width: number, height: number, bitsPerPixel: number, interlaced: boolean): [number, number][] {
  const passes = interlaced
    ? ADAM7.map(([x, y, dx, dy]) => [Math.ceil((width - x) / dx), Math.ceil((height - y) / dy)])
    : [[width, height]];
  return passes.filter(([w, h]) => w! > 0 && h! > 0).map(([w, h]) => [h!, 1 + Math.ceil((w! * bitsPerPixel) / 8)]);
}

/** Whether every scanline starts with one of the five filter types. */
function filtersKnown(inflated: Uint8Array, lines: readonly [number, number][]): boolean {
  let offset = 0;
  for (const [count, bytes] of lines) {
    for (let line = 0; line < count; line += 1, offset += bytes) if (inflated[offset]! > 4) return false;
  }
  return true;
}

/**
 * What is wrong with a PNG file (its bytes, signature already checked), or, when it is whole, its image
 * data inflated (each scanline still filtered), which the caller may use instead of inflating it again.
 */
export function checkPng(data: Uint8Array): { damage: string } | { filtered: Buffer } {
  const damage = (reason: string) => ({ damage: reason });
  const result = inflatedImage(data);
  return typeof result === 'string' ? damage(result) : { filtered: result };
}

/** The inflated image data of a PNG file, or what is wrong with the file. */
function inflatedImage(data: Uint8Array): string | Buffer {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let header: Buffer | undefined;
  const image: Buffer[] = [];
  const seen = new Set<string>();
  let ended = false;
  for (let offset = 8; offset + 12 <= bytes.length && !ended;) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return 'its end cut off';
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (
      crc32 &&
      crc32(bytes.subarray(offset + 4, offset + 8 + length)) >>> 0 !== bytes.readUInt32BE(offset + 8 + length)
    )
      return `a damaged \`${type}\` chunk`;
    if (type === 'IHDR') header = body;
    else if (type === 'IDAT') image.push(body);
    else if (type === 'IEND') ended = true;
    seen.add(type);
    offset = end;
  }
  if (!header || header.length !== 13) return 'no header of the standard size';
  if (image.length === 0 || !ended) return 'its end cut off';
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colourType, , , interlace] = [header[8]!, header[9]!, header[10], header[11], header[12]!];
  const channels = CHANNELS[colourType];
  if (channels === undefined || !DEPTHS[colourType]!.includes(depth) || interlace > 1)
    return 'a format no reader knows';
  if (colourType === 3 && !seen.has('PLTE')) return 'a palette image without its palette';
  if ((colourType === 0 || colourType === 4) && seen.has('PLTE')) return 'a palette where its colour type allows none';
  if ((colourType === 4 || colourType === 6) && seen.has('tRNS')) return 'a transparency chunk beside an alpha channel';
  const lines = scanlines(width, height, channels * depth, interlace === 1);
  const expected = lines.reduce((sum, [count, bytes]) => sum + count * bytes, 0);
  let inflated: Buffer;
  try {
    // Never more than the header announces: a small file cannot inflate to gigabytes here.
    inflated = zlib.inflateSync(Buffer.concat(image), { maxOutputLength: expected + 1 });
  } catch {
    return 'image data that does not inflate';
  }
  if (inflated.length !== expected) return 'image data of the wrong size';
  return filtersKnown(inflated, lines) ? inflated : 'scanlines of an unknown filter type';
}
