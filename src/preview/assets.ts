/**
 * The page's own files: the shell, its script and stylesheet (bundled at build time into
 * lib/preview/assets/) and the fonts alliance ships. Read once and served by name from that fixed
 * set: no path of a request ever reaches the file system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A file the page may load. */
export interface Asset {
  type: string;
  bytes: Buffer;
}

function folder(url: URL, prefix: string, into: Map<string, Asset>, only?: string): void {
  const dir = fileURLToPath(url);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const type = TYPES[extname(name)];
    if (type === undefined || (only !== undefined && extname(name) !== only)) continue;
    into.set(`${prefix}${name}`, { type, bytes: readFileSync(`${dir}/${name}`) });
  }
}

/** The page's files by the path a page asks for (`/assets/app.js`, `/assets/fonts/NotoSans_400Regular.ttf`). */
export function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  // From lib/preview/ and from src/preview/ (the tests) alike: the bundle is made by `npm run build`.
  folder(new URL('../../lib/preview/assets/', import.meta.url), '/assets/', assets);
  folder(new URL('../../fonts/', import.meta.url), '/assets/fonts/', assets, '.ttf');
  return assets;
}
