/**
 * The engine's front door, and the Node API (`import { check, build } from 'alliance'`): each command
 * of the CLI is one function here, taking options and returning plain results that already carry the
 * decisions (the fit to the slot, message counts, rule metadata, the outcome of the run). Nothing here
 * prints or exits; the CLI is one user of it, a script or an editor extension another.
 *
 * Only light modules load with this file: each function loads the rooms it needs when it is called,
 * so that `alliance --help` and a one-file check stay quick.
 */
import { dirname, resolve } from 'node:path';
import type { BuildOutcome as StoredBuildOutcome, Format } from './build/build.js';
import type { Project, ProjectOptions } from './project/project.js';
import type { InitResult } from './project/init-project.js';
import type { SaveOutcome } from './run/save-statement.js';
import type { WrittenFixes } from './check/fix-files.js';
import type { Vocabulary } from './project/vocabulary.js';
import type {
  BuildOptions,
  BuildResult,
  CheckOptions,
  CheckResult,
  FileResult,
  InitOptions,
  ListOptions,
  ListResult,
  NewStatementFields,
  NewStatementResult,
  RuleInfo,
  RunOptions,
  StatementView,
  TargetOptions,
  TimeResult,
  WatchOptions,
} from './types.js';

import { UsageError } from './io/errors.js';
import { ruleUrl } from './io/version.js';
import { parseDate, parseLanguage, parsePace } from '../model/fields.js';
import { sessionTotals } from '../model/list-order.js';

export { AllianceError, ConfigError, UsageError } from './io/errors.js';
export { VERSION, ruleUrl } from './io/version.js';
export { printable, singleLine } from '../model/describe.js';
export { parsePace, parseSlot } from '../model/fields.js';
export { formatClock } from '../model/duration.js';
export type { FieldHelp, Vocabulary } from './project/vocabulary.js';
export { LIST_SORTS, type ListSort, type SessionTotals } from '../model/list-order.js';
export type { Fit } from '../timing/fit.js';
export type { Config } from './project/config.js';
export type { Concurrency } from './run/pool.js';
export type { CopyName, Format } from './build/build.js';
export type { ListOutcome, ParagraphTimeOutcome, TimeOutcome } from './run/tasks.js';
export type { InspectedParagraph } from './run/inspect.js';
export type { SaveOutcome } from './run/save-statement.js';
export type { WrittenFixes } from './check/fix-files.js';
export type { Edit, Suggestion } from '../model/edit.js';
export type { Project, ProjectOptions } from './project/project.js';
export type { InitResult } from './project/init-project.js';
export type * from './types.js';
export { format, formatNames, loadFormatter } from './format/index.js';
export type { FormattedCommand, Formatter, FormatterInput, View as ReportView } from './format/view.js';

/** The modules of the commands that read statements (see run/commands.ts). */
const commands = () => import('./run/commands.js');

/** Opens the project that applies in `cwd`: its config (found upward, named, or none) and the registries. */
export async function openProject(options: ProjectOptions = {}): Promise<Project> {
  const { contextFor, preloadNumberLocales, implausibleSlot } = await commands();
  // A slot for every statement of a few seconds is minutes written without their unit (`--slot 3`).
  const implausible = options.slotSeconds === undefined ? undefined : implausibleSlot(options.slotSeconds);
  if (implausible !== undefined) throw new UsageError(implausible, 'slot');
  const cwd = resolve(options.cwd ?? process.cwd());
  const context = contextFor(cwd, { pace: options.pace, slotSeconds: options.slotSeconds }, options.config);
  await preloadNumberLocales([...context.languages.values()].map((record) => record.speech.numberLocale));
  return { cwd, dir: context.config.dir, config: context.config, context };
}

/** The statements a run works on: the files given, or the patterns (or config's globs) expanded. */
export async function findStatements(project: Project, targets: TargetOptions = {}): Promise<string[]> {
  if (targets.files) return [...targets.files];
  const { targetFiles } = await commands();
  return targetFiles(targets.patterns ?? [], project.cwd, project.config, targets.errorOnUnmatchedPattern ?? true);
}

