/**
 * Building many statements: what has not changed since the last build (same statement, template,
 * config, images, options, and handouts in place) is left alone; the rest is built, in worker
 * threads for large batches, or in the main thread with a thread that renders the handouts; LibreOffice
 * converts in one batch when asked; the manifest is written.
 */
import { copyFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import {
  buildKey,
  isUpToDate,
  removeStaging,
  renderWith,
  writeManifest,
  type BuildOutcome,
  type BuildSettings,
} from '../build/build.js';
import type { LoadContext } from '../project/context.js';
import { makeFolder } from '../io/folders.js';
import { lockOutputFolder, removeLeftovers } from '../build/out-lock.js';
import { convertToPdf } from '../build/libreoffice.js';
import { outputHash, readManifest, type ManifestEntry } from '../build/manifest.js';
import { renderThread } from '../build/render-thread.js';
import { storeMessage } from '../check/messages.js';
import { outputStem, writeOutput } from '../build/outputs.js';
import { threadsFor, type Concurrency, type PoolPolicy } from './pool.js';
import { makeMessage } from '../check/run-rules.js';
import { runFiles } from './run.js';

/**
 * Rendering is slow per file: workers from 4 cores (on 2, two workers were no faster than one
 * thread). From 400 statements a build runs in one worker at least, whose small heap makes V8 collect
 * early: 1,000 statements peaked at 400 MB in the main thread, and stay under 300 MB so.
 */
const BUILD_TASK: PoolPolicy = { minCores: 4, filesPerThread: 12, heapMb: 192, boundedFrom: 400 };

/** From this many statements, a build in the main thread renders on a thread of its own (starting it costs about 0.1 s). */
const RENDER_APART_FROM = 8;
/** Statements read and checked ahead while the render thread works. */
const IN_FLIGHT = 8;

/**
 * True when the statements are built in the main thread (no pool of workers for them) on a machine
 * with a second core, and enough of them to pay for a render thread.
 */
function rendersApart(count: number, concurrency: Concurrency = 'auto'): boolean {
  if (concurrency === 'off' || count < RENDER_APART_FROM || availableParallelism() < 2) return false;
  return threadsFor(count, concurrency, BUILD_TASK) === 0;
}

/** How to run a build. */
export interface BuildRunOptions {
  /** Ignore the build cache: build everything. */
  rebuild?: boolean;
  concurrency?: Concurrency;
  /** Called as statements are done (`done` of `total`). */
  onProgress?: (done: number, total: number) => void;
  env?: Record<string, string | undefined>;
}

/** What a build of many statements did: one outcome per statement, and why the manifest was not written, if it was not. */
export interface BuildFilesResult {
  outcomes: BuildOutcome[];
  manifestError?: string;
}

/**
 * Builds the handouts of every statement (absolute paths); one outcome per statement, in order. The
 * output folder is held for the build (a second build into it is refused), and what a killed build
 * left there is cleared first.
 */
export async function buildFiles(
  paths: readonly string[],
  context: LoadContext,
  settings: BuildSettings,
  options: BuildRunOptions = {},
): Promise<BuildFilesResult> {
  makeFolder(settings.outDir);
  const release = lockOutputFolder(settings.outDir);
  try {
    removeLeftovers(settings.outDir);
    return await buildHeld(paths, context, settings, options);
  } finally {
    release();
  }
}

async function buildHeld(
  paths: readonly string[],
  context: LoadContext,
  settings: BuildSettings,
  options: BuildRunOptions,
): Promise<BuildFilesResult> {
  const projectDir = context.config.dir;
  const previous = readManifest(settings.outDir);
  const key = buildKey(context, settings);
  const bySource = new Map(previous.statements.map((entry) => [entry.source, entry]));
  const hashes = new Map<string, string>();
  const outcomes = clashingNames(paths, projectDir);
  const todo: string[] = [];
  for (const path of paths) {
    if (outcomes.has(path)) continue;
    const source = relative(projectDir, path).split(sep).join('/');
    const entry = bySource.get(source);
    if (!options.rebuild && isUpToDate(entry, key, projectDir, settings.outDir, hashes)) {
      outcomes.set(path, {
        path,
        status: 'unchanged',
        messages: [],
        written: [],
        writeErrors: [],
        staged: [],
        internalErrors: 0,
        entry,
      });
    } else todo.push(path);
  }
  let done = paths.length - todo.length;
  options.onProgress?.(done, paths.length);

  // DOCX files wait for LibreOffice in a folder inside the output folder, removed afterwards.
  const staging =
    settings.pdfEngine === 'libreoffice' && settings.formats.includes('pdf') && todo.length > 0
      ? makeStaging(settings.outDir)
      : undefined;
  const runSettings: BuildSettings = { ...settings, stagingDir: staging };
  const renderer = rendersApart(todo.length, options.concurrency) ? renderThread() : undefined;
  if (renderer) renderWith(runSettings, renderer);
  try {
    const built = await runFiles('build', todo, context, {
      concurrency: options.concurrency,
      policy: BUILD_TASK,
      options: runSettings,
      onDone: (count) => options.onProgress?.((done += count), paths.length),
      inFlight: renderer ? IN_FLIGHT : 1,
    });
    if (staging) await convertStaged(built, staging, settings, options.env ?? {});
    for (const outcome of built) outcomes.set(outcome.path, outcome);
    const ordered = paths.map((path) => outcomes.get(path)!);
    for (const outcome of ordered) removeStaleOutputs(outcome, bySource, projectDir, settings.outDir);
    let manifestError: string | undefined;
    try {
      await writeManifest(settings.outDir, projectDir, previous, ordered, key);
    } catch (error) {
      // The handouts written stay valid; the next build, not finding them in the manifest, rebuilds them.
      manifestError = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    }
    return { outcomes: ordered, manifestError };
  } finally {
    await renderer?.close();
    removeStaging(staging);
  }
}

/**
 * Removes the handouts an earlier build left of a statement that no longer builds (its errors, or a
 * bound it now passes), and says so on the statement: a handout in the output folder is never older
 * than its statement. Only plain files the manifest names, inside the output folder, are removed.
 */
function removeStaleOutputs(
  outcome: BuildOutcome,
  previous: ReadonlyMap<string, ManifestEntry>,
  projectDir: string,
  outDir: string,
): void {
  if (outcome.status !== 'skipped' && outcome.status !== 'failed') return;
  const entry = previous.get(relative(projectDir, outcome.path).split(sep).join('/'));
  if (!entry) return;
  const removed: string[] = [];
  for (const output of entry.outputs) {
    const path = join(outDir, output.path);
    if (outcome.written.includes(output.path) || relative(outDir, path).startsWith('..')) continue;
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path);
      removed.push(output.path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  if (removed.length === 0) return;
  const reason = `Removed the handouts of an earlier build (${removed.map((path) => `\`${path}\``).join(', ')}): this statement is not built now, and an older handout would pass for it`;
  outcome.messages.push(
    storeMessage(makeMessage(reason, 'stale-handout', 'warning', { line: 1, column: 1 }, outcome.path)),
  );
}

/**
 * Statements whose handouts would have the name of another's: `a.md` and `a.markdown`, or names that
 * differ only in case or Unicode normalization (one file on Windows and macOS). The first, in order,
 * keeps the name; each other is not built, with the reason (`output-name`).
 */
function clashingNames(paths: readonly string[], projectDir: string): Map<string, BuildOutcome> {
  const owners = new Map<string, string>();
  const clashes = new Map<string, BuildOutcome>();
  for (const path of paths) {
    const stem = outputStem(path, projectDir);
    const name = stem.normalize('NFC').toLowerCase();
    const owner = owners.get(name);
    if (owner === undefined) {
      owners.set(name, path);
      continue;
    }
    const ownerSource = relative(projectDir, owner).split(sep).join('/');
    const reason = `Expected a handout name of its own, found \`${stem}\`, which is \`${outputStem(owner, projectDir)}\` of \`${ownerSource}\` on Windows and macOS (names differing only in extension or case): rename one`;
    clashes.set(path, {
      path,
      status: 'skipped',
      messages: [storeMessage(makeMessage(reason, 'output-name', 'error', { line: 1, column: 1 }, path))],
      written: [],
      writeErrors: [],
      staged: [],
      internalErrors: 0,
    });
  }
  return clashes;
}

