#!/usr/bin/env node
// Run by `npm run build`, last: bundles the compiled tool (lib/) into lib/bundle/, one file per entry
// (the CLI, the Node API, the preview) and shared chunks, so that starting the tool reads a few
// files instead of a hundred. What loads lazily stays lazy: a dynamic import becomes a chunk loaded
// when it is needed. A module that finds files beside itself (data, templates, fonts, package.json)
// keeps finding them: its `import.meta.url` is rewritten to the URL its file has in lib/ (only that
// file's folder matters: the package ships lib/bundle/, the data, the two library bundles and the
// type declarations, not the unbundled modules).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = `${root}lib`;
const out = `${lib}/bundle`;

/** Each module's `import.meta.url` as the URL of its own file in lib/, from wherever the bundle puts it. */
const ownUrls = {
  name: 'own-urls',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]lib[\\/].*\.js$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const path = relative(out, args.path).split(sep).join('/');
      // The worker pool starts the bundled worker, which sits beside the bundle's other entries.
      text = text.replace("new URL('./worker.js', import.meta.url)", "new URL('./worker.js', BUNDLE_URL)");
      return {
        contents: text
          .replaceAll('import.meta.url', `new URL(${JSON.stringify(path)}, import.meta.url).href`)
          .replace('BUNDLE_URL', 'import.meta.url'),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/** The bundles the build made before (the parsing libraries, docx) stay files of their own. */
const keepBundles = {
  name: 'keep-bundles',
  setup(plugin) {
    plugin.onResolve({ filter: /(^|[\\/])(libraries|docx-library)\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (target !== `${lib}/data/libraries.js` && target !== `${lib}/render/docx-library.js`) return undefined;
      return { path: `./${relative(out, target).split(sep).join('/')}`, external: true };
    });
  },
};

/**
 * commander loads node:child_process (5 ms at start-up, measured) for subcommands that are programs of
 * their own, which alliance has none of: it is loaded when one is started.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) return undefined;
      const lazy = "const childProcess = { get spawn() { return require('node:child_process').spawn; } };";
      return { contents: text.replace(eager, lazy), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

await build({
  entryPoints: {
    launch: `${lib}/cli/launch.js`,
    cli: `${lib}/cli/main.js`,
    engine: `${lib}/engine/index.js`,
    preview: `${lib}/preview/index.js`,
    worker: `${lib}/engine/run/worker.js`,
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: out,
  chunkNames: 'chunk-[hash]',
  // Packages that read files of their own (fonts, tries, WebAssembly, locales by name) stay where npm
  // put them; the rest (commander, chalk, tinyglobby…) join the bundle.
  external: ['fontkit', 'pdfkit', 'harfbuzzjs', 'n2words', 'n2words/*', 'linebreak', 'playwright-core'],
  banner: {
    js: "import { createRequire as createRequireOfAllianceBundle } from 'node:module';\nconst require = createRequireOfAllianceBundle(import.meta.url);",
  },
  plugins: [keepBundles, ownUrls, lazyChildProcess],
  legalComments: 'inline',
  logLevel: 'warning',
});

/** `import.meta.url` in the CommonJS bundle: the URL the launcher hands it (see src/cli/launch.ts). */
const commonJsUrls = {
  name: 'common-js-urls',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]lib[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const path = relative(out, args.path).split(sep).join('/');
      return {
        contents: text
          .replace("new URL('./worker.js', import.meta.url)", "new URL('./worker.js', __allianceBundleUrl)")
          .replaceAll('import.meta.url', `new URL(${JSON.stringify(path)}, __allianceBundleUrl).href`),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

// The CLI again as one CommonJS file, which V8 can compile from a code cache (see src/cli/launch.ts
// and scripts/code-cache.mjs): the parsing libraries inside it, the docx library left out (it loads,
// an ES module, through Node's `require`, only for DOCX handouts).
await build({
  entryPoints: [`${lib}/cli/main.js`],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: `${out}/cli.cjs`,
  // A package's own `import.meta.url` (fdir makes its `require` from it) is the bundle's.
  define: { 'import.meta.url': '__allianceBundleUrl' },
  external: ['fontkit', 'pdfkit', 'harfbuzzjs', 'n2words', 'n2words/*', 'linebreak', 'playwright-core'],
  plugins: [
    {
      name: 'docx-library-apart',
      setup(plugin) {
        plugin.onResolve({ filter: /(^|[\\/])docx-library\.js$/ }, (args) => {
          const target = resolve(args.resolveDir, args.path);
          if (target !== `${lib}/render/docx-library.js`) return undefined;
          return { path: `./${relative(out, target).split(sep).join('/')}`, external: true };
        });
      },
    },
    commonJsUrls,
    lazyChildProcess,
  ],
  legalComments: 'inline',
  logLevel: 'error',
});