async function prepare(options: RunOptions): Promise<{ project: Project; files: string[] }> {
  const project = options.project ?? (await openProject(options));
  return { project, files: await findStatements(project, options) };
}

// ---------------------------------------------------------------------------------------------- check

/** The rules of `check`, in the order they report. */
export async function ruleInfo(): Promise<RuleInfo[]> {
  const { rules } = await commands();
  return rules.map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    summary: rule.summary,
    url: ruleUrl(rule.id),
    fatal: rule.runsOnUnusable === true,
    deliveryOnly: rule.deliveryOnly === true,
  }));
}

/** Checks statements: front matter, address, closing, placeholders, speaking time. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const { project, files } = await prepare(options);
  const { checkFiles, openResultCache } = await commands();
  const cache = options.cache && !options.fix ? openResultCache(project, options.cacheLocation) : undefined;
  const run: FileRun = options.fix
    ? await fixRun(files, project)
    : await checkFiles(files, project.context, { cache, concurrency: options.concurrency });
  const toolWarnings: string[] = [];
  try {
    await cache?.save();
  } catch (error) {
    // The cache only saves time: the check stands, and the next run checks again.
    toolWarnings.push(
      `could not write the cache at ${cache?.location}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let errorCount = 0;
  let warningCount = 0;
  const results = run.results.map((result) => {
    const errors = result.messages.filter((message) => message.fatal).length;
    errorCount += errors;
    warningCount += result.messages.length - errors;
    const messages = options.quiet ? result.messages.filter((message) => message.fatal) : result.messages;
    return {
      ...result,
      messages,
      errorCount: errors,
      warningCount: options.quiet ? 0 : result.messages.length - errors,
    };
  });
  const tooManyWarnings = options.maxWarnings !== undefined && warningCount > options.maxWarnings;
  const outcome = run.internalErrors > 0 ? 'failure' : errorCount > 0 || tooManyWarnings ? 'findings' : 'clean';
  return {
    results,
    errorCount,
    warningCount,
    tooManyWarnings,
    internalErrors: run.internalErrors,
    toolWarnings,
    rules: await ruleInfo(),
    outcome,
  };
}

/** What checking files gave, before counting: each file's messages (and, with `fix`, its fixed text). */
interface FileRun {
  results: (Pick<FileResult, 'path' | 'messages'> &
    Partial<Pick<FileResult, 'output' | 'source' | 'fixedCount' | 'sourceHash'>>)[];
  internalErrors: number;
}

/** `check` with `fix`: each file fixed in memory, in the main thread. */
async function fixRun(files: readonly string[], project: Project): Promise<FileRun> {
  const { fixFiles } = await commands();
  let internalErrors = 0;
  const results = fixFiles(files, project.context).map((file) => {
    internalErrors += file.internalErrors;
    return {
      path: file.path,
      messages: file.messages,
      fixedCount: file.fixed,
      ...(file.output === undefined ? {} : { output: file.output, source: file.source, sourceHash: file.sourceHash }),
    };
  });
  return { results, internalErrors };
}

/**
 * Writes the fixed texts of a `check` run with `fix`: each atomically, and only where the file still
 * holds the bytes the fixes were made from (a file saved since is left, and named); a symbolic link is
 * left too (its target is the statement). Returns the files written and those left, with why.
 */
export async function writeFixes(result: CheckResult): Promise<WrittenFixes> {
  const { writeFixesToFiles } = await import('./check/fix-files.js');
  return writeFixesToFiles(result.results);
}

/**
 * Checks one text as the statement at `path` would be (its project's config found from `path`), as an
 * editor or a pre-commit hook hands it over; with `fix`, also its fixed text (`output`, where a fix
 * changed it). Nothing is read from or written to `path`.
 */
