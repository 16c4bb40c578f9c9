/**
 * Images of a statement, made safe to embed: only a local PNG or JPEG whose real path (links
 * resolved) lies inside the project, checked by its magic bytes, its size and its dimensions. A
 * remote address is never fetched. Anything else is left out, its alt text standing in, with a warning.
 *
 * The bound is on the work, not only on each file: an image is read and checked once per process
 * while it is unchanged (by its real path, size and time), shown by one `ImageData` however many
 * references name it (the PDF embeds it once), and the pixels of a statement's images and of a run's
 * are bounded (src/data/limits.yaml).
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { imageSize } from 'image-size';
import { loadData } from '../../data/load.js';
import { PNG as PngFile } from 'pngjs';
import type { Nodes } from 'mdast';
import { quote } from '../../model/describe.js';
import type { Point, Statement } from '../../model/statement.js';
import type { ImageData } from '../../render/model/handout.js';
import { checkPng } from './png-check.js';
import { withoutOpaqueAlpha } from './png-opaque.js';

/** The largest image embedded, in bytes. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** The largest side of an image embedded, in pixels. */
const MAX_IMAGE_SIDE = 20_000;

/** The bounds on images' pixels (src/data/limits.yaml): a handout's images need a few megapixels at most. */
interface ImageLimits {
  maxMegapixels: number;
  maxMegapixelsPerStatement: number;
  maxMegapixelsPerRun: number;
}

function imageLimits(): ImageLimits {
  return loadData<{ images: ImageLimits }>('limits.yaml').images;
}

/** What a run has spent of its pixels: the images it has shown, by file, and their megapixels in all. */
export interface ImageBudget {
  files: Set<string>;
  megapixels: number;
}

/** A new budget, for one run (a build, a view of the preview). */
export function imageBudget(): ImageBudget {
  return { files: new Set(), megapixels: 0 };
}

/** Images checked in this process, by real path, size and time: a run reads an unchanged image once. */
const checked = new Map<string, Checked>();
const MAX_CHECKED = 64;

/** The images of a statement by URL (null: not embedded), the files they come from, and warnings. */
export interface ResolvedImages {
  images: Map<string, ImageData | null>;
  files: string[];
  problems: { reason: string; place?: Point }[];
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Finds and checks every image the statement shows. */
export function resolveImages(
  statement: Statement,
  projectDir: string,
  budget: ImageBudget = imageBudget(),
): ResolvedImages {
  const result: ResolvedImages = { images: new Map(), files: [], problems: [] };
  const definitions = new Map<string, string>();
  const uses: { url: string; alt: string; place?: Point }[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if (node.type === 'image') uses.push({ url: node.url, alt: node.alt ?? '', place: node.position?.start });
    if (node.type === 'imageReference')
      uses.push({ url: `\0${node.identifier}`, alt: node.alt ?? '', place: node.position?.start });
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(statement.tree);
  let root: string;
  try {
    root = realpathSync(projectDir);
  } catch {
    root = resolve(projectDir);
  }
  const limits = imageLimits();
  // The images this statement shows, by file: each counted once against its bounds.
  const shown = new Map<string, ImageData>();
  let statementMegapixels = 0;
  for (const use of uses) {
    const url: string = use.url.startsWith('\0') ? (definitions.get(use.url.slice(1)) ?? '') : use.url;
    if (result.images.has(url)) continue;
    let outcome = checkImage(url, dirname(statement.path), root);
    if ('image' in outcome && !shown.has(outcome.file)) {
      const megapixels = (outcome.image.width * outcome.image.height) / 1_000_000;
      const inRun = budget.files.has(outcome.file);
      if (statementMegapixels + megapixels > limits.maxMegapixelsPerStatement)
        outcome = {
          reason: `Expected the images of a statement to hold at most ${limits.maxMegapixelsPerStatement} megapixels in all, found ${quote(url)} past it (${megapixels.toFixed(1)} megapixels): scale the images down`,
          file: outcome.file,
        };
      else if (!inRun && budget.megapixels + megapixels > limits.maxMegapixelsPerRun)
        outcome = {
          reason: `Expected the images of one run to hold at most ${limits.maxMegapixelsPerRun} megapixels in all, found ${quote(url)} past it: scale the images down, or build fewer statements at once`,
          file: outcome.file,
        };
      else {
        statementMegapixels += megapixels;
        if (!inRun) {
          budget.files.add(outcome.file);
          budget.megapixels += megapixels;
        }
        shown.set(outcome.file, outcome.image);
      }
    }
    // Another address of a file already shown (`a.png`, `./a.png`) shows the same image.
    result.images.set(url, 'image' in outcome ? (shown.get(outcome.file) ?? outcome.image) : null);
    if ('file' in outcome && outcome.file && !result.files.includes(outcome.file)) result.files.push(outcome.file);
    if ('reason' in outcome)
      result.problems.push({
        reason: `${outcome.reason}; its alt text ${quote(use.alt || '(none)')} stands in`,
        place: use.place,
      });
  }
  return result;
}

type Checked = { image: ImageData; file: string } | { reason: string; file?: string };

/**
 * Whether pdfkit embeds a PNG's image data as it is, without decoding it: 8 bits or fewer, not
 * interlaced, no alpha channel and no transparency chunk. Only the others are decoded and written anew.
 */
function embedsAsItIs(data: Uint8Array): boolean {
  const depth = data[24]!;
  const colourType = data[25]!;
  const interlaced = data[28] !== 0;
  if (depth > 8 || interlaced || colourType === 4 || colourType === 6) return false;
  // A transparency chunk anywhere before the image data (the standard puts it there).
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'tRNS') return false;
    if (type === 'IDAT') return true;
    offset += 12 + bytes.readUInt32BE(offset);
  }
  return false;
}

