/**
 * `build` without the command line. For one statement (in the main thread or a worker): load, check,
 * resolve template and images, build the handout (and the speaker's copy), render DOCX and PDF, write
 * them atomically. For many: skip what has not changed since the last build, spread the rest over the
 * cores, convert with LibreOffice in one batch when asked, and write the manifest.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isUnusable, type Statement } from '../../model/statement.js';
import type { Template } from '../../render/model/template.js';
import { timeStatement } from '../../timing/estimate.js';
import type { LoadContext } from '../project/context.js';
import { ConfigError } from '../io/errors.js';
import { makeFolder } from '../io/folders.js';
import { imageBudget, resolveImages, type ImageBudget } from './images.js';
import { parseStatement } from '../load/load.js';
import { languagesHash } from '../project/languages.js';
import { MANIFEST, manifestText, outputHash, outputInPlace, type Manifest, type ManifestEntry } from './manifest.js';
import { storeMessage, type StoredMessage } from '../check/messages.js';
import { outputStem, writeOutput } from './outputs.js';
import { readRegularFile, readRegularText } from '../io/read.js';
import { readStatementFile } from '../load/read-statement.js';
import { makeMessage, runRules } from '../check/run-rules.js';
import { loadTemplate, templateFiles } from '../project/templates.js';
import { VERSION } from '../io/version.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { IN_THREAD, type Renderer } from './render-thread.js';

/** Output formats. */
export type Format = 'docx' | 'pdf';
/** Copies: the handout, and the speaker's copy. */
export type CopyName = 'handout' | 'speaker';

/** How to build: plain data, so that it reaches workers. */
export interface BuildSettings {
  /** The output folder, absolute. */
  outDir: string;
  formats: Format[];
  copies: CopyName[];
  force: boolean;
  pdfEngine: 'pdfkit' | 'libreoffice';
  /** Seconds since 1970 for the documents' dates (SOURCE_DATE_EPOCH), else the statement's date. */
  sourceDateEpoch?: number;
  /** Where DOCX files wait for LibreOffice (with `pdfEngine: libreoffice`). */
  stagingDir?: string;
}

/** What happened to one statement. */
export interface BuildOutcome {
  path: string;
  status: 'built' | 'unchanged' | 'skipped' | 'failed';
  /** The findings of `check`, then the warnings of the build (images, characters no font has). */
  messages: StoredMessage[];
  /** Files written, relative to the output folder. */
  written: string[];
  /** Files that could not be written, and why. */
  writeErrors: { path: string; reason: string }[];
  entry?: ManifestEntry;
  /** DOCX files staged for LibreOffice, relative to the staging folder. */
  staged: string[];
  internalErrors: number;
}

/** Whether a template draws with font files of its own (a project's, which may be damaged), not the shipped ones. */
function ownFonts(template: Template): boolean {
  return Object.values(template.fonts).some((choice) => 'files' in choice);
}

/** A fixed date for documents without one: the earliest a zip file can record. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** A hash of bytes, for dependencies. */
function hashOf(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * The hash of a file's bytes; `absent` for a file whose later appearance must rebuild (such as a
 * template), `unreadable` for one that cannot be read (which rebuilds, so that its error is shown).
 */
function fileHash(path: string): string {
  try {
    return hashOf(readRegularFile(path));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unreadable';
  }
}

/** The key of a build: what every statement's handouts depend on besides its own files. */
export function buildKey(context: LoadContext, settings: BuildSettings): string {
  return hashOf(
    JSON.stringify([
      VERSION,
      context.config.hash,
      languagesHash(context.languages),
      settings.formats,
      settings.copies,
      settings.pdfEngine,
      settings.sourceDateEpoch ?? null,
    ]),
  );
}

function documentDate(settings: BuildSettings, date: string | undefined): Date {
  if (settings.sourceDateEpoch !== undefined) return new Date(settings.sourceDateEpoch * 1000);
  if (date) return new Date(`${date}T00:00:00Z`);
  return FIXED_DATE;
}