export async function checkText(
  text: string,
  options: { path: string; fix?: boolean; project?: Project } & ProjectOptions,
): Promise<FileResult> {
  const path = resolve(options.cwd ?? process.cwd(), options.path);
  const project = options.project ?? (await openProject({ ...options, cwd: options.cwd ?? dirname(path) }));
  const [{ fixText }, { parseStatement }, { runRules }] = await Promise.all([
    import('./check/fix.js'),
    import('./load/load.js'),
    import('./check/run-rules.js'),
  ]);
  const fixed = options.fix ? fixText(path, text, project.context) : undefined;
  const messages = fixed ? fixed.messages : runRules(parseStatement(path, text, project.context)).messages;
  const errors = messages.filter((message) => message.fatal).length;
  return {
    path,
    messages,
    errorCount: errors,
    warningCount: messages.length - errors,
    ...(fixed ? { fixedCount: fixed.fixed } : {}),
    ...(fixed?.changed ? { output: fixed.output, source: fixed.source } : {}),
  };
}

// ----------------------------------------------------------------------------------------------- time

/** Times statements: how long each takes to deliver, paragraph by paragraph, and how it fits its slot. */
export async function time(options: RunOptions = {}): Promise<TimeResult> {
  const { project, files } = await prepare(options);
  const { timeFiles, restoreMessage } = await commands();
  const outcomes = await timeFiles(files, project.context, options.concurrency);
  const statements = outcomes.map((outcome) => ({
    ...outcome,
    messages: outcome.messages.map((stored) => restoreMessage(stored, outcome.path)),
  }));
  const overCount = outcomes.filter((outcome) => outcome.fit?.status === 'over').length;
  const untimedCount = outcomes.filter((outcome) => outcome.seconds === null).length;
  const totalSeconds = outcomes.reduce((sum, outcome) => sum + (outcome.seconds ?? 0), 0);
  const failed = outcomes.some((outcome) => outcome.internalErrors > 0);
  return {
    statements,
    overCount,
    untimedCount,
    totalSeconds,
    rules: await ruleInfo(),
    outcome: failed ? 'failure' : overCount + untimedCount > 0 ? 'findings' : 'clean',
  };
}

// ----------------------------------------------------------------------------------------------- list

/** The inventory: who speaks where, how long, and whether `check` passes; filtered and sorted. */
export async function list(options: ListOptions = {}): Promise<ListResult> {
  const { project, files } = await prepare(options);
  const { runFiles, selectStatements } = await commands();
  const outcomes = await runFiles('list', files, project.context, { concurrency: options.concurrency });
  const statements = selectStatements(outcomes, options, project.context.forums);
  const failed = outcomes.some((outcome) => outcome.internalErrors > 0);
  return { statements, totals: sessionTotals(statements), outcome: failed ? 'failure' : 'clean' };
}

// ---------------------------------------------------------------------------------------------- build

/**
 * Checks a build's settings before any work: `SOURCE_DATE_EPOCH`, and the output folder, made if
 * missing, a usage error naming it when it cannot be (or is a file).
 */
export async function prepareBuild(options: BuildOptions & { project: Project }): Promise<{ outDir: string }> {
  const [{ outputFolder }, { sourceDateEpoch }] = await Promise.all([
    import('./build/out-folder.js'),
    import('./build/source-date.js'),
  ]);
  sourceDateEpoch(options.sourceDateEpoch);
  return { outDir: outputFolder(options.project, options.out) };
}

