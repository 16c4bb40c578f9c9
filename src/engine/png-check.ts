/**
 * Whether a PNG file is whole: its chunks in bounds with their checksums, a header, image data and an
 * end, and image data that inflates to exactly the size the header announces. The PDF renderer's PNG
 * decoder fails on a damaged file, some of it asynchronously, where no caller can catch the error:
 * a damaged image must be found here, and left out with a warning, before it reaches a renderer.
 */
import * as zlib from 'node:zlib';

/** Channels per pixel of each PNG colour type. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** The bit depths each colour type allows. */
const DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
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

/** The bytes of filtered scanlines an image of this size and format inflates to. */
function rawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w > 0 && h > 0 ? h * (1 + Math.ceil((w * bitsPerPixel) / 8)) : 0);
  if (!interlaced) return rows(width, height);
  return ADAM7.reduce((sum, [x, y, dx, dy]) => sum + rows(Math.ceil((width - x) / dx), Math.ceil((height - y) / dy)), 0);
}

/** What is wrong with a PNG file (its bytes, signature already checked), or undefined when it is whole. */
export function pngDamage(data: Uint8Array): string | undefined {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let header: Buffer | undefined;
  const image: Buffer[] = [];
  let ended = false;
  for (let offset = 8; offset + 12 <= bytes.length && !ended; ) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return 'its end cut off';
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32 && crc32(bytes.subarray(offset + 4, offset + 8 + length)) >>> 0 !== bytes.readUInt32BE(offset + 8 + length)) return `a damaged \`${type}\` chunk`;
    if (type === 'IHDR') header = body;
    else if (type === 'IDAT') image.push(body);
    else if (type === 'IEND') ended = true;
    offset = end;
  }
  if (!header || header.length < 13) return 'no header';
  if (image.length === 0 || !ended) return 'its end cut off';
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colourType, , , interlace] = [header[8]!, header[9]!, header[10], header[11], header[12]!];
  const channels = CHANNELS[colourType];
  if (channels === undefined || !DEPTHS[colourType]!.includes(depth) || interlace > 1) return 'a format no reader knows';
  const expected = rawSize(width, height, channels * depth, interlace === 1);
  let inflated: Buffer;
  try {
    // Never more than the header announces: a small file cannot inflate to gigabytes here.
    inflated = zlib.inflateSync(Buffer.concat(image), { maxOutputLength: expected + 1 });
  } catch {
    return 'image data that does not inflate';
  }
  return inflated.length === expected ? undefined : 'image data of the wrong size';
}
