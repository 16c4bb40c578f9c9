#!/usr/bin/env node
// Run by `npm run build`, last: bundles the compiled tool (lib/) into lib/bundle/, one file per entry
// (the CLI, the Node API, the preview) and shared chunks, so that starting the tool reads a few
// files instead of a hundred. What loads lazily stays lazy: a dynamic import becomes a chunk loaded
// when it is needed. A module that finds files beside itself (data, templates, fonts, package.json)
// keeps finding them: its `import.meta.url` is rewritten to the URL its file has in lib/ (only that
// file's folder matters: the package ships lib/bundle/, the data, the two library bundles and the
// type declarations, not the unbundled modules).
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
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
      // The worker pool, the render thread and the font check start bundled workers, which sit beside the bundle's other entries.
      text = text
        .replace("new URL('./worker.js', import.meta.url)", "new URL('./worker.js', BUNDLE_URL)")
        .replace("new URL('./render-worker.js', import.meta.url)", "new URL('./render-worker.js', BUNDLE_URL)")
        .replace("new URL('./font-check-worker.js', import.meta.url)", "new URL('./font-check-worker.js', BUNDLE_URL)");
      return {
        contents: text
          .replaceAll('import.meta.url', `new URL(${JSON.stringify(path)}, import.meta.url).href`)
          .replaceAll('BUNDLE_URL', 'import.meta.url'),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/** Plugin: the bundles the build made before (`files`, under lib/) stay files of their own. */
function keepBundles(files) {
  const kept = new Set(files.map((file) => `${lib}/${file}`));
  return {
    name: 'keep-bundles',
    setup(plugin) {
      plugin.onResolve({ filter: /(^|[\\/])(libraries|library)\.js$/ }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (!kept.has(target)) return undefined;
        return { path: `./${relative(out, target).split(sep).join('/')}`, external: true };
      });
    },
  };
}

/**
 * Fails the bundle when a patch of a library (docs/dependencies.md) found nothing to change: the library
 * moved under it, and the bundle would be slower without a word.
 */
function mustApply(plugin, name, applied) {
  plugin.onEnd((result) => {
    if (result.errors.length === 0 && !applied())
      throw new Error(`scripts/bundle-cli.mjs: the patch ${name} found nothing to change; see docs/dependencies.md`);
  });
}

/** Packages that read files of their own (fonts, tries, WebAssembly, locales by name) stay where npm put them. */
const EXTERNAL = ['fontkit', 'pdfkit', 'harfbuzzjs', 'n2words', 'n2words/*', 'linebreak', 'playwright-core'];

/**
 * commander loads node:child_process (5 ms at start-up, measured) for subcommands that are programs of
 * their own, which alliance has none of: it is loaded when one is started.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(plugin) {
    let applied = false;
    mustApply(plugin, 'commander-lazy-child-process', () => applied);
    plugin.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) return undefined;
      applied = true;
      const lazy = "const childProcess = { get spawn() { return require('node:child_process').spawn; } };";
      return { contents: text.replace(eager, lazy), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * chalk detects the terminal's colours as it loads, through node:tty, which loads node:net and the
 * streams (about 2 ms of every start, measured). alliance decides colour itself (src/cli/color.ts) and
 * gives each chalk instance its level, so chalk's own detection is replaced by "none".
 */
const noColourDetection = {
  name: 'no-colour-detection',
  setup(plugin) {
    let applied = false;
    mustApply(plugin, 'chalk-no-colour-detection', () => applied);
    plugin.onResolve({ filter: /^#supports-color$/ }, () => {
      applied = true;
      return { path: 'none', namespace: 'no-colour-detection' };
    });
    plugin.onLoad({ filter: /.*/, namespace: 'no-colour-detection' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: {
    launch: `${lib}/cli/launch.js`,
    cli: `${lib}/cli/main.js`,
    engine: `${lib}/engine/index.js`,
    preview: `${lib}/preview/index.js`,
    worker: `${lib}/engine/run/worker.js`,
    'render-worker': `${lib}/engine/build/render-worker.js`,
    'font-check-worker': `${lib}/engine/project/font-check-worker.js`,
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: out,
  chunkNames: 'chunk-[hash]',
  // The rest (commander, chalk, tinyglobby…) join the bundle.
  external: EXTERNAL,
  banner: {
    js: "import { createRequire as createRequireOfAllianceBundle } from 'node:module';\nconst require = createRequireOfAllianceBundle(import.meta.url);",
  },
  plugins: [keepBundles(['data/libraries.js', 'render/docx/library.js']), ownUrls, lazyChildProcess, noColourDetection],
  legalComments: 'inline',
  logLevel: 'warning',
});

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
  // `import.meta.url`, after `ownUrls` and in packages (fdir makes its `require` from it), is the URL
  // the launcher hands the file (see src/cli/launch.ts).
  define: { 'import.meta.url': '__allianceBundleUrl' },
  external: EXTERNAL,
  plugins: [keepBundles(['render/docx/library.js']), ownUrls, lazyChildProcess, noColourDetection],
  legalComments: 'inline',
  logLevel: 'error',
});

// esbuild escapes what is not ASCII in strings, not in regular expressions and comments (the sentence
// splitter's `…؟。`, curly quotes in the parser's comments). One such character made V8 read the whole
// file as two-byte text: decoding it took 7 ms of a one-file check, and scanning it was slower too. As
// `\uXXXX` they mean the same in a regular expression, and nothing in a comment.
const cjs = `${out}/cli.cjs`;
const source = await readFile(cjs, 'utf8');
await writeFile(
  cjs,
  source.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`),
);
