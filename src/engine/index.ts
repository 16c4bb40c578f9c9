/**
 * The engine's front door, and the Node API (`import { check, build } from 'alliance'`): each command
 * of the CLI is one function here, taking options and returning plain results that already carry the
 * decisions (the fit to the slot, message counts, rule metadata, the outcome of the run). Nothing here
 * prints or exits; the CLI is one user of it, a script or an editor extension another.
 *
 * Only light modules load with this file: each function loads the rooms it needs when it is called,
 * so that `alliance --help` and a one-file check stay quick.
 */
import { resolve } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import type { BuildOutcome as StoredBuildOutcome, CopyName, Format } from './build/build.js';
import type { Config } from './project/config.js';
import type { NewStatement } from './project/new-statement.js';
import type { LoadContext } from './project/context.js';
import type { Concurrency } from './run/pool.js';
import type { ListOutcome, TimeOutcome } from './run/tasks.js';
import type { InspectOutcome } from './run/inspect.js';
import type { ListSort, SessionTotals } from '../model/list-order.js';
import type { SaveOutcome } from './run/save-statement.js';

import { UsageError } from './io/errors.js';
import { ruleUrl } from './io/version.js';
import { parseDate, parseLanguage, parsePace } from '../model/fields.js';
import { sessionTotals } from '../model/list-order.js';

export { AllianceError, ConfigError, UsageError } from './io/errors.js';
export { HOMEPAGE, VERSION, ruleUrl } from './io/version.js';
export { formatClock, formatMargin } from '../model/duration.js';
export { printable, singleLine } from '../model/describe.js';
export { parsePace, parseSlot } from '../model/fields.js';
export { LIST_SORTS, type ListSort, type SessionTotals } from '../model/list-order.js';
export type { Fit } from '../timing/fit.js';
export type { Config } from './project/config.js';
export type { Concurrency } from './run/pool.js';
export type { CopyName, Format } from './build/build.js';
export type { ListOutcome, ParagraphTimeOutcome, TimeOutcome } from './run/tasks.js';
export type { InspectedParagraph } from './run/inspect.js';
export type { SaveOutcome } from './run/save-statement.js';
export { format, formatNames, loadFormatter } from './format/index.js';
export type { FormattedCommand, Formatter, FormatterInput, View as ReportView } from './format/view.js';

/** How a run ended: nothing to report, findings in statements, or a failure of the tool itself. */
export type Outcome = 'clean' | 'findings' | 'failure';

/** Where a project is and which config applies. */
export interface ProjectOptions {
  /** The folder to work in (default: the process's). Relative paths and patterns are read from it. */
  cwd?: string;
  /** A config file named outright; `null` for none; left out, `alliance.config.yaml` is looked for upward. */
  config?: string | null;
  /** Words (or characters) a minute, for every statement (over everything else). */
  pace?: number;
  /** The speaking slot in seconds, for every statement (over everything else). */
  slotSeconds?: number;
}

/** A project opened once: its folder, config, forums and rules; share it between runs (as `--watch` does). */
export interface Project {
  readonly cwd: string;
  readonly dir: string;
  readonly config: Config;
  /** What loading a statement needs (internal to the engine). */
  readonly context: LoadContext;
}

/** Which statements: files already found, or patterns (none: the config's `statements` globs). */
export interface TargetOptions {
  /** Absolute paths of statements, already found (as a watch gives them). */
  files?: readonly string[];
  /** Files, folders or globs, relative to `cwd`. */
  patterns?: readonly string[];
  /** A pattern that matches nothing is a `UsageError` (default: true). */
  errorOnUnmatchedPattern?: boolean;
}

/** Options every run takes: the project (opened, or where to open it) and the statements. */
export interface RunOptions extends ProjectOptions, TargetOptions {
  /** A project already opened; `cwd`, `config`, `pace` and `slotSeconds` are then not read. */
  project?: Project;
  /** Worker threads: a number, `auto` (large batches) or `off`. */
  concurrency?: Concurrency;
}

/** The modules of the commands that read statements (see run/commands.ts). */
const commands = () => import('./run/commands.js');