/** Builds the handouts: a DOCX and a PDF (and the speaker's copy, if asked) of each statement. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { project, files } = await prepare(options);
  const [{ buildFiles }, { outputFolder }, { sourceDateEpoch }, { restoreMessage }] = await Promise.all([
    import('./run/build-files.js'),
    import('./build/out-folder.js'),
    import('./build/source-date.js'),
    commands(),
  ]);
  const epoch = sourceDateEpoch(options.sourceDateEpoch);
  const outDir = outputFolder(project, options.out);
  const copies = options.copies ?? project.config.copies ?? ['handout'];
  const settings = {
    outDir,
    formats: options.to ?? (['docx', 'pdf'] as Format[]),
    copies: [...new Set(copies)],
    force: options.force === true,
    pdfEngine: options.pdfEngine ?? 'pdfkit',
    sourceDateEpoch: epoch,
  };
  const { outcomes, manifestError } = await buildFiles(files, project.context, settings, {
    rebuild: options.rebuild,
    concurrency: options.concurrency,
    onProgress: options.onProgress,
    env: options.env ?? process.env,
  });
  const statements = outcomes.map(({ staged: _staged, entry: _entry, ...outcome }) => ({
    ...outcome,
    messages: outcome.messages.map((stored) => restoreMessage(stored, outcome.path)),
  }));
  const count = (status: StoredBuildOutcome['status']) =>
    outcomes.filter((outcome) => outcome.status === status).length;
  const skipped = count('skipped');
  const failed = count('failed');
  const internal = outcomes.some((outcome) => outcome.internalErrors > 0);
  return {
    statements,
    outDir,
    built: count('built'),
    unchanged: count('unchanged'),
    skipped,
    failed,
    written: outcomes.reduce((sum, outcome) => sum + outcome.written.length, 0),
    manifestError,
    outcome: internal
      ? 'failure'
      : // With `force`, only a statement that cannot be built at all (unreadable, beyond the bounds) is skipped.
        failed > 0 || manifestError !== undefined || skipped > 0
        ? 'findings'
        : 'clean',
  };
}

// ---------------------------------------------------------------------------------------------- watch

/**
 * Watches a project's statements and its own files until `signal` aborts, calling `onChange` after
 * each save, however an editor saves (in place, renamed over, deleted and made again).
 */
export async function watch(options: WatchOptions): Promise<void> {
  const { watchStatements } = await import('./run/watch.js');
  let project = options.project;
  await watchStatements({
    patterns: options.patterns ?? [],
    cwd: project.cwd,
    config: project.config,
    files: options.files,
    signal: options.signal,
    onReady: options.onReady,
    onChange: async (change) => {
      if (change.project) {
        try {
          const { overrides } = project.context;
          project = await openProject({
            cwd: project.cwd,
            config: project.config.path ?? undefined,
            pace: overrides.pace,
            slotSeconds: overrides.slotSeconds,
          });
        } catch (error) {
          options.onError?.(error as Error);
          return;
        }
      }
      if (change.removed.length > 0) options.onRemove?.(change.removed);
      if (change.files.length > 0 || change.project) await options.onChange(change.files, project);
    },
  });
}

// --------------------------------------------------------------------------------------------- editor

/** What an editor offers in a project's front matter: fields with their documentation, forums, languages. */
export async function vocabulary(project: Project): Promise<Vocabulary> {
  const { vocabularyOf } = await import('./project/vocabulary.js');
  return vocabularyOf(project);
}

// -------------------------------------------------------------------------------------------- preview

/**
 * One statement, inspected for the preview: from its file, or from `text` being edited in its place
 * (nothing is written). Its messages are those of `check`; its times those of `time`; its handout as
 * HTML unless `html` is false (an editor's language server needs the times, not the page).
 */
export async function inspect(
  project: Project,
  path: string,
  options: { text?: string; html?: boolean } = {},
): Promise<StatementView> {
  const [{ inspectOne }, { restoreMessage }] = await Promise.all([import('./run/inspect.js'), commands()]);
  const outcome = await inspectOne(resolve(project.cwd, path), project.context, options.text, options.html ?? true);
  return { ...outcome, messages: outcome.messages.map((stored) => restoreMessage(stored, outcome.path)) };
}

/**
 * Saves a statement edited in the preview, if the file on disk still hashes to `expectedHash` (the
 * `hash` of the `inspect` it was opened from); otherwise nothing is written and the outcome says why.
 */
export async function saveStatement(
  project: Project,
  path: string,
  text: string,
  expectedHash: string,
): Promise<SaveOutcome> {
  const { saveStatementText } = await import('./run/save-statement.js');
  return saveStatementText(resolve(project.cwd, path), project.dir, text, expectedHash);
}

