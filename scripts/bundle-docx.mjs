#!/usr/bin/env node
// Run by `npm run build` after tsc: replaces lib/render/docx-library.js (a re-export of `docx`) with
// docx bundled, its nanoid included (the version package-lock.json pins, which runs on Node 20).
// Consumers of alliance then install neither docx nor nanoid 6 (Node 22 and later), and see no engine
// warning.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
buildSync({
  stdin: { contents: "export * from 'docx';", resolveDir: root, sourcefile: 'docx-library.js' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: `${root}lib/render/docx-library.js`,
  legalComments: 'inline',
  logLevel: 'warning',
});