/** Opens the project that applies in `cwd`: its config (found upward, named, or none) and the registries. */
export async function openProject(options: ProjectOptions = {}): Promise<Project> {
  const { contextFor, preloadNumberLocales } = await commands();
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

/** A rule as reports describe it. */
export interface RuleInfo {
  id: string;
  severity: 'error' | 'warning';
  summary: string;
  /** Its documentation. */
  url: string;
  /** A rule of the loader: its error means the file could not be used at all (ESLint's `fatal`). */
  fatal: boolean;
  /** Skipped for written statements. */
  deliveryOnly: boolean;
}

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

/** The messages of one file. */
export interface FileResult {
  /** Absolute path. */
  path: string;
  messages: VFileMessage[];
  errorCount: number;
  warningCount: number;
}

/** How to check. */
export interface CheckOptions extends RunOptions {
  /** Reuse the results of unchanged files. */
  cache?: boolean;
  /** The cache file, or a folder to keep it in (default: node_modules/.cache/alliance/ in the project). */
  cacheLocation?: string;
  /** Report errors only; warnings are still counted (as ESLint counts them for `--max-warnings`). */
  quiet?: boolean;
  /** More warnings than this are a finding. */
  maxWarnings?: number;
}

/** What `check` found. */
export interface CheckResult {
  /** One entry per file, in order; with `quiet`, warnings left out. */
  results: FileResult[];
  /** Counted before `quiet` filters. */
  errorCount: number;
  warningCount: number;
  /** More warnings than `maxWarnings`. */
  tooManyWarnings: boolean;
  /** Failures of the tool on files (each also a message on its file). */
  internalErrors: number;
  /** What the tool itself warns about (a cache it could not write): the results stand. */
  toolWarnings: string[];
  rules: RuleInfo[];
  outcome: Outcome;
}

/** Checks statements: front matter, address, closing, placeholders, speaking time. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const { project, files } = await prepare(options);
  const { checkFiles, openResultCache } = await commands();
  const cache = options.cache ? openResultCache(project, options.cacheLocation) : undefined;
  const run = await checkFiles(files, project.context, { cache, concurrency: options.concurrency });
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
      path: result.path,
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

// ----------------------------------------------------------------------------------------------- time

/** A timed statement, its messages as vfile messages. */
export type TimedStatement = Omit<TimeOutcome, 'messages'> & { messages: VFileMessage[] };

/** What `time` found. */
export interface TimeResult {
  statements: TimedStatement[];
  /** Statements over their slot. */
  overCount: number;
  /** Statements that cannot be timed. */
  untimedCount: number;
  totalSeconds: number;
  rules: RuleInfo[];
  outcome: Outcome;
}

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

/** How to list: filters and order. */
export interface ListOptions extends RunOptions {
  /** Only this forum (a name or an alias). */
  forum?: string;
  session?: string;
  status?: string;
  sort?: ListSort;
}

/** What `list` found. */
export interface ListResult {
  statements: ListOutcome[];
  totals: SessionTotals[];
  outcome: Outcome;
}

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

/** What happened to one statement's handouts, its messages as vfile messages. */
export type BuiltStatement = Omit<StoredBuildOutcome, 'messages' | 'staged' | 'entry'> & { messages: VFileMessage[] };

/** How to build. */
export interface BuildOptions extends RunOptions {
  /** The output folder (default: dist/ in the project); relative to `cwd`. */
  out?: string;
  /** The formats (default both). */
  to?: Format[];
  /** The copies (default: the config's `copies`, else the handout). */
  copies?: CopyName[];
  /** Build statements with errors too. */
  force?: boolean;
  /** Build everything, ignoring what is up to date. */
  rebuild?: boolean;
  pdfEngine?: 'pdfkit' | 'libreoffice';
  /** Seconds since 1970 for the documents' dates, as the `SOURCE_DATE_EPOCH` variable gives them. */
  sourceDateEpoch?: string;
  /** Called as statements are done. */
  onProgress?: (done: number, total: number) => void;
  /** The environment (LibreOffice's location; default: the process's). */
  env?: Record<string, string | undefined>;
}

/** What `build` did. */
export interface BuildResult {
  statements: BuiltStatement[];
  /** The output folder, absolute. */
  outDir: string;
  built: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Files written. */
  written: number;
  /** Why the manifest (dist/manifest.json) could not be written, if it could not: the handouts written stand. */
  manifestError?: string;
  outcome: Outcome;
}

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

/** How to watch. */
export interface WatchOptions {
  project: Project;
  /** The command's patterns (none: the config's globs). */
  patterns?: readonly string[];
  /** The files the command works on now. */
  files: readonly string[];
  /**
   * Called once the events settle with the statements to run again, and the project: read again, with
   * every statement, when its own files (config, templates, languages) changed.
   */
  onChange: (files: string[], project: Project) => Promise<unknown>;
  /** Called when the project's files, changed, cannot be read (the watch goes on with the project as it was). */
  onError?: (error: Error) => void;
  /** Called with the statements that were deleted or renamed away (absolute paths). */
  onRemove?: (files: string[]) => void;
  /** Called once the watch is in place: saves from then on are seen. */
  onReady?: () => void;
  /** Ends the watch. */
  signal?: AbortSignal;
}

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

// -------------------------------------------------------------------------------------------- preview

/** A statement as the preview shows it: text, messages, timing by paragraph, and the handout as HTML. */
export type StatementView = Omit<InspectOutcome, 'messages'> & { messages: VFileMessage[] };

/**
 * One statement, inspected for the preview: from its file, or from `text` being edited in its place
 * (nothing is written). Its messages are those of `check`; its times those of `time`.
 */
export async function inspect(project: Project, path: string, options: { text?: string } = {}): Promise<StatementView> {
  const [{ inspectOne }, { restoreMessage }] = await Promise.all([import('./run/inspect.js'), commands()]);
  const outcome = await inspectOne(resolve(project.cwd, path), project.context, options.text);
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
  const valid = parsePace(pace);
  if (!valid.ok) throw new UsageError(valid.reason);
  const tag = parseLanguage(language, project.context.fields);
  if (!tag.ok) throw new UsageError(tag.reason);
  const { ruleIds, fields } = project.context;
  return save(project.config, { ruleIds, fields }, speaker, tag.value.toLowerCase().split('-')[0]!, valid.value);
}

// ------------------------------------------------------------------------------------- init and new

/** How to set up a project. */
export interface InitOptions {
  /** The folder (made if missing). */
  dir: string;
  organization?: string;
  /** A language tag (default `en`). */
  language?: string;
  /** Where the project installs the tool from (default: this version's release in its git repository). */
  tool?: string;
}

/** Sets up a project (config, statements/, templates/, a CI workflow), never overwriting; the paths written. */
export async function init(options: InitOptions): Promise<string[]> {
  const [{ initProject }, { fieldContext }] = await Promise.all([
    import('./project/init-project.js'),
    import('./project/registry-data.js'),
  ]);
  const language = parseLanguage(options.language ?? 'en', fieldContext());
  if (!language.ok) throw new UsageError(language.reason.replace('`language`', '`--language`'));
  return initProject(options.dir, {
    organization: options.organization || undefined,
    language: language.value,
    tool: options.tool,
  });
}

/** The front matter of a new statement: forum, session and speaker, and what else it gives. */
export type NewStatementFields = NewStatement;

/** What `newStatement` wrote, and what the author should know about it (a forum not in the registry). */
export interface NewStatementResult {
  path: string;
  warnings: string[];
}

/** Writes a new statement from the project's template. Invalid fields are a `UsageError`. */
export async function newStatement(project: Project, fields: NewStatementFields): Promise<NewStatementResult> {
  const { writeNewStatement } = await import('./project/new-statement.js');
  const value = { ...fields };
  if (value.date !== undefined) {
    const result = parseDate(value.date);
    if (!result.ok) throw new UsageError(result.reason.replace('`date`', '`--date`'));
  }
  if (value.language !== undefined) {
    const result = parseLanguage(value.language, project.context.fields);
    if (!result.ok) throw new UsageError(result.reason.replace('`language`', '`--language`'));
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