/**
 * A PNG decoded and written anew, 8-bit RGB (or RGBA where it has transparency), not interlaced; or
 * why it cannot be decoded. The PDF renderer's own PNG decoder fails, asynchronously and beyond any
 * catch, on files the standard allows (small interlaced images with transparency among them): it is
 * only ever given files written here.
 */
function rewrittenPng(data: Buffer): Uint8Array | string {
  try {
    const decoded = PngFile.sync.read(data);
    let opaque = true;
    for (let index = 3; index < decoded.data.length && opaque; index += 4) opaque = decoded.data[index] === 255;
    return PngFile.sync.write(decoded, { colorType: opaque ? 2 : 6, inputHasAlpha: true });
  } catch (error) {
    return `image data that cannot be decoded (${(error as Error).message})`;
  }
}

function checkImage(url: string, folder: string, root: string): Checked {
  if (url === '') return { reason: 'Expected an image address, found none' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return { reason: `Expected a local image, found the address ${quote(url)} (remote images are never fetched)` };
  }
  let path: string;
  try {
    path = realpathSync(resolve(folder, decodeURI(url.split(/[?#]/)[0]!)));
  } catch {
    return { reason: `Expected an image file at ${quote(url)}, found none` };
  }
  if (!path.startsWith(root + sep))
    return { reason: `Expected an image inside the project, found ${quote(url)} outside it` };
  const stat = statSync(path);
  if (!stat.isFile())
    return {
      reason: `Expected an image file at ${quote(url)}, found ${stat.isDirectory() ? 'a folder' : 'something else (a pipe, socket or device)'}`,
    };
  const { size } = stat;
  const key = `${path}\0${size}\0${stat.mtimeMs}`;
  const known = checked.get(key);
  if (known) return known;
  const outcome = checkImageFile(url, path, size);
  if (checked.size >= MAX_CHECKED) checked.delete(checked.keys().next().value!);
  checked.set(key, outcome);
  return outcome;
}

/** `checkImage` for a file found inside the project, of `size` bytes. */
function checkImageFile(url: string, path: string, size: number): Checked {
  if (size > MAX_IMAGE_BYTES)
    return {
      reason: `Expected an image of at most 10 MB, found ${quote(url)} of ${(size / 1048576).toFixed(1)} MB`,
      file: path,
    };
  const data = readFileSync(path);
  const format = startsWith(data, PNG) ? 'png' : startsWith(data, JPEG) ? 'jpg' : undefined;
  if (!format) return { reason: `Expected a PNG or JPEG image, found ${quote(url)} of another kind`, file: path };
  // The size the header announces is checked before anything is decoded: a PNG of 48 KB can announce
  // 20,000 × 20,000 pixels, which took 88 s and 4 GB to inflate.
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = imageSize(data));
  } catch {
    width = undefined;
  }
  if (!width || !height || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return {
      reason: `Expected a readable ${format.toUpperCase()} image, found ${quote(url)} damaged or too large`,
      file: path,
    };
  }
  const { maxMegapixels } = imageLimits();
  if (width * height > maxMegapixels * 1_000_000) {
    return {
      reason: `Expected an image of at most ${maxMegapixels} megapixels, found ${quote(url)} of ${width} × ${height} (${((width * height) / 1_000_000).toFixed(1)} megapixels): scale it down`,
      file: path,
    };
  }
  const png = format === 'png' ? checkPng(data) : undefined;
  if (png && 'damage' in png)
    return { reason: `Expected a readable PNG image, found ${quote(url)} with ${png.damage}`, file: path };
  let pdfData: Uint8Array = data;
  if (png && 'filtered' in png && !embedsAsItIs(data)) {
    const canonical = withoutOpaqueAlpha(data, png.filtered) ?? rewrittenPng(data);
    if (typeof canonical === 'string')
      return { reason: `Expected a readable PNG image, found ${quote(url)} with ${canonical}`, file: path };
    pdfData = canonical;
  }
  return { image: { data: new Uint8Array(data), pdfData: new Uint8Array(pdfData), format, width, height }, file: path };
}