/**
 * Saves a speaker's measured pace (words, or characters, a minute in `language`) under `speakers:` in
 * the config, which then times their statements (after flag, inline comment and front matter). Returns
 * the config file written; a value that is no pace is a `UsageError`.
 */
export async function saveSpeakerPace(
  project: Project,
  speaker: string,
  language: string,
  pace: number,
): Promise<string> {
  const { saveSpeakerPace: save } = await import('./project/speaker-pace.js');
  if (speaker.trim() === '') throw new UsageError('Expected a speaker, found none');
  const { limits } = await import('./project/registry-data.js');
  const most = limits().maxSpeakerNameCharacters;
  if ([...speaker].length > most || /[\p{Cc}\p{Zl}\p{Zp}]/u.test(speaker))
    throw new UsageError(
      `Expected a speaker's name of at most ${most} characters on one line, found ${[...speaker].length} characters${/[\p{Cc}\p{Zl}\p{Zp}]/u.test(speaker) ? ' with control characters or line breaks' : ''}`,
    );
  const valid = parsePace(pace);
  if (!valid.ok) throw new UsageError(valid.reason);
  const tag = parseLanguage(language, project.context.fields);
  if (!tag.ok) throw new UsageError(tag.reason);
  const { ruleIds, fields } = project.context;
  return save(project.config, { ruleIds, fields }, speaker, tag.value.toLowerCase().split('-')[0]!, valid.value);
}

// ------------------------------------------------------------------------------------- init and new

/**
 * Sets up a project (config, statements/, templates/, a CI workflow, package.json, .gitignore): what is
 * missing is written, what is there is kept (never overwritten), and what cannot be written is named.
 */
export async function init(options: InitOptions): Promise<InitResult> {
  const [{ initProject }, { fieldContext }] = await Promise.all([
    import('./project/init-project.js'),
    import('./project/registry-data.js'),
  ]);
  const language = parseLanguage(options.language ?? 'en', fieldContext());
  if (!language.ok) throw new UsageError(language.reason, 'language');
  return initProject(options.dir, {
    organization: options.organization || undefined,
    language: language.value,
    tool: options.tool,
  });
}

/** Writes a new statement from the project's template. Invalid fields are a `UsageError`. */
/**
 * Writes a language version of the statement at `sourcePath` beside it (`victims.fr.md`), never over a
 * file: the source's front matter with `language` and `source_hash`, the opening and closing in that
 * language, and the source's paragraphs between them, to translate. Returns its path.
 */
export async function newVersion(project: Project, sourcePath: string, language: string): Promise<string> {
  const { writeNewVersion } = await import('./run/new-version.js');
  const result = parseLanguage(language, project.context.fields);
  if (!result.ok) throw new UsageError(result.reason, 'language');
  return writeNewVersion(resolve(project.cwd, sourcePath), result.value, project.context);
}

export async function newStatement(project: Project, fields: NewStatementFields): Promise<NewStatementResult> {
  const { writeNewStatement } = await import('./project/new-statement.js');
  const value = { ...fields };
  if (value.date !== undefined) {
    const result = parseDate(value.date);
    if (!result.ok) throw new UsageError(result.reason, 'date');
  }
  if (value.language !== undefined) {
    const result = parseLanguage(value.language, project.context.fields);
    if (!result.ok) throw new UsageError(result.reason, 'language');
    value.language = result.value;
  }
  const warnings: string[] = [];
  if (!project.context.forums.find(value.forum)) {
    const { nearest } = await import('../model/suggest.js');
    const names = project.context.forums.allNames();
    const near = nearest(value.forum, names.keys());
    const hint =
      near === undefined ? ' (add it under `forums:` in the config file)' : `, did you mean \`${names.get(near)}\`?`;
    warnings.push(
      `Unexpected forum \`${value.forum}\`${hint}: the statement names no presiding officer's title and no slot`,
    );
  }
  return { path: writeNewStatement(value, project.context), warnings };
}