function projectPath(path: string, projectDir: string): string | undefined {
  const rel = relative(projectDir, path);
  return rel.startsWith('..') || rel === '' ? undefined : rel.split(sep).join('/');
}

/** Why a handout could not be replaced, in words a user acts on. */
function writeProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return `it is open in another program or read-only (\`${error.code}\`); close it and build again`;
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return `a folder stands in its place (\`${error.code}\`)`;
    case 'ENOTFILE':
      return 'a device, pipe or socket stands in its place; it is not replaced';
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full (\`${error.code}\`); the handout there before, if any, is left as it was`;
    default:
      return `\`${error.code ?? error.message}\``;
  }
}

/**
 * The template a statement's handouts use (the config's paper over its own) and the files it is read
 * from, or the `template` error that stops the handouts, at the statement's `template` field.
 */
export function handoutTemplate(
  statement: Statement,
  context: LoadContext,
): { template: Template; files: string[] } | { message: StoredMessage } {
  const { dir } = context.config;
  try {
    const template = loadTemplate(statement.settings.template, dir);
    return {
      template: context.config.paper ? { ...template, paper: context.config.paper } : template,
      files: templateFiles(statement.settings.template, dir),
    };
  } catch (error) {
    const reason =
      error instanceof ConfigError
        ? `${error.reason} (${error.file}:${error.line}:${error.column})`
        : (error as Error).message;
    const place = statement.frontMatter.positions.get('template')?.start;
    return {
      message: storeMessage(
        makeMessage(
          `Expected a usable handout template, found an error: ${reason}`,
          'template',
          'error',
          place,
          statement.path,
        ),
      ),
    };
  }
}

/**
 * What a run (one `settings` object) shares between its statements: what it reads once, however many
 * statements need it (its templates by name, the hashes of the files templates and images are made
 * of: a run sees one state of them, the next run reads again), and the renderer of its handouts.
 */
interface RunShared {
  templates: Map<string, { template: Template; files: string[] }>;
  hashes: Map<string, string>;
  /** The pixels of the images the run has shown, against their bound. */
  images: ImageBudget;
  /** A render thread (render-thread.ts); none: the thread that builds renders. */
  renderer?: Renderer;
}
const sharedOfRun = new WeakMap<BuildSettings, RunShared>();

function sharedOf(settings: BuildSettings): RunShared {
  let shared = sharedOfRun.get(settings);
  if (!shared) {
    shared = { templates: new Map(), hashes: new Map(), images: imageBudget() };
    sharedOfRun.set(settings, shared);
  }
  return shared;
}

/** `handoutTemplate`, once per template in a run (checking a template's files stats four of them). */
function runTemplate(
  statement: Statement,
  context: LoadContext,
  settings: BuildSettings,
): ReturnType<typeof handoutTemplate> {
  const { templates } = sharedOf(settings);
  const name = statement.settings.template;
  const read = templates.get(name);
  if (read) return read;
  const resolved = handoutTemplate(statement, context);
  // An error names the statement's own `template` field: read again for each statement.
  if (!('message' in resolved)) templates.set(name, resolved);
  return resolved;
}

/** Has the handouts of the run with `settings` rendered by `renderer`. */
export function renderWith(settings: BuildSettings, renderer: Renderer): void {
  sharedOf(settings).renderer = renderer;
}

/** `fileHash`, once per file in a run. */
function runFileHash(settings: BuildSettings, path: string): string {
  const { hashes } = sharedOf(settings);
  let hash = hashes.get(path);
  if (hash === undefined) {
    hash = fileHash(path);
    hashes.set(path, hash);
  }
  return hash;
}

