/**
 * A PNG with an alpha channel that is opaque everywhere (what most tools write for a plain picture),
 * written anew without it: 8-bit RGB or grey, so that the PDF embeds its image data as it is instead of
 * splitting an alpha channel out of it. Done in one pass over the image data, unfiltered in place: a
 * 16-megapixel picture took 3 s and 200 MB more through a general PNG decoder and encoder.
 */
import * as zlib from 'node:zlib';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** CRC-32 as PNG checks it: Node's own from 20.15, else a table of the standard polynomial. */
const crc32 =
  (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ??
  ((): ((data: Uint8Array) => number) => {
    const table = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let bit = 0; bit < 8; bit += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    return (data) => {
      let crc = 0xffffffff;
      for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
      return (crc ^ 0xffffffff) >>> 0;
    };
  })();

/** A chunk of a PNG file: length, type, body and checksum. */
function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)) >>> 0, 8 + body.length);
  return out;
}

/** Paeth's predictor, as the PNG standard defines it. */
function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
}

/** Undoes the filter of each scanline in place (`stride` bytes of pixels after each filter byte). */
function unfilter(data: Uint8Array, height: number, stride: number, bytesPerPixel: number): void {
  for (let row = 0; row < height; row += 1) {
    const start = row * (stride + 1) + 1;
    const end = start + stride;
    // Each filter is a loop of its own; the first row has zeros above it.
    const first = row === 0;
    switch (data[start - 1]) {
      case 1:
        for (let index = start + bytesPerPixel; index < end; index += 1)
          data[index] = (data[index]! + data[index - bytesPerPixel]!) & 0xff;
        break;
      case 2:
        if (!first)
          for (let index = start; index < end; index += 1)
            data[index] = (data[index]! + data[index - stride - 1]!) & 0xff;
        break;
      case 3:
        for (let index = start; index < end; index += 1) {
          const left = index - start >= bytesPerPixel ? data[index - bytesPerPixel]! : 0;
          const up = first ? 0 : data[index - stride - 1]!;
          data[index] = (data[index]! + ((left + up) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let index = start; index < end; index += 1) {
          const inFirstPixel = index - start < bytesPerPixel;
          const left = inFirstPixel ? 0 : data[index - bytesPerPixel]!;
          const up = first ? 0 : data[index - stride - 1]!;
          const upLeft = first || inFirstPixel ? 0 : data[index - bytesPerPixel - stride - 1]!;
          data[index] = (data[index]! + paeth(left, up, upLeft)) & 0xff;
        }
        break;
      default:
    }
  }
}

/**
 * The PNG `data` (whole, checked) without its alpha channel, when it is 8-bit, not interlaced, of
 * colour type 6 (RGBA) or 4 (grey and alpha), and opaque everywhere; otherwise undefined. `filtered` is
 * its image data inflated (png-check.ts), which this changes.
 */
export function withoutOpaqueAlpha(data: Uint8Array, filtered: Buffer): Uint8Array | undefined {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colourType, , , interlace] = [bytes[24], bytes[25], bytes[26], bytes[27], bytes[28]];
  if (depth !== 8 || interlace !== 0 || (colourType !== 6 && colourType !== 4)) return undefined;
  const channels = colourType === 6 ? 4 : 2;
  const stride = width * channels;
  const pixels = filtered;
  if (pixels.length !== (stride + 1) * height) return undefined;
  unfilter(pixels, height, stride, channels);
  for (let row = 0; row < height; row += 1) {
    const start = row * (stride + 1) + 1;
    for (let alpha = start + channels - 1; alpha < start + stride; alpha += channels)
      if (pixels[alpha] !== 255) return undefined;
  }
  // The colour without the alpha, each scanline unfiltered (filter type 0), into the same buffer.
  const kept = channels - 1;
  let to = 0;
  for (let row = 0; row < height; row += 1) {
    const start = row * (stride + 1) + 1;
    pixels[to++] = 0;
    for (let pixel = start; pixel < start + stride; pixel += channels)
      for (let channel = 0; channel < kept; channel += 1) pixels[to++] = pixels[pixel + channel]!;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colourType === 6 ? 2 : 0;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels.subarray(0, to))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
