#!/usr/bin/env node
// Run by `npm run build`: bundles the preview page (web/: its script with CodeMirror, its stylesheet and
// shell) into lib/preview/assets/, which the preview server serves as they are. Nothing on the page
// loads from the network.
import { buildSync } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}lib/preview/assets`;
mkdirSync(out, { recursive: true });
buildSync({
  entryPoints: [`${root}web/src/main.ts`],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // The editor (CodeMirror, most of the weight) loads when a statement opens, not for the inventory.
  splitting: true,
  outdir: out,
  entryNames: 'app',
  chunkNames: 'chunk-[hash]',
  legalComments: 'inline',
  logLevel: 'warning',
});
copyFileSync(`${root}web/app.css`, `${out}/app.css`);
copyFileSync(`${root}web/index.html`, `${out}/index.html`);