/** Builds the handouts of one statement. */
export async function buildOne(path: string, context: LoadContext, settings: BuildSettings): Promise<BuildOutcome> {
  const outcome: BuildOutcome = {
    path,
    status: 'failed',
    messages: [],
    written: [],
    writeErrors: [],
    staged: [],
    internalErrors: 0,
  };
  const input = readStatementFile(path, context.config.dir);
  const statement = parseStatement(path, input, context);
  const run = runRules(statement);
  outcome.internalErrors = run.internalErrors;
  outcome.messages = run.messages.map(storeMessage);
  if (isUnusable(statement) || (!settings.force && run.messages.some((message) => message.fatal))) {
    outcome.status = 'skipped';
    return outcome;
  }
  const projectDir = context.config.dir;
  const warn = (ruleId: string, reason: string, place?: { line: number; column: number }) =>
    outcome.messages.push(storeMessage(makeMessage(reason, ruleId, 'warning', place, path)));

  const resolved = runTemplate(statement, context, settings);
  if ('message' in resolved) {
    outcome.messages.push(resolved.message);
    return outcome;
  }
  const { template, files: templateDependencies } = resolved;
  const images = resolveImages(statement, projectDir, sharedOf(settings).images);
  for (const problem of images.problems) warn('image', problem.reason, problem.place);

  const timing = timeStatement(statement);
  const date = documentDate(settings, statement.frontMatter.fields.date);
  // A family a PDF needs and whose package the project has not installed (Chinese, Noto Serif): named
  // with the command that installs it, and the PDF not written, rather than blanks on the page.
  const { missingFonts } = await import('./fonts-needed.js');
  const absentFonts =
    settings.formats.includes('pdf') && settings.pdfEngine === 'pdfkit' ? missingFonts(statement, template) : [];
  for (const problem of absentFonts) {
    outcome.messages.push(storeMessage(makeMessage(problem, 'font', 'error', undefined, path)));
  }
  const { buildHandout } = await import('../../render/model/handout.js');
  const stem = outputStem(path, projectDir);
  const missing = new Map<string, { line: number; column: number } | undefined>();
  const outputs: ManifestEntry['outputs'] = [];
  const renderer = sharedOf(settings).renderer ?? IN_THREAD;

  let renderFailed = false;
  for (const copy of settings.copies) {
    const handout = buildHandout({ statement, template, timing, copy, images: images.images, date });
    const suffix = copy === 'speaker' ? '.speaker' : '';
    const files: { rel: string; data: () => Promise<Uint8Array>; staged?: boolean }[] = [];
    // One DOCX serves as the handout and as LibreOffice's input when both are asked for.
    let docxBytes: Promise<Uint8Array> | undefined;
    const docx = () => (docxBytes ??= renderer.render('docx', handout).then((rendered) => rendered.bytes));
    if (settings.formats.includes('docx')) files.push({ rel: `${stem}${suffix}.docx`, data: docx });
    if (settings.formats.includes('pdf') && settings.pdfEngine === 'libreoffice') {
      files.push({ rel: `${stem}${suffix}.docx`, data: docx, staged: true });
    } else if (settings.formats.includes('pdf') && absentFonts.length === 0) {
      files.push({
        rel: `${stem}${suffix}.pdf`,
        data: async () => {
          const result = await renderer.render('pdf', handout);
          for (const glyph of result.missing)
            if (!missing.has(glyph.character)) missing.set(glyph.character, glyph.place);
          return result.bytes;
        },
      });
    }
    for (const file of files) {
      let data: Uint8Array;
      try {
        data = await file.data();
      } catch (error) {
        // A template's own font that fails on this statement's text (past the check of its sample) is
        // the template's problem, named on this handout: the others are built. Anything else is the tool's.
        if (!ownFonts(template)) throw error;
        outcome.messages.push(
          storeMessage(
            makeMessage(
              `Expected the template's fonts to draw \`${file.rel}\`, found an error: ${(error as Error).message}`,
              'font',
              'error',
              statement.frontMatter.positions.get('template')?.start,
              path,
            ),
          ),
        );
        renderFailed = true;
        continue;
      }
      if (file.staged) {
        await writeOutput(settings.stagingDir!, file.rel, data);
        outcome.staged.push(file.rel);
        continue;
      }
      try {
        await writeOutput(settings.outDir, file.rel, data);
        outcome.written.push(file.rel);
        outputs.push({ path: file.rel, bytes: data.length, hash: outputHash(data) });
      } catch (error) {
        outcome.writeErrors.push({
          path: join(settings.outDir, file.rel),
          reason: writeProblem(error as NodeJS.ErrnoException),
        });
      }
    }
  }
  for (const [character, place] of missing) {
    const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    warn(
      'missing-glyph',
      `Expected a character the handout's fonts can draw, found ${character} (U+${code}), which no font has`,
      place,
    );
  }

  const dependencies = [path, ...templateDependencies, ...images.files]
    .map((file) => ({ file, rel: projectPath(file, projectDir) }))
    .filter((dependency): dependency is { file: string; rel: string } => dependency.rel !== undefined)
    .map(({ file, rel }) => ({
      path: rel,
      hash: file === path && input instanceof Uint8Array ? hashOf(input) : runFileHash(settings, file),
    }));
  outcome.status = outcome.writeErrors.length > 0 || absentFonts.length > 0 || renderFailed ? 'failed' : 'built';
  outcome.entry = {
    source: projectPath(path, projectDir) ?? path,
    outputs,
    writtenWords: timing.writtenWords,
    spokenWords: timing.spokenWords,
    seconds: Math.round(timing.seconds * 10) / 10,
    slotSeconds: timing.slotSeconds,
    contentHash: input instanceof Uint8Array ? createHash('sha256').update(input).digest('hex') : '',
    key: '',
    dependencies: [...new Map(dependencies.map((dependency) => [dependency.path, dependency])).values()],
  };
  return outcome;
}

