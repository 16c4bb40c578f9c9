/**
 * Starts the command line. Node 20 keeps no compiled code of ES modules between runs, and compiling
 * the tool's megabyte took 30 ms of a one-file check's 210: where this Node is the one the build ran on,
 * the CLI comes from one CommonJS file (`cli.cjs`) compiled from the code V8 cached for it at build
 * time (`scripts/code-cache.mjs`); elsewhere, from the ES modules, which Node 22.1 and later cache.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type vmModule from 'node:vm';

// Loaded by the runs that use them (`node:v8` alone took 2 ms).
const load = createRequire(import.meta.url);
const v8 = () => load('node:v8') as typeof import('node:v8');
const vm = () => load('node:vm') as typeof vmModule;

type Main = (argv: readonly string[]) => Promise<number>;

/** V8 runs a regular expression in its interpreter first: for the word splitter's Unicode classes that cost 11 ms of a one-file check. */
const REGEXP_AT_ONCE = '--regexp-tier-up-ticks=0';
const REGEXP_DEFAULT = '--regexp-tier-up-ticks=1';
/**
 * WebAssembly (HarfBuzz's subsetter, the DOCX's fonts) compiled by V8's baseline compiler only: its
 * optimizing compiler went on compiling HarfBuzz's hot functions after the subsets were made, and the
 * process waited for it before exiting (a one-handout DOCX build took 0.59 s instead of 0.32 s; a batch
 * of Chinese handouts takes about 5% longer). A choice for the whole process, so the CLI's and not the
 * renderer's: a Node API user keeps V8's defaults.
 */
const WASM_BASELINE = '--liftoff-only';
const HELP = new Set(['--help', '-h', 'help', '--version', '-V']);

/** The bundle's folder, `lib/bundle/` (this file is `lib/cli/launch.js`, bundled or not). */
const bundle = new URL('../bundle/', import.meta.url);
const folder = fileURLToPath(bundle);

/** The code cache of `cli.cjs` for this Node, by version and processor. */
const cacheFile = `${folder}cli-${process.version}-${process.arch}.cache`;

/** The CommonJS CLI compiled with `cachedData` (none: compiled anew), and run unless `run` is false; its `main`, and the script. */
function commonJsMain(cachedData: Buffer | undefined, run = true): { main: Main; script: vmModule.Script } {
  const file = `${folder}cli.cjs`;
  // The build writes the file in ASCII (scripts/bundle-cli.mjs): read as Latin-1, with no UTF-8 decoding
  // (which took 15 ms of a one-file check's 220).
  const source = `(function (exports, require, module, __filename, __dirname, __allianceBundleUrl) {${readFileSync(file, 'latin1')}\n})`;
  const { Script, constants } = vm();
  const script = new Script(source, {
    filename: file,
    cachedData,
    // `import()` of packages that stay ES modules (n2words' locales) works as in the main module.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as { main?: Main } };
  if (!run) return { main: () => Promise.resolve(2), script };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(file),
    module,
    file,
    folder,
    pathToFileURL(file).href,
  );
  return { main: module.exports.main!, script };
}

/** Whether V8 takes the build's code cache of the CLI on this Node (false: none, or rejected). */
export function codeCacheAccepted(): boolean {
  if (!existsSync(cacheFile)) return false;
  return !commonJsMain(readFileSync(cacheFile), false).script.cachedDataRejected;
}

/** Runs the CLI on `argv`; its exit code. */
export async function startCli(argv: readonly string[]): Promise<number> {
  // The build writes the cache: the CLI run once, its compiled code saved with V8's flags as a run finds
  // them. Not the WebAssembly flag: `--no-liftoff-only` does not undo all `--liftoff-only` implies, and
  // V8 then rejected the cache in every run (a one-file check compiled the CLI anew, 60 ms).
  if (process.env.ALLIANCE_WRITE_CODE_CACHE === '1') {
    const { main, script } = commonJsMain(undefined);
    v8().setFlagsFromString(REGEXP_AT_ONCE);
    const code = await main(argv);
    v8().setFlagsFromString(REGEXP_DEFAULT);
    writeFileSync(`${cacheFile}.partial`, script.createCachedData());
    renameSync(`${cacheFile}.partial`, cacheFile);
    return code;
  }
  // Help and the version need a tenth of the CLI, which the ES modules load alone (the cache holds it all).
  const help = argv.length <= 2 || argv.slice(2).some((arg) => HELP.has(arg));
  const main =
    !help && existsSync(cacheFile)
      ? commonJsMain(readFileSync(cacheFile)).main
      : ((await import(new URL('cli.js', bundle).href)) as { main: Main }).main;
  // Set once the CLI is loaded: Node compiles its own modules anew after a change of V8 flags.
  if (!help) {
    v8().setFlagsFromString(REGEXP_AT_ONCE);
    v8().setFlagsFromString(WASM_BASELINE);
  }
  return main(argv);
}
