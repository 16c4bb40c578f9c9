/** Small PNG files of every colour type, bit depth and interlacing, made byte by byte for the tests. */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** A PNG of `width` × `height` with the given colour type, bit depth and interlacing, every sample byte `fill`. */
export function makePng(
  width: number,
  height: number,
  colourType: number,
  depth: number,
  interlaced = false,
  fill = 0,
): Buffer {
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType]!;
  const rowBytes = (w: number) => 1 + Math.ceil((w * channels * depth) / 8);
  const passes = interlaced
    ? [
        [0, 0, 8, 8],
        [4, 0, 8, 8],
        [0, 4, 4, 8],
        [2, 0, 4, 4],
        [0, 2, 2, 4],
        [1, 0, 2, 2],
        [0, 1, 1, 2],
      ].map(([x, y, dx, dy]) => [Math.ceil((width - x!) / dx!), Math.ceil((height - y!) / dy!)])
    : [[width, height]];
  const size = passes.reduce((sum, [w, h]) => sum + (w! > 0 && h! > 0 ? h! * rowBytes(w!) : 0), 0);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([depth, colourType, 0, 0, interlaced ? 1 : 0], 8);
  const palette = colourType === 3 ? [chunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255]))] : [];
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...palette,
    chunk('IDAT', deflateSync(samples(passes, rowBytes, size, fill))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Filtered scanlines: filter type 0 at the start of each, `fill` elsewhere. */
function samples(passes: number[][], rowBytes: (width: number) => number, size: number, fill: number): Buffer {
  const raw = Buffer.alloc(size, fill);
  let offset = 0;
  for (const [w, h] of passes) {
    if (!(w! > 0 && h! > 0)) continue;
    for (let row = 0; row < h!; row += 1, offset += rowBytes(w!)) raw[offset] = 0;
  }
  return raw;
}

/** The same PNG with its image data replaced by bytes that do not inflate, checksums made right again. */
export function damagePng(png: Buffer): Buffer {
  const at = png.indexOf('IDAT', 0, 'latin1');
  const length = png.readUInt32BE(at - 4);
  const body = Buffer.alloc(length, 0xff);
  return Buffer.concat([png.subarray(0, at - 4), chunk('IDAT', body), png.subarray(at + 4 + length + 4)]);
}