/** True when the manifest's entry for a statement is still good: same key, same dependencies, outputs in place. */
export function isUpToDate(
  entry: ManifestEntry | undefined,
  key: string,
  projectDir: string,
  outDir: string,
  hashes: Map<string, string>,
): boolean {
  if (!entry || entry.key !== key || entry.outputs.length === 0) return false;
  for (const dependency of entry.dependencies) {
    let hash = hashes.get(dependency.path);
    if (hash === undefined) {
      hash = fileHash(join(projectDir, dependency.path));
      hashes.set(dependency.path, hash);
    }
    if (hash !== dependency.hash) return false;
  }
  // The very bytes written: an output replaced, even by one of the same size or a link, is rebuilt.
  return entry.outputs.every((output) => outputInPlace(join(outDir, output.path), output));
}

/** Writes the manifest: entries of statements built now, and of those unchanged; a statement not built leaves it. */
export async function writeManifest(
  outDir: string,
  projectDir: string,
  previous: Manifest,
  outcomes: readonly BuildOutcome[],
  key: string,
): Promise<void> {
  const bySource = new Map(previous.statements.map((entry) => [entry.source, entry]));
  for (const outcome of outcomes) {
    if (outcome.entry && outcome.status === 'built') bySource.set(outcome.entry.source, { ...outcome.entry, key });
    else if (outcome.status === 'skipped' || outcome.status === 'failed')
      bySource.delete(projectPath(outcome.path, projectDir) ?? outcome.path);
  }
  const manifest: Manifest = { tool: `alliance ${VERSION}`, statements: [...bySource.values()] };
  const text = manifestText(manifest);
  const path = join(outDir, MANIFEST);
  try {
    if (readRegularText(path) === text) return;
  } catch {
    // No manifest yet, or one that cannot be read: it is written anew.
  }
  makeFolder(outDir);
  await writeFileAtomic(path, text);
}

/** Removes the staging folder of a LibreOffice build. */
export function removeStaging(stagingDir: string | undefined): void {
  if (stagingDir) rmSync(stagingDir, { recursive: true, force: true });
}