function makeStaging(outDir: string): string {
  makeFolder(outDir);
  return mkdtempSync(join(outDir, '.staging-'));
}

/** Converts the staged DOCX files with LibreOffice and writes the PDFs into place. */
async function convertStaged(
  outcomes: readonly BuildOutcome[],
  staging: string,
  settings: BuildSettings,
  env: Record<string, string | undefined>,
): Promise<void> {
  const staged = outcomes.flatMap((outcome) => outcome.staged.map((rel) => ({ outcome, rel })));
  if (staged.length === 0) return;
  const converted = join(staging, '.pdf');
  // One call for the batch; file names may repeat across folders, so each gets a numbered name.
  makeFolder(converted);
  const inputs = staged.map(({ rel }, index) => {
    const flat = join(converted, `${index}.docx`);
    copyFileSync(join(staging, rel), flat);
    return flat;
  });
  await convertToPdf(inputs, converted, env);
  for (const [index, { outcome, rel }] of staged.entries()) {
    const pdf = join(converted, `${index}.pdf`);
    const target = rel.replace(/\.docx$/, '.pdf');
    if (!existsSync(pdf)) {
      outcome.writeErrors.push({ path: join(settings.outDir, target), reason: 'LibreOffice made no PDF of it' });
      outcome.status = 'failed';
      continue;
    }
    const data = readFileSync(pdf);
    await writeOutput(settings.outDir, target, data);
    outcome.written.push(target);
    outcome.entry?.outputs.push({ path: target, bytes: data.length, hash: outputHash(data) });
  }
}
